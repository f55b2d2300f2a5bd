public import Foundation

/// What `SiteScanner` visits and how long it waits.
public struct ScanOptions: Sendable {
    public var start: URL
    /// At most this many pages per visit, breadth-first from `start`.
    public var pages: Int
    /// A CSS selector for the banner's accept button: when set, a second visit clicks it on the
    /// start page before crawling.
    public var acceptSelector: String?
    /// The Chromium binary (see `BrowserProcess.locate`).
    public var browser: String
    /// Where the fresh profile folder goes; the temporary folder when nil.
    public var profileParent: URL?
    /// How long a page may take to answer and fire its load event.
    public var pageTimeout: Double = 20
    /// How long the network must stay quiet before a page counts as settled.
    public var quietPeriod: Double = 0.5
    /// The longest wait for quiet after the load event (pages that poll never go quiet).
    public var settleLimit: Double = 10

    public init(start: URL, pages: Int = 20, acceptSelector: String? = nil, browser: String, profileParent: URL? = nil) {
        self.start = start
        self.pages = pages
        self.acceptSelector = acceptSelector
        self.browser = browser
        self.profileParent = profileParent
    }
}
