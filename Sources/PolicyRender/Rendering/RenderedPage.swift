public import Foundation
import PolicyConcurrency
import PolicyHistory
public import PolicyMarkdown
public import PolicyModel
import PolicyText
import PolicyTranslations

/// A file of the built site: its path under the output folder and its bytes.
public struct RenderedPage: Sendable, Equatable {
    public var path: String
    public var contents: Data
    /// The content file the page was made from, for messages about it.
    public var source: String?
    /// The page is unchanged since the last build: keep the file already in the output.
    /// `contents` is empty then.
    public var isUnchanged: Bool = false

    public init(path: String, contents: Data, source: String? = nil) {
        self.path = path
        self.contents = contents
        self.source = source
    }

    /// A page the writer keeps from the previous output instead of writing.
    public static func unchanged(_ path: String) -> RenderedPage {
        var page = RenderedPage(path: path, contents: Data())
        page.isUnchanged = true
        return page
    }

    public init(path: String, html: String, source: String? = nil) {
        self.init(path: path, contents: Data(html.utf8), source: source)
    }
}
