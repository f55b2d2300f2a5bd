public import PolicyDiagnostics
import PolicyYAML

/// A cookie category id: one of the four built-ins or a custom one declared in `site.yml`.
public struct CookieCategoryID: Hashable, TextBacked, CustomStringConvertible {
    public static let builtIn = ["essential", "analytics", "preferences", "marketing"]

    public var id: String
    /// Where the id was written, for cross-file checks such as translations.
    public var location: SourceLocation?

    public init(_ id: String, location: SourceLocation? = nil) {
        self.id = id
        self.location = location
    }

    public var isBuiltIn: Bool { CookieCategoryID.builtIn.contains(id) }

    /// What a custom category id looks like (the schema's pattern too): ids are written into
    /// pages and machine-readable files.
    public static let idPattern = "^[a-z][a-z0-9_-]*$"
    public static let longestID = 64

    public static func isWellFormed(_ id: String) -> Bool {
        guard let first = id.utf8.first, (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(first), id.utf8.count <= longestID else { return false }
        return id.utf8.allSatisfy { byte in
            (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
                || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-")
        }
    }

    public init(text: String, decoder: any Decoder) throws {
        id = text
        location = decoder.sourceLocation
        let custom = decoder.decodingContext?.customCookieCategories ?? []
        if !isBuiltIn && !custom.contains(id) {
            let known = CookieCategoryID.builtIn + custom.sorted()
            var message = "unknown cookie category '\(id)'"
            if let suggestion = closest(to: id, in: known) { message += " (did you mean '\(suggestion)'?)" }
            try decoder.report(
                ValueError(
                    .unknownCookieCategory, message,
                    expected: "\(expectedOneOf(known)), or declare it under custom_cookie_categories in site.yml"))
        }
    }

    public var writtenText: String { id }

    public static func == (lhs: CookieCategoryID, rhs: CookieCategoryID) -> Bool { lhs.id == rhs.id }
    public func hash(into hasher: inout Hasher) { hasher.combine(id) }
    public var description: String { id }
}
