extension CodingUserInfoKey {
    /// Set a `DecodingContext` here to decode content with another decoder (JSON, Yams' own)
    /// and get the checks `StrictYAMLDecoder` makes with its context.
    public static let policyDecodingContext = CodingUserInfoKey(rawValue: "policysite.decodingContext")!
}

/// Facts the loader passes to decoding so values can be checked where they stand in the file.
public struct DecodingContext: Sendable {
    public var customCookieCategories: Set<String>
    /// The regimes the theme defines; nil when no registry was loaded (ids are then not checked).
    public var jurisdictions: JurisdictionRegistry?

    public init(customCookieCategories: Set<String> = [], jurisdictions: JurisdictionRegistry? = nil) {
        self.customCookieCategories = customCookieCategories
        self.jurisdictions = jurisdictions
    }
}

extension Decoder {
    /// Site facts values are checked against (the site's custom cookie categories, the theme's
    /// regimes): `userInfo[.policyDecodingContext]`, which `StrictYAMLDecoder(file:lineOffset:context:)` fills in.
    var decodingContext: DecodingContext? { userInfo[.policyDecodingContext] as? DecodingContext }
}
