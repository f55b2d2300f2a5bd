/// Which of the two visits saw something: a first visit with no consent given, or the visit
/// after a click on the banner's accept button (`--accept-selector`).
public enum ConsentPhase: String, Codable, Sendable, Comparable {
    case beforeConsent = "before consent"
    case afterConsent = "after consent"

    public static func < (lhs: ConsentPhase, rhs: ConsentPhase) -> Bool { lhs == .beforeConsent && rhs == .afterConsent }
}

/// A cookie the browser held after a page settled.
public struct ObservedCookie: Codable, Sendable, Equatable {
    public enum Origin: String, Codable, Sendable {
        /// A `Set-Cookie` response header.
        case header
        /// `document.cookie` (or the Cookie Store API) in a script.
        case script
    }

    public var name: String
    /// As the browser stores it, without the leading dot.
    public var domain: String
    public var path: String
    /// Nil for a session cookie; else seconds from when it was seen to its expiry.
    public var lifetime: Double?
    public var firstParty: Bool
    public var setBy: Origin
    /// The page whose visit first left the cookie in the browser.
    public var page: String
    public var phase: ConsentPhase

    public var isSession: Bool { lifetime == nil }

    public init(
        name: String, domain: String, path: String, lifetime: Double?, firstParty: Bool, setBy: Origin, page: String, phase: ConsentPhase
    ) {
        self.name = name
        self.domain = domain
        self.path = path
        self.lifetime = lifetime
        self.firstParty = firstParty
        self.setBy = setBy
        self.page = page
        self.phase = phase
    }
}

/// A `localStorage` or `sessionStorage` key of a page's origin.
public struct ObservedStorageKey: Codable, Sendable, Equatable {
    public enum Area: String, Codable, Sendable {
        case local = "localStorage"
        case session = "sessionStorage"
    }

    public var area: Area
    public var key: String
    public var origin: String
    public var page: String
    public var phase: ConsentPhase
}

/// A host outside the site that a page made the browser contact.
public struct ObservedHost: Codable, Sendable, Equatable {
    public var host: String
    /// The first request's URL, so the reader can tell which script or image it was.
    public var firstRequest: String
    public var page: String
    public var phase: ConsentPhase

    public init(host: String, firstRequest: String, page: String, phase: ConsentPhase) {
        self.host = host
        self.firstRequest = firstRequest
        self.page = page
        self.phase = phase
    }
}

/// Everything one scan saw, first sightings only, in the order seen.
public struct ScanObservations: Codable, Sendable, Equatable {
    public var start: String
    public var pages: [String] = []
    public var cookies: [ObservedCookie] = []
    public var storage: [ObservedStorageKey] = []
    public var hosts: [ObservedHost] = []
    /// Whether `--accept-selector` found its button; nil when no selector was given.
    public var consentClicked: Bool?
    /// Pages that were linked but could not be loaded, with why.
    public var unreachable: [String] = []

    public init(start: String) { self.start = start }
}
