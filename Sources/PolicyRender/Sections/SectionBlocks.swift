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
    private let rendered = RenderedFragments()

    /// The section of `block` as HTML, for a page whose pruned values are `page`.
    func html(_ block: [String: Any], id: String, page: [String: Any], theme: Theme) -> String {
        let reads = theme.sectionReads[id]
        // The page values the section reads, so the key holds nothing else (`t` for a language
        // whose templates were not compiled with its strings; the key leaves it out, as it
        // follows from `lang`); reads not known, every page value.
        var context: [String: Any] = reads == nil ? page : ["lang": page["lang"] ?? "", "t": page["t"] ?? [:]]
        for name in reads ?? [] { context[name] = page[name] }
        // Each name resolves as it would on the page's context stack: the section's own values
        // (`layout_section`) over the block's over the page's.
        context.merge(block) { _, own in own }
        if let section = block["layout_section"] as? [String: Any] { context.merge(section) { _, own in own } }
        // Without its reads known, the section may use any page value: no key can stand for it.
        let render = { theme.render(context, template: "section-data") }
        guard reads != nil, let key = Key(context, of: id) else { return render() }
        return rendered.html(for: key, render: render)
    }

    /// Everything a fragment is rendered from (a section and each value its partials read or
    /// its block holds; a table row and its values), `t` aside as it follows from `lang`,
    /// hashed rather than copied, which keeps the key cheap beside the render it saves: two
    /// independent 64-bit hashes of the values' bytes, so two different contexts agreeing on
    /// both is beyond reach. `name` tells fragments apart (the section id, the row partial). A
    /// value of a kind pages never hold makes no key at all.
    struct Key: Hashable {
        let first: UInt64, second: UInt64

        init?(_ context: [String: Any], of name: String) {
            var digest = Digest()
            digest.add(name)
            guard digest.add(context, skipping: "t") else { return nil }
            (first, second) = digest.finished
        }
    }

    /// Two multiply-and-rotate hashes over 8-byte words with different constants (not
    /// cryptographic: a collision needs two contexts the same author wrote to collide by chance
    /// in both, and Swift's `Hasher` cost as much as the rendering it was to save).
    struct Digest {
        private var first: UInt64 = 0x243F_6A88_85A3_08D3, second: UInt64 = 0x1319_8A2E_0370_7344

        var finished: (UInt64, UInt64) { (Self.mixed(first), Self.mixed(second &+ first)) }

        private mutating func word(_ value: UInt64) {
            let a = (first ^ value) &* 0x9E37_79B9_7F4A_7C15, b = (second ^ value) &* 0xC2B2_AE3D_27D4_EB4F
            first = a << 29 | a >> 35
            second = b << 31 | b >> 33
        }

        /// MurmurHash3's finaliser: every bit of the state reaches every bit of the result.
        private static func mixed(_ value: UInt64) -> UInt64 {
            var h = value
            h ^= h >> 33
            h &*= 0xFF51_AFD7_ED55_8CCD
            h ^= h >> 33
            h &*= 0xC4CE_B9FE_1A85_EC53
            return h ^ (h >> 33)
        }

        mutating func add(_ text: String) {
            var text = text
            text.withUTF8 { bytes in
                word(1 << 56 | UInt64(bytes.count))
                var index = 0
                while index + 8 <= bytes.count {
                    word(UnsafeRawBufferPointer(bytes).loadUnaligned(fromByteOffset: index, as: UInt64.self))
                    index += 8
                }
                var tail: UInt64 = 0
                for (shift, byte) in bytes[index...].enumerated() { tail |= UInt64(byte) << (8 * UInt64(shift)) }
                word(tail)
            }
        }

        private mutating func tagged(_ tag: UInt64, _ value: Int) { word(tag << 56 ^ UInt64(bitPattern: Int64(value))) }

        /// Entries in any order: a dictionary's order depends on how it was built, so each entry
        /// is hashed on its own and the results summed.
        mutating func add(_ values: [String: Any], skipping skipped: String? = nil) -> Bool {
            var sums: (UInt64, UInt64) = (0, 0), count = 0
            for (name, value) in values where name != skipped {
                count += 1
                var entry = Digest()
                entry.add(name)
                guard entry.add(any: value) else { return false }
                let hashed = entry.finished
                sums = (sums.0 &+ hashed.0, sums.1 &+ hashed.1)
            }
            tagged(3, count)
            word(sums.0)
            word(sums.1)
            return true
        }

        mutating func add(any value: Any) -> Bool {
            switch value {
            case let text as String: add(text)
            case let flag as Bool: tagged(6, flag ? 1 : 0)
            case let number as Int: tagged(7, number)
            case let values as [String: Any]: return add(values)
            case let rows as [[String: Any]]:
                tagged(8, rows.count)
                for row in rows { guard add(row) else { return false } }
            case let texts as [String]:
                tagged(9, texts.count)
                for text in texts { add(text) }
            case let list as [Any]:
                tagged(10, list.count)
                for item in list { guard add(any: item) else { return false } }
            default:
                return false
            }
            return true
        }
    }
}
