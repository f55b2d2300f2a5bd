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

    /// The blocks as template values (`PolicyPageModel.Block`).
    var templateValues: [PolicyPageModel.Block] {
        blocks.map { block in
            switch block {
            case .prose(let html):
                PolicyPageModel.Block(prose: html, sectionID: nil, isData: false, section: nil)
            case .data(let id):
                PolicyPageModel.Block(prose: nil, sectionID: PolicySection(rawValue: id), isData: true, section: nil)
            case let .section(id, title):
                PolicyPageModel.Block(
                    prose: nil, sectionID: PolicySection(rawValue: id), isData: false, section: PolicyPageModel.Block.Section(id: id, title: title))
            }
        }
    }
}
