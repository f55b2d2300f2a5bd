/// A policy diff for the terminal: structured changes first, then the prose, one sentence per
/// line marked `-` (removed) or `+` (added).
public enum DiffPrinter {
    public static func render(_ diff: PolicyDiff) -> String {
        var text = "Changes from \(diff.from) to \(diff.to)\n"
        if diff.isEmpty { return text + "No differences.\n" }
        if !diff.structured.isEmpty { text += "\nStructured data:\n" }
        for change in diff.structured {
            text += "  \(change.kind.rawValue) \(change.area.rawValue): \(change.subject)"
            switch change.kind {
            case .added: text += " = \(change.after ?? "")\n"
            case .removed: text += " (was \(change.before ?? ""))\n"
            case .changed: text += ": \(change.before ?? "") → \(change.after ?? "")\n"
            }
        }
        for section in diff.sections where section.hasChanges {
            text += "\n## \(section.title.isEmpty ? "(introduction)" : section.title)\n"
            for piece in section.pieces where piece.kind != .same {
                text += (piece.kind == .added ? "+ " : "- ") + piece.text + "\n"
            }
        }
        return text
    }
}
