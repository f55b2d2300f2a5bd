import Foundation
import PolicyDiagnostics
import PolicyYAML

/// A raw-value enum decoded with a clear error naming the allowed values.
public protocol StrictEnum: RawRepresentable, CaseIterable, Codable, Sendable, Hashable where RawValue == String {
    static var fieldName: String { get }
}

extension StrictEnum {
    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let value = Self(rawValue: text) else {
            let names = Self.allCases.map(\.rawValue)
            var message = "unknown \(Self.fieldName) '\(text)'"
            if let suggestion = closest(to: text, in: names) { message += " (did you mean '\(suggestion)'?)" }
            throw ValueError(
                .unknownValue(of: Self.fieldName), message, expected: expectedOneOf(names))
        }
        self = value
    }
}
