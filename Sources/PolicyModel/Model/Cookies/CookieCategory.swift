import PolicyYAML

/// One row group of the cookie table: a category, why it is used, and its cookies.
public struct CookieCategory: Codable, Sendable, Equatable {
    public var category: CookieCategoryID
    public var purpose: String
    public var legalBasis: LegalBasis?
    /// Empty when the policy names the category but no individual cookies; the theme says so
    /// instead of inventing names.
    public var cookies: [Cookie]

    enum CodingKeys: String, CodingKey, CaseIterable {
        case category, purpose, legalBasis = "legal_basis", cookies
    }

    public init(category: CookieCategoryID, purpose: String, legalBasis: LegalBasis? = nil, cookies: [Cookie] = []) {
        self.category = category
        self.purpose = purpose
        self.legalBasis = legalBasis
        self.cookies = cookies
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        category = try c.decode(CookieCategoryID.self, forKey: .category)
        purpose = try c.decode(String.self, forKey: .purpose)
        legalBasis = try c.decodeIfPresent(LegalBasis.self, forKey: .legalBasis)
        // Each cookie on its own, so four bad cookies are four messages in one run.
        cookies = try decoder.lenientList(Cookie.self, CodingKeys.cookies)
    }
}
