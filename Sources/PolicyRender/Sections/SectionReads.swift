import Foundation
import PolicyModel
import PolicyTranslations
import Synchronization

/// What each structured section reads when `section-data` renders it, from the theme's template
/// texts: the names of its tags, through every partial it includes.
enum SectionReads {
    /// For each section id whose reads are known, the names; `usesHTML` when the policy template
    /// prints `data_html` (only then are sections rendered apart).
    static func collect(_ sources: [String: String]) -> (usesHTML: Bool, reads: [String: Set<String>]) {
        let usesHTML = sources["policy"].map { scan($0).names.contains("data_html") } ?? false
        var reads: [String: Set<String>] = [:]
        for id in SiteRenderer.structuredSectionIDs {
            if let names = closure(of: "section-data", section: id, sources: sources) { reads[id] = names }
        }
        return (usesHTML, reads)
    }

    /// The names `template` and the partials it includes read, or nil when they cannot be known.
    static func closure(of template: String, section id: String, sources: [String: String]) -> Set<String>? {
        var names: Set<String> = [], visited: Set<String> = [], pending = [template]
        while let name = pending.popLast() {
            guard visited.insert(name).inserted else { continue }
            // A partial the theme lacks renders as nothing (and the theme check reports it).
            guard let text = sources[name] else { continue }
            guard let own = self.names(in: text) else { return nil }
            names.formUnion(own)
            for partial in Theme.partialNames(in: text) {
                if partial == "*layout_partial" {
                    pending.append("section-" + id)
                } else if partial.hasPrefix("*") {
                    return nil
                } else {
                    pending.append(partial)
                }
            }
        }
        names.remove("t")
        return names
    }

    /// The names a template's tags read, or nil when they cannot be known from the tags alone.
    static func names(in text: String) -> Set<String>? {
        let scanned = scan(text)
        return scanned.opaque ? nil : scanned.names
    }

    /// The first segment of every name a template's tags look up (`company` for
    /// `{{company.name}}`, `items` for `{{^empty(items)}}`); `opaque` for tags whose reads
    /// depend on more than a name: inheritance, changed delimiters, or a function of the
    /// enclosing list (`{{#first()}}`).
    static func scan(_ text: String) -> (names: Set<String>, opaque: Bool) {
        var names: Set<String> = []
        var opaque = false
        for tag in Theme.tags(in: text) {
            let (sigil, name) = Theme.lookup(tag)
            switch sigil {
            case "!", "%", "/", ">": continue
            case "=", "$", "<":
                opaque = true
                continue
            default: break
            }
            if name == "." { continue }
            guard let head = name.split(separator: ".", omittingEmptySubsequences: false).first, !head.isEmpty else {
                opaque = true
                continue
            }
            names.insert(String(head))
        }
        return (names, opaque)
    }
}
