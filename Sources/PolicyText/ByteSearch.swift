import Foundation

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
