#ifndef POLICYSITE_ATOMIC_RENAME_H
#define POLICYSITE_ATOMIC_RENAME_H

/// Swaps two paths in one step (Linux renameat2 with RENAME_EXCHANGE): readers see the old
/// folder or the new one, never neither. Returns 0, or -1 with errno set (ENOSYS or EINVAL where
/// the kernel or file system cannot do it; the caller then falls back to two renames).
int policysite_exchange_paths(const char *first, const char *second);

#endif
