public import PolicyDiagnostics

extension Decoder {
    /// Where this value stands in its file, when decoded by `StrictYAMLDecoder`.
    public var sourceLocation: SourceLocation? {
        guard let decoder = self as? NodeDecoder else { return nil }
        return decoder.state.location(of: decoder.node)
    }

    /// Reports a problem with this value. Under `StrictYAMLDecoder` it is recorded with its
    /// place and decoding goes on, so one run lists them all; under any other decoder an error
    /// is thrown (a warning is dropped), so the model's rules hold whoever decodes it.
    public func report(_ error: ValueError, severity: Diagnostic.Severity = .error, at location: SourceLocation? = nil) throws {
        guard let decoder = self as? NodeDecoder else {
            if severity == .error { throw error }
            return
        }
        decoder.state.diagnostics.append(
            Diagnostic(severity, error.code, at: location ?? decoder.state.location(of: decoder.node), error.message, expected: error.expected))
    }

}
