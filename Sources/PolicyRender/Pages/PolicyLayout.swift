import Foundation
import PolicyMarkdown
public import PolicyModel
import PolicyText
import PolicyTranslations

/// Decides where the theme's structured sections (tables, lists) go in the prose; the theme's
/// `policy.mustache` writes the markup. A body heading that claims a section id
/// (`## Cookies {#cookies}`) gets that section's content at the end of its own text; sections
/// no heading claims follow the body under the theme's headings, before a claimed contact
/// section when there is one (contact reads best last).
struct PolicyLayout {
    enum Block: Equatable {
        /// Rendered Markdown, from one level-2 heading to the next.
        case prose(String)
        /// A section's data after the prose of the heading that claims it.
        case data(id: String)
        /// A section no heading claims, under the theme's heading `title`.
        case section(id: String, title: String)
    }

    let blocks: [Block]
    let toc: [(id: String, text: String)]

    init(body: RenderedMarkdown, sections: [(id: String, title: String)], linkPrefix: String = "") {
        let sectionIDs = Set(sections.map(\.id))
        let claimed = Set(body.headings.filter { $0.level == 2 && $0.isExplicit && sectionIDs.contains($0.id) }.map(\.id))

        // Split the body at its level-2 headings, at the offsets the Markdown renderer noted.
        // Each chunk keeps its heading: looking it up by id again made a body of n headings cost n².
        var chunks: [(heading: Heading?, text: Substring)] = []
        let utf8 = body.html.utf8
        var start = body.html.startIndex
        var current: Heading? = nil
        for (heading, offset) in zip(body.headings, body.headingOffsets) where heading.level == 2 {
            let position = utf8.index(utf8.startIndex, offsetBy: offset)
            chunks.append((current, body.html[start..<position]))
            start = position
            current = heading
        }
        chunks.append((current, body.html[start...]))

        let unclaimed = sections.filter { !claimed.contains($0.id) }
        let unclaimedBlocks = unclaimed.map { Block.section(id: $0.id, title: $0.title) }
        let unclaimedTOC = unclaimed.map { (id: $0.id, text: $0.title) }
        var blocks: [Block] = []
        var toc: [(id: String, text: String)] = []
        let contactClaimed = claimed.contains("contact")
        for chunk in chunks {
            if contactClaimed, chunk.heading?.id == "contact" {
                blocks += unclaimedBlocks
                toc += unclaimedTOC
            }
            if !chunk.text.isEmpty {
                blocks.append(.prose(linkPrefix.isEmpty ? String(chunk.text) : rebaseRelativeLinks(chunk.text, prefix: linkPrefix)))
            }
            if let heading = chunk.heading {
                toc.append((heading.id, heading.text))
                if claimed.contains(heading.id) { blocks.append(.data(id: heading.id)) }
            }
        }
        if !contactClaimed {
            blocks += unclaimedBlocks
            toc += unclaimedTOC
        }
        self.blocks = blocks
        self.toc = toc
    }

    /// The blocks as template values: each has `layout_prose`, `layout_data` and
    /// `layout_section`; a data or section block also names the partial to include,
    /// `layout_partial` (`section-<id>`, which `section-data` includes with `{{>*layout_partial}}`:
    /// one lookup per block), and, for themes that dispatch on flags, every `layout_is_<id>`,
    /// `true` only for its own section. The flags are all present, `false` when not so: a
    /// missing name resolves up the context stack.
    var templateValues: [[String: Any]] {
        blocks.map { block in
            switch block {
            case .prose(let html):
                var value = Self.proseValues
                value["layout_prose"] = html
                return value
            case .data(let id):
                return Self.dataBlockValues[id] ?? Self.blockValues(id, data: true)
            case let .section(id, title):
                var value = Self.sectionBlockValues[id] ?? Self.blockValues(id, data: false)
                value["layout_section"] = ["section_id": id, "section_title": title]
                return value
            }
        }
    }

    // A block's values but the prose and title, made once per section id and copied: a page
    // has a few dozen blocks, and each built its dozen flags anew. `nonisolated(unsafe)`
    // because `[String: Any]` is not `Sendable`; safe because they are constants of strings
    // and flags (values), only ever read and copied.

    nonisolated(unsafe) static let proseValues: [String: Any] = ["layout_prose": false, "layout_data": false, "layout_section": false]
    nonisolated(unsafe) static let dataBlockValues = Dictionary(
        uniqueKeysWithValues: SiteRenderer.structuredSectionIDs.map { ($0, blockValues($0, data: true)) })
    nonisolated(unsafe) static let sectionBlockValues = Dictionary(
        uniqueKeysWithValues: SiteRenderer.structuredSectionIDs.map { ($0, blockValues($0, data: false)) })

    /// The values of a data block (`data`) or of a section block for section `id`.
    static func blockValues(_ id: String, data: Bool) -> [String: Any] {
        var value = proseValues
        value["layout_data"] = data
        value.merge(noFlags) { _, flag in flag }
        value[flag(id)] = true
        value["layout_partial"] = "section-" + id
        return value
    }

    /// Every structured section's flag, `false`.
    static let noFlags: [String: Bool] = Dictionary(uniqueKeysWithValues: SiteRenderer.structuredSectionIDs.map { (flag($0), false) })

    static func flag(_ id: String) -> String { "layout_is_" + id.replacingAll("-", with: "_") }
}
