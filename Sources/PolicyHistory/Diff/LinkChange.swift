/// A link of a section whose target changed, or which was added or removed.
public struct LinkChange: Sendable, Equatable {
    public var text: String
    public var before: String?
    public var after: String?
}
