/// Every file and folder under the watched roots with its stamp.
struct TreeSnapshot: Sendable {
    var entries: [String: FileStamp] = [:]
}
