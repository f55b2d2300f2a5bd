import PolicyBuild
import PolicyDiagnostics
import PolicyFiles
import PolicyModel

/// PolicySite as a library: build or check a site from Swift, e.g. in a release tool or a
/// server that publishes policies. The command line is a shell over the same calls.
///
/// The API is deliberately small and uses only types defined here, so it can stay stable while
/// the modules behind it change.
public enum PolicySite {
    /// One problem in the content, with where it is and what was expected.
    public struct Problem: Sendable, Equatable, CustomStringConvertible {
        public enum Severity: String, Sendable { case warning, error }

        /// The fields, kept in the one flat form diagnostics have (`--format json` prints the same).
        private var record: DiagnosticRecord

        public var severity: Severity {
            get { record.severity == .error ? .error : .warning }
            set { record.severity = newValue == .error ? .error : .warning }
        }
        /// A stable identifier, e.g. `unknown-field` (docs/diagnostics.md lists them all).
        public var code: String {
            get { record.code }
            set { record.code = newValue }
        }
        public var file: String {
            get { record.file }
            set { record.file = newValue }
        }
        public var line: Int? {
            get { record.line }
            set { record.line = newValue }
        }
        public var column: Int? {
            get { record.column }
            set { record.column = newValue }
        }
        public var message: String {
            get { record.message }
            set { record.message = newValue }
        }
        public var expected: String? {
            get { record.expected }
            set { record.expected = newValue }
        }

        /// `file:line:column: severity: message; expected`, as the command line prints it.
        public var description: String { Diagnostic(record).description }

        init(_ diagnostic: Diagnostic) {
            record = DiagnosticRecord(diagnostic)
        }
    }

    /// What a successful build did.
    public struct Report: Sendable {
        /// Files in the output folder (pages, feeds, JSON, assets).
        public var files: Int
        /// Files whose bytes changed; the others were kept from the previous output.
        public var written: Int
        /// Warnings that did not stop the build (under `strict` there are none).
        public var warnings: [Problem]
        public var seconds: Double
    }

    /// The build stopped; the previous output folder is untouched.
    public struct BuildFailure: Error, Sendable, CustomStringConvertible {
        /// Every problem found, sorted by file and line; empty when writing the output failed.
        public var problems: [Problem]
        public var description: String
    }

    /// Renders the site in `content` with the themes in `themes` into `output`, replacing it only
    /// when everything succeeded. Pages whose inputs did not change since the last build into
    /// `output` are not rendered again.
    ///
    /// - Parameter strict: treat warnings (a stale translation, a missing UI string) as errors.
    /// - Throws: ``BuildFailure`` listing every problem.
    @discardableResult
    public static func build(content: String, themes: String, output: String, strict: Bool = false) throws(BuildFailure) -> Report {
        let options = BuildOptions(contentPath: content, themesPath: themes, outputPath: output, strict: strict)
        do {
            let report = try SiteBuilder(fileSystem: LocalFileSystem(confinedTo: [content, themes])).build(options)
            return Report(files: report.pages, written: report.written, warnings: report.diagnostics.map(Problem.init), seconds: report.seconds)
        } catch {
            switch error {
            case .invalidContent(let diagnostics): throw BuildFailure(problems: diagnostics.map(Problem.init), description: error.description)
            case .output, .refusedOutput: throw BuildFailure(problems: [], description: error.description)
            }
        }
    }

    /// Everything `build` validates plus links, anchors, dates and contact data, without
    /// writing anything: the problems `policysite check` prints.
    public static func check(content: String, themes: String) -> [Problem] {
        SiteChecker(builder: SiteBuilder(fileSystem: LocalFileSystem(confinedTo: [content, themes]))).check(
            BuildOptions(contentPath: content, themesPath: themes)
        ).map(Problem.init)
    }
}
