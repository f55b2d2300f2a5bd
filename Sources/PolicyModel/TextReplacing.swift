import Foundation

extension String {
    /// `self` with every `target` replaced by `replacement`: what Foundation's
    /// `replacingOccurrences(of:with:)` gives, found on UTF-8 bytes. Foundation's goes through
    /// NSString, about 4 µs a call, and page contexts call it for every placeholder of every UI
    /// string. The byte search is taken when `target` is printable ASCII
    /// and every match has ASCII (or nothing) on both sides: such a match is whole characters,
    /// as no grapheme rule joins printable ASCII to ASCII. Anything else goes to Foundation.
    public func replacingAll(_ target: String, with replacement: String) -> String {
        let needle = Array(target.utf8)
        guard !needle.isEmpty, needle.allSatisfy({ (0x20...0x7E).contains($0) }) else {
            return replacingOccurrences(of: target, with: replacement)
        }
        var text = self
        let fast = text.withUTF8 { bytes -> String? in
            var output: [UInt8] = []
            var copied = 0
            while let match = bytes.firstIndex(of: needle, from: copied) {
                let end = match + needle.count
                if match > 0 && bytes[match - 1] >= 0x80 || end < bytes.count && bytes[end] >= 0x80 { return nil }
                if output.isEmpty { output.reserveCapacity(bytes.count + replacement.utf8.count) }
                output += bytes[copied..<match]
                output += replacement.utf8
                copied = end
            }
            guard copied > 0 else { return self }
            output += bytes[copied...]
            return String(decoding: output, as: UTF8.self)
        }
        return fast ?? replacingOccurrences(of: target, with: replacement)
    }
}

extension StringProtocol {
    /// Whether the UTF-8 of `self` holds the bytes of `pattern`, by a plain scan. For a pattern
    /// of ASCII letters, digits and punctuation, having its bytes is necessary for Foundation's
    /// `contains` to find it (no other scalars are equivalent to those), so `false` here spares
    /// that search, which goes through NSString; `true` still needs it (`é` may follow).
    public func holdsBytes(of pattern: String) -> Bool { holdsBytes(of: Array(pattern.utf8)) }

    /// The same, with the pattern's bytes made once by a caller that asks it of many texts.
    public func holdsBytes(of needle: [UInt8]) -> Bool {
        let scan = { (bytes: UnsafeBufferPointer<UInt8>) in bytes.firstIndex(of: needle) != nil }
        return utf8.withContiguousStorageIfAvailable(scan) ?? Array(utf8).withUnsafeBufferPointer(scan)
    }
}

extension UnsafeBufferPointer<UInt8> {
    /// Where `needle` next starts at or after `start`: the byte search the text helpers share,
    /// each candidate's first byte found with `memchr`; nil for an empty needle.
    public func firstIndex(of needle: [UInt8], from start: Int = 0) -> Int? {
        guard let first = needle.first, let base = baseAddress else { return nil }
        var index = start
        while index + needle.count <= count {
            guard let hit = memchr(base + index, Int32(first), count - needle.count + 1 - index) else { return nil }
            let found = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
            if self[found..<found + needle.count].elementsEqual(needle) { return found }
            index = found + 1
        }
        return nil
    }
}
