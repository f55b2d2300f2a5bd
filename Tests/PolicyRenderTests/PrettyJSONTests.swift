import Foundation
import TestSupport
import Testing

@testable import PolicyRender

/// The machine-readable files are written by `PrettyJSON`, which must write what Foundation's
/// encoder writes with the same options, byte for byte, or give up.
@Suite struct PrettyJSONTests {
    let foundation: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()

    /// Any JSON value, encoded through keyed, unkeyed and single-value containers.
    indirect enum Value: Encodable {
        case null, flag(Bool), number(Int), text(String), list([Value]), object([String: Value])

        func encode(to encoder: any Encoder) throws {
            switch self {
            case .null:
                var single = encoder.singleValueContainer()
                try single.encodeNil()
            case .flag(let flag): try flag.encode(to: encoder)
            case .number(let number): try number.encode(to: encoder)
            case .text(let text): try text.encode(to: encoder)
            case .list(let items):
                var list = encoder.unkeyedContainer()
                for item in items { try list.encode(item) }
            case .object(let members): try members.encode(to: encoder)
            }
        }
    }

    static func random(_ random: inout SeededRandom, depth: Int = 0) -> Value {
        let keyLetters = Array("abz_$")
        let textScalars: [Unicode.Scalar] = (0..<0x20).map { Unicode.Scalar($0)! } + ["\"", "\\", "/", "a", "é", "ش", "\u{7F}", "😀", " "]
        switch random.next(depth > 3 ? 4 : 6) {
        case 0: return .null
        case 1: return .flag(random.next(2) == 0)
        case 2: return .number(random.next(2_000_000) - 1_000_000)
        case 3:
            var text = String.UnicodeScalarView()
            for _ in 0..<random.next(8) { text.append(textScalars[random.next(textScalars.count)]) }
            return .text(String(text))
        case 4: return .list((0..<random.next(4)).map { _ in Self.random(&random, depth: depth + 1) })
        default:
            var members: [String: Value] = [:]
            for _ in 0..<random.next(5) {
                let key = String((0..<(1 + random.next(4))).map { _ in keyLetters[random.next(keyLetters.count)] })
                members[key] = Self.random(&random, depth: depth + 1)
            }
            return .object(members)
        }
    }

    @Test func writesWhatFoundationWritesOrGivesUp() throws {
        var random = SeededRandom(seed: 7)
        var written = 0
        for _ in 0..<5_000 {
            let value = Self.random(&random)
            let reference = try foundation.encode(value)
            guard let fast = PrettyJSON.encode(value) else { continue }
            written += 1
            #expect(fast == reference, "\(String(decoding: reference, as: UTF8.self))")
        }
        // It gives up only on keys it cannot order as Foundation does (`$` inside a key).
        #expect(written > 4_000, "\(written)")
    }

    /// A key encoded twice is written once, with its last value, where Foundation puts it.
    @Test func aKeyEncodedTwiceKeepsItsLastValue() throws {
        struct Twice: Encodable {
            enum Key: String, CodingKey { case b, a, c }
            func encode(to encoder: any Encoder) throws {
                var container = encoder.container(keyedBy: Key.self)
                try container.encode("first", forKey: .b)
                try container.encode(1, forKey: .c)
                try container.encode(["x"], forKey: .a)
                try container.encode("second", forKey: .b)
                try container.encode(2, forKey: .c)
            }
        }
        let fast = try #require(PrettyJSON.encode([Twice(), Twice()]))
        #expect(String(decoding: fast, as: UTF8.self) == String(decoding: try foundation.encode([Twice(), Twice()]), as: UTF8.self))
        #expect(String(decoding: fast, as: UTF8.self).contains("second"))
    }

    @Test func givesUpOnWhatItDoesNotTake() throws {
        struct Dated: Encodable { var date = Date(timeIntervalSince1970: 0) }
        struct Fraction: Encodable { var share = 0.5 }
        struct Keys: Encodable { var values = ["Upper": 1, "with-hyphen": 2, "digit1": 3] }
        #expect(PrettyJSON.encode(Dated()) == nil)
        #expect(PrettyJSON.encode(Fraction()) == nil)
        #expect(PrettyJSON.encode(Keys()) == nil)
        #expect(PrettyJSON.encode(["n": Int64(5), "m": Int64(-3)]) == (try foundation.encode(["n": Int64(5), "m": Int64(-3)])))
    }
}
