import Foundation
import PolicyFiles
import Testing

/// Page fingerprints are `DigestEncoder` digests: equal values must hash alike in every process
/// (a dictionary's order is not), and values that encode differently must not.
@Suite struct DigestEncoderTests {
    struct Value: Encodable {
        var name: String
        var count: Int?
        var tags: [String]
        var names: [String: String]
    }

    @Test func aDictionaryHashesAlikeWhateverItsOrder() {
        var small: [String: String] = [:]
        var large: [String: String] = [:]
        large.reserveCapacity(4096)
        let keys = (0..<64).map { "key\($0)" }
        for key in keys { small[key] = key.uppercased() }
        for key in keys.reversed() { large[key] = key.uppercased() }
        // Two storages of the same entries, iterated in another order.
        #expect(Array(small.keys) != Array(large.keys))
        #expect(DigestEncoder.digest(Value(name: "a", tags: [], names: small)) == DigestEncoder.digest(Value(name: "a", tags: [], names: large)))
    }

    @Test func differentValuesHashApart() {
        let base = Value(name: "a", count: 1, tags: ["x", "y"], names: ["k": "v"])
        var variants: [Value] = []
        var other = base
        other.name = "b"
        variants.append(other)
        other = base
        other.count = nil
        variants.append(other)
        other = base
        other.count = 2
        variants.append(other)
        other = base
        other.tags = ["xy"]
        variants.append(other)
        other = base
        other.tags = ["y", "x"]
        variants.append(other)
        other = base
        other.names = ["k": "w"]
        variants.append(other)
        other = base
        other.names = ["kv": ""]
        variants.append(other)
        let digests = Set(([base] + variants).map { DigestEncoder.digest($0) })
        #expect(digests.count == variants.count + 1)
        // A number and the same digits as text are different values.
        #expect(DigestEncoder.digest(["1"]) != DigestEncoder.digest([1]))
        #expect(DigestEncoder.digest(base) == DigestEncoder.digest(base))
    }
}
