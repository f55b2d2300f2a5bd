// MARK: - Lenient field decoding

/// Thrown once a struct's problems have been recorded, to stop building a value that cannot
/// exist without adding another message.
public struct AlreadyReported: Error {
    public init() {}
}
