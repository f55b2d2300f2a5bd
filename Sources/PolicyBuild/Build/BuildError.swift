public import PolicyDiagnostics

public enum BuildError: Error, CustomStringConvertible {
    /// The content has problems; nothing was written.
    case invalidContent([Diagnostic])
    /// Writing the output failed; the previous output is untouched.
    case output(path: String, underlying: String)
    /// The output folder is not one a build may replace; nothing was moved or written.
    case refusedOutput(OutputTarget.Refusal)

    public var description: String {
        switch self {
        case .invalidContent(let diagnostics):
            let errors = diagnostics.errors.count, warnings = diagnostics.warnings.count
            return
                "build failed: \(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s"); the previous output was left as it was. Fix the problems above and build again."
        case let .output(path, underlying):
            return "could not write the site to \(path): \(underlying); the previous output was left as it was."
        case .refusedOutput(let refusal):
            return "\(refusal); nothing was moved or written."
        }
    }
}
