import Foundation
import PolicyDiagnostics
import PolicyYAML

/// A raw-value enum decoded with a clear error naming the allowed values.
public protocol StrictEnum: RawRepresentable, CaseIterable, TextBacked, Hashable where RawValue == String {
    static var fieldName: String { get }
}

extension StrictEnum {
    public init(text: String, decoder: any Decoder) throws {
        guard let value = Self(rawValue: text) else {
            let names = Self.allCases.map(\.rawValue)
            var message = "unknown \(Self.fieldName) '\(text)'"
            if let suggestion = closest(to: text, in: names) { message += " (did you mean '\(suggestion)'?)" }
            throw ValueError(
                .unknownValue(of: Self.fieldName), message, expected: expectedOneOf(names))
        }
        self = value
    }

    public var writtenText: String { rawValue }

    // Named here rather than left to TextBacked's extension: for an enum with String raw values
    // the standard library's RawRepresentable coding is a candidate too, neither extension is
    // more specific than the other, and the compiler then synthesizes a keyed enum coding
    // (`{"gdpr":{}}`) instead of either. This extension refines both, so it wins.
    public init(from decoder: any Decoder) throws { try self.init(decodingTextFrom: decoder) }

    public func encode(to encoder: any Encoder) throws { try encodeText(to: encoder) }
}
