import PolicyFiles

/// What a set of changed paths makes stale.
enum RebuildScope: Equatable, Sendable {
    /// site.yml, the theme, or the set of companies changed: every page may differ.
    case everything
    /// Only files inside these company folders changed (folders as `Company.folder` names them).
    case companies(Set<String>)

    static func of(_ changes: Set<String>, contentPath: String) -> RebuildScope {
        let prefix = contentPath + "/"
        var folders = Set<String>()
        for path in changes {
            guard path.hasPrefix(prefix) else { return .everything }
            let parts = path.dropFirst(prefix.count).split(separator: "/")
            // `content/site.yml`, a stray file, or a company folder added or removed.
            guard parts.count >= 2 else { return .everything }
            folders.insert(joinPath(contentPath, String(parts[0])))
        }
        return folders.isEmpty ? .everything : .companies(folders)
    }

    func union(_ other: RebuildScope) -> RebuildScope {
        guard case .companies(let mine) = self, case .companies(let theirs) = other else { return .everything }
        return .companies(mine.union(theirs))
    }
}
