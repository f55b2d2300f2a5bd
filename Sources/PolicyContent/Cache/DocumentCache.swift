import PolicyDiagnostics
import PolicyModel
import Synchronization

/// Parsed policy files keyed by path and content hash, shared across rebuilds.
public final class DocumentCache: Sendable {
    private let entries = Mutex<[String: (hash: String, document: PolicyDocument?, diagnostics: [Diagnostic])]>([:])

    public init() {}

    func lookup(_ path: String, hash: String) -> (PolicyDocument?, [Diagnostic])? {
        entries.withLock { entries in
            guard let entry = entries[path], entry.hash == hash else { return nil }
            return (entry.document, entry.diagnostics)
        }
    }

    func store(_ path: String, hash: String, document: PolicyDocument?, diagnostics: [Diagnostic]) {
        entries.withLock { $0[path] = (hash, document, diagnostics) }
    }
}
