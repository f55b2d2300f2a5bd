public enum PreviewServerError: Error, CustomStringConvertible, Equatable {
    case portInUse(Int)
    case cannotListen(host: String, port: Int, reason: String)

    public var description: String {
        switch self {
        case .portInUse(let port):
            return "port \(port) is already in use; pick another with --port"
        case let .cannotListen(host, port, reason):
            return "cannot listen on \(host):\(port): \(reason)"
        }
    }
}
