import Foundation

/// Which requests the preview answers, by the names they address it with: DNS rebinding (a
/// page on evil.example whose name now points at 127.0.0.1) would otherwise let any web page
/// read unpublished drafts. Browsers always send the name they used, so the rule is strict:
/// exactly one `Host` header naming a loopback host or the host the preview listens on, with
/// no port or exactly the port the connection came in on; an absolute request target
/// (`GET http://name/ HTTP/1.1`) must name such a host too.
struct HostCheck: Sendable {
    /// The names shown in refusals and matched exactly; any `127.a.b.c` is allowed too.
    let names: [String]

    /// Why a request is not answered.
    enum Refusal: Equatable, Sendable {
        /// No `Host` header (400).
        case missingHost
        /// Two or more `Host` headers (400): servers and proxies disagree on which one counts.
        case duplicateHost
        /// A request target that is neither a path, `*` nor `scheme://authority…` (400).
        case badTarget(String)
        /// A name or port that is not this preview's (421).
        case foreign(String)
    }

    init(listeningOn host: String) {
        var names = ["localhost", "127.0.0.1", "[::1]"]
        let bracketed = host.contains(":") && !host.hasPrefix("[") ? "[\(host)]" : host
        if !names.contains(bracketed.lowercased()), bracketed != "0.0.0.0", bracketed != "[::]" { names.append(bracketed.lowercased()) }
        self.names = names
    }

    /// Nil when the request is answered. `hosts` are the values of every `Host` header,
    /// `target` the request line's target as sent, `port` the local port of the connection.
    func refusal(hosts: [String], target: String, port: Int?) -> Refusal? {
        guard hosts.count == 1 else { return hosts.isEmpty ? .missingHost : .duplicateHost }
        guard allows(hosts[0], port: port) else { return .foreign(hosts[0]) }
        if target.hasPrefix("/") || target == "*" { return nil }
        guard let authority = Self.authority(ofAbsolute: target) else { return .badTarget(target) }
        return allows(authority, port: port) ? nil : .foreign(authority)
    }

    /// `authority` is `name` or `name:port`, IPv6 in brackets; `port` must be written exactly
    /// as the number (no sign, no leading zero, not empty).
    func allows(_ authority: String, port: Int?) -> Bool {
        let lowered = authority.lowercased()
        var name = lowered
        var portText: Substring?
        if lowered.hasPrefix("[") {
            guard let close = lowered.firstIndex(of: "]") else { return false }
            name = String(lowered[...close])
            let rest = lowered[lowered.index(after: close)...]
            if !rest.isEmpty {
                guard rest.first == ":" else { return false }
                portText = rest.dropFirst()
            }
        } else if let colon = lowered.firstIndex(of: ":") {
            name = String(lowered[..<colon])
            portText = lowered[lowered.index(after: colon)...]
        }
        if let portText {
            guard let port, portText == String(port) else { return false }
        }
        // `localhost.` is the same name, fully qualified.
        if name.hasSuffix("."), !name.hasPrefix("[") { name.removeLast() }
        return names.contains(name) || Self.isLoopbackIPv4(name)
    }

    /// A dotted quad `127.a.b.c`, each part 0-255 in decimal: the whole 127/8 block is loopback.
    static func isLoopbackIPv4(_ name: String) -> Bool {
        let parts = name.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 4, parts[0] == "127" else { return false }
        return parts.allSatisfy { part in
            (1...3).contains(part.count) && part.allSatisfy { $0.isASCII && $0.isNumber } && Int(part)! <= 255
        }
    }

    /// The authority of `scheme://authority/…`, or nil for any other target.
    static func authority(ofAbsolute target: String) -> String? {
        guard let separator = target.range(of: "://") else { return nil }
        let scheme = target[..<separator.lowerBound]
        guard let first = scheme.first, first.isASCII, first.isLetter,
            scheme.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "+-.".contains($0)) })
        else { return nil }
        let rest = target[separator.upperBound...]
        return String(rest.prefix { !"/?#".contains($0) })
    }

    /// The status and the plain-text explanation sent for `refusal`.
    func answer(to refusal: Refusal, port: Int?) -> (status: Int, text: String) {
        let expected =
            "this preview answers only \(names.joined(separator: ", ")) (or another 127.x.x.x address)"
            + (port.map { ", with no port or port \($0)" } ?? "")
        switch refusal {
        case .missingHost:
            return (400, "the request has no Host header; \(expected)\n")
        case .duplicateHost:
            return (400, "the request has more than one Host header; send one: \(expected)\n")
        case .badTarget(let target):
            return (400, "'\(target)' is not a request target this preview understands; send a path such as /\n")
        case .foreign(let authority):
            return (421, "\(expected); '\(authority)' is not one of them\n")
        }
    }
}
