import PolicyText

/// Joins path segments with `/`, the way content paths are shown in messages.
public func joinPath(_ parts: String...) -> String {
    parts.filter { !$0.isEmpty }.joined(separator: "/").replacingAll("//", with: "/")
}

/// The folder holding `path` (`content` → ``, `a/b/content` → `a/b`, `/x/content/` → `/x`).
public func parentPath(_ path: String) -> String {
    var trimmed = Substring(path)
    while trimmed.count > 1, trimmed.hasSuffix("/") { trimmed.removeLast() }
    guard let slash = trimmed.lastIndex(of: "/") else { return "" }
    return slash == trimmed.startIndex ? "/" : String(trimmed[..<slash])
}
