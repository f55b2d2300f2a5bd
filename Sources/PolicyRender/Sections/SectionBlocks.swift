import Foundation
import PolicyModel
import PolicyTranslations
import Synchronization

/// A policy page's structured sections rendered once per build for a given content, and reused
/// on every page that shows the same section the same way.
///
/// A policy with history is on several pages: its own, and the page of every published version.
/// From one version to the next most sections stay as they were (the contact card, the purposes,
/// the recipients), yet each page rendered each of them again, and sections were the bulk of a
/// page's template work. A theme whose `policy.mustache` prints `{{{data_html}}}` in place of
/// `{{> section-data}}` gets each block's section as HTML, rendered through `section-data` on
/// its own. What makes reuse safe is knowing what a section reads: when the theme loads, the
/// names each section's partials use (through every partial they include) are collected
/// (`SectionReads`), and a section's HTML is kept under everything it could read: the block's
/// own values and the page's values of those names. Two pages that agree on all of them render
/// the same text. A section whose partials read in ways a tag list cannot pin down (another
/// dynamic include, inheritance, changed delimiters, sequence functions) is rendered on every
/// page as before.
final class SectionBlocks: Sendable {
    let rendered = RenderedFragments()

    /// What `section-data` renders a block's section from: the section's own values
    /// (`layout_section`) over the block's over the page's, as on the page's context stack;
    /// of the page, only `lang`, `t` and the names the section reads (all of them when its
    /// reads are not known).
    struct Context: TemplateValue {
        let block: PolicyPageModel.Block
        let page: PolicyPageModel
        let reads: Set<String>?

        /// The section's names, the block's and the page's, as `child(named:)` reads them.
        static var shape: TemplateShape {
            TemplateShape(names: [], yields: [], next: [{ PolicyPageModel.Block.Section.shape }, { PolicyPageModel.Block.shape }, { PolicyPageModel.shape }])
        }

        func child(named name: String) -> Any? {
            let key = TemplateKey(name)
            if let section = block.section, let own = section.child(named: key) { return own }
            if let own = block.child(named: key) { return own }
            guard name == "lang" || name == "t" || reads?.contains(name) ?? true else { return nil }
            return page.child(named: key)
        }
    }

    /// The section of `block` as HTML, for the page `page`.
    func html(_ block: PolicyPageModel.Block, id: String, page: PolicyPageModel, theme: Theme) -> String {
        let reads = theme.sectionReads[id]
        let context = Context(block: block, page: page, reads: reads)
        let render = { theme.render(context, template: "section-data", language: page.language) }
        // Without its reads known, the section may use any page value: no key can stand for it.
        guard let reads else { return render() }
        // The page values the section reads (`t` follows from the language).
        var values: [(any Hashable)?] = [block]
        for name in reads {
            guard let value = page.child(named: name) else {
                values.append(nil)
                continue
            }
            // A value that is not `Hashable` makes no key: the section is rendered on every page.
            guard let hashable = value as? any Hashable else { return render() }
            values.append(hashable)
        }
        return rendered.html(for: FragmentKey(name: id, language: page.language, values: values), render: render)
    }
}
