import Foundation

/// A cookie category id: one of the four built-ins or a custom one declared in `site.yml`.
public struct CookieCategoryID: Hashable, Sendable, Codable, CustomStringConvertible {
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

    public init(from decoder: any Decoder) throws {
        id = try decoder.singleValueContainer().decode(String.self)
        location = decoder.sourceLocation
        let custom = decoder.decodingContext?.customCookieCategories ?? []
        if !isBuiltIn && !custom.contains(id) {
            let known = CookieCategoryID.builtIn + custom.sorted()
            var message = "unknown cookie category '\(id)'"
            if let suggestion = closest(to: id, in: known) { message += " (did you mean '\(suggestion)'?)" }
            try decoder.report(
                ValueError(
                    "unknown-cookie-category", message,
                    expected: "expected one of: \(known.joined(separator: ", ")), or declare it under custom_cookie_categories in site.yml"))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(id)
    }

    public static func == (lhs: CookieCategoryID, rhs: CookieCategoryID) -> Bool { lhs.id == rhs.id }
    public func hash(into hasher: inout Hasher) { hasher.combine(id) }
    public var description: String { id }
}

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

public struct Cookie: Codable, Sendable, Equatable {
    public var name: String
    public var provider: String
    public var purpose: String
    /// Nil when the policy states no expiry: the page says so rather than inventing one.
    public var duration: PolicyDuration?
    /// The part of the site the cookie is limited to (`/checkout`), when it is not site-wide.
    public var path: String?
    /// Where the cookie's entry was written, for duplicate and cross-language checks and `policysite scan` findings.
    public var location: SourceLocation?

    enum CodingKeys: String, CodingKey, CaseIterable { case name, provider, purpose, duration, path }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(name, forKey: .name)
        try c.encode(provider, forKey: .provider)
        try c.encode(purpose, forKey: .purpose)
        try c.encodeIfPresent(duration, forKey: .duration)
        try c.encodeIfPresent(path, forKey: .path)
    }

    /// Whether an observed cookie or storage key is this entry: the same name, or a match of a
    /// name pattern such as `_ga_*` (each `*` stands for any run of characters).
    public func matches(_ observed: String) -> Bool {
        guard name.contains("*") else { return name == observed }
        let parts = name.split(separator: "*", omittingEmptySubsequences: false).map(String.init)
        guard observed.hasPrefix(parts[0]), observed.count >= parts.joined().count else { return false }
        var rest = Substring(observed.dropFirst(parts[0].count))
        for (index, part) in parts.enumerated().dropFirst() {
            if index == parts.count - 1 { return part.isEmpty || rest.hasSuffix(part) }
            guard let range = rest.range(of: part) else { return false }
            rest = rest[range.upperBound...]
        }
        return true
    }

    public init(name: String, provider: String, purpose: String, duration: PolicyDuration? = nil, path: String? = nil) {
        self.name = name
        self.provider = provider
        self.purpose = purpose
        self.duration = duration
        self.path = path
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        name = try c.decode(String.self, forKey: .name)
        provider = try c.decode(String.self, forKey: .provider)
        purpose = try c.decode(String.self, forKey: .purpose)
        duration = try c.decodeIfPresent(PolicyDuration.self, forKey: .duration)
        path = try c.decodeIfPresent(String.self, forKey: .path)
        location = decoder.sourceLocation
    }

    /// The location is where the text says it, not part of what it says.
    public static func == (lhs: Cookie, rhs: Cookie) -> Bool {
        (lhs.name, lhs.provider, lhs.purpose, lhs.path) == (rhs.name, rhs.provider, rhs.purpose, rhs.path) && lhs.duration == rhs.duration
    }
}

/// The data-subject rights a policy grants and how to use them.
public struct RightsSection: Codable, Sendable, Equatable {
    /// Where to send requests; defaults to the company's privacy e-mail.
    public var contact: String?
    public var responseTime: PolicyDuration?
    /// How to make a request, in the policy's language.
    public var how: String?
    public var items: [RightEntry]

    enum CodingKeys: String, CodingKey, CaseIterable {
        case contact, responseTime = "response_time", how, items
    }

    public init(items: [RightEntry], contact: String? = nil, responseTime: PolicyDuration? = nil, how: String? = nil) {
        self.items = items
        self.contact = contact
        self.responseTime = responseTime
        self.how = how
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        contact = try c.decodeIfPresent(String.self, forKey: .contact)
        responseTime = try c.decodeIfPresent(PolicyDuration.self, forKey: .responseTime)
        how = try c.decodeIfPresent(String.self, forKey: .how)
        if (try? c.decodeNil(forKey: .items)) ?? true { _ = try c.decode([RightEntry].self, forKey: .items) }  // reports it missing
        items = try decoder.lenientList(RightEntry.self, CodingKeys.items)
        var seen = Set<Right>()
        for item in items where !seen.insert(item.right).inserted {
            try c.superDecoder(forKey: .items).report(
                ValueError(
                    "duplicate-right", "right '\(item.right.rawValue)' is listed twice", expected: "expected each right once"))
        }
    }

    public var rights: [Right] { items.map(\.right) }
}

public struct RightEntry: Codable, Sendable, Equatable {
    public var right: Right
    /// What the right means for this company, in the policy's language; the theme's
    /// standard wording is used when absent.
    public var description: String?
    /// Where `right` was written, for cross-file checks.
    public var location: SourceLocation?

    enum CodingKeys: String, CodingKey, CaseIterable { case right, description }

    public init(right: Right, description: String? = nil) {
        self.right = right
        self.description = description
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        right = try c.decode(Right.self, forKey: .right)
        description = try c.decodeIfPresent(String.self, forKey: .description)
        location = decoder.sourceLocation
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(right, forKey: .right)
        try c.encodeIfPresent(description, forKey: .description)
    }

    public static func == (lhs: RightEntry, rhs: RightEntry) -> Bool {
        lhs.right == rhs.right && lhs.description == rhs.description
    }
}

public enum Right: String, StrictEnum {
    case access, rectification, erasure, restriction, portability, objection
    case withdrawConsent = "withdraw_consent"
    case complaint
    case optOut = "opt_out"
    case accountClosure = "account_closure"
    public static let fieldName = "right"
}
