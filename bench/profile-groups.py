#!/usr/bin/env python3
"""Where a PolicySite build's CPU goes, from `perf script -F comm,tid,ip,sym` output run through
`swift demangle --simplified` (bench/profile.sh makes it).

Prints three tables, each as shares of all samples:

1. by stage: the first group (in the order below) any frame of a sample matches; a sample in
   swift-mustache is rendering even when it runs inside a section's values, for example;
2. by page kind: the outermost `SiteRenderer.render…` frame (the page being rendered), else
   loading, else the rest of the build;
3. by owner: swift-mustache, Yams (libyaml and its node tree), cmark-gfm, the kernel, and what
   is left, PolicySite's own code with the Swift runtime and allocator work it causes. This is
   the table that says what a faster build can come from without replacing a dependency.

    bench/profile-groups.py PROFILE.txt
"""
import collections
import re
import sys

# Any frame of swift-mustache's rendering: the whole sample is template work.
MUSTACHE = r"MustacheLibrary\.render|MustacheTemplate\.render"

# Stage groups, first match wins (same order as docs/performance.md's profiles).
STAGES = [
    ("templates (swift-mustache)", MUSTACHE),
    ("Markdown (cmark-gfm and the renderer)", r"MarkdownRenderer|^cmark_"),
    ("loading: YAML composition (Yams)", r"StrictYAMLDecoder\.compose"),
    ("loading: decoding the front matter", r"StrictYAMLDecoder\.decode"),
    ("loading: the rest", r"ContentLoader\.load|CompanyLoader"),
    ("diffs: comparing versions", r"PolicyDiff\.init"),
    ("machine-readable JSON", r"MachineReadable|PrettyJSON|JSONEncoder"),
    ("page values", r"SiteRenderer\.(policyModel|companyFrame|pageFrame|frame|withSectionHTML|withRows|structuredSections)|PageModel|SectionModel|SectionValues|SectionBlocks"),
    ("writing the output", r"OutputWriter|BackgroundWriter|write\b|sys_write|openat|do_sys_open"),
    ("freeing a finished batch's caches", r"RetiredRenderer"),
    ("site-wide pages", r"SiteIndex|Sitemap|renderHome|renderFeed"),
    ("hashing and fingerprints", r"sha256|SHA256|fingerprint|Fingerprint"),
]

OWNERS = [
    ("swift-mustache", MUSTACHE),
    ("Yams (libyaml and its node tree)", r"StrictYAMLDecoder\.compose|^Parser\.|^yaml_parser"),
    ("cmark-gfm", r"^cmark_|^houdini"),
]


def read_stacks(path):
    """Samples as lists of (address, symbol), innermost frame first."""
    stacks, current = [], []
    for line in open(path, errors="replace"):
        line = line.rstrip("\n")
        if not line.strip():
            if current:
                stacks.append(current)
            current = []
        elif line[0] in " \t":
            parts = line.strip().split(None, 1)
            current.append((parts[0], parts[1] if len(parts) > 1 else "?"))
        elif current:
            stacks.append(current)
            current = []
    if current:
        stacks.append(current)
    return stacks


def first_match(symbols, groups):
    for name, pattern in groups:
        if any(re.search(pattern, symbol) for symbol in symbols):
            return name
    return None


def page_kind(symbols):
    pages = [m.group(2) for s in symbols if (m := re.match(r"(specialized )?SiteRenderer\.(render\w+)", s))]
    if pages:
        return pages[-1]
    if any(re.search(r"CompanyStream\.next|loadCompanies", s) for s in symbols):
        return "loading"
    return "the rest of the build"


def table(title, counter, total):
    print(f"\n{title}")
    for name, count in counter.most_common():
        print(f"  {100 * count / total:5.1f}%  {name}")


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    stacks = read_stacks(sys.argv[1])
    if not stacks:
        sys.exit(f"no samples in {sys.argv[1]}")
    stages, pages, owners = collections.Counter(), collections.Counter(), collections.Counter()
    for stack in stacks:
        symbols = [symbol for _, symbol in stack]
        stages[first_match(symbols, STAGES) or "other"] += 1
        pages[page_kind(symbols)] += 1
        owner = first_match(symbols, OWNERS)
        if owner is None:
            # A sample whose innermost frame is in the kernel (system calls, page faults).
            owner = "kernel" if stack[0][0].startswith("ffffffff") else "PolicySite's code (with the runtime and allocator work it causes)"
        owners[owner] += 1
    print(f"{len(stacks)} samples")
    table("By stage", stages, len(stacks))
    table("By page kind (the page being rendered)", pages, len(stacks))
    table("By owner", owners, len(stacks))


if __name__ == "__main__":
    main()
