public import Foundation

/// A file `policysite new` writes, relative to the site folder.
public struct ScaffoldFile: Sendable, Equatable {
    public var path: String
    public var contents: Data
    /// True for a file that exists and is rewritten (a language added to company.yml).
    public var replacesExisting: Bool

    public init(path: String, contents: Data, replacesExisting: Bool = false) {
        self.path = path
        self.contents = contents
        self.replacesExisting = replacesExisting
    }

    init(_ path: String, _ text: String, replacesExisting: Bool = false) {
        self.init(path: path, contents: Data(text.utf8), replacesExisting: replacesExisting)
    }
}
