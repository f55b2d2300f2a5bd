public import Mustache
import Synchronization

/// Templates compiled once per text in a process. Compiling is a pure function of the text, so a
/// template whose text was compiled before is taken as it was: `serve` recompiles only the
/// templates a theme edit changed, and a process that loads the same theme again (the tests'
/// many builds, each language's copy of an unchanged template) parses nothing twice.
///
/// Bounded: a long `serve` session editing templates would otherwise keep every version it saw.
/// Past `limit` texts the store starts again, which costs one recompile of the theme in use.
public enum CompiledTemplates {
    static let limit = 2_048
    private static let store = Mutex<[String: MustacheTemplate]>([:])

    /// `text` compiled, from the store when it has compiled this text before.
    public static func template(_ text: String) throws -> MustacheTemplate {
        if let known = store.withLock({ $0[text] }) { return known }
        let template = try MustacheTemplate(string: text)
        store.withLock { templates in
            if templates.count >= limit { templates.removeAll(keepingCapacity: true) }
            templates[text] = template
        }
        return template
    }
}

extension MustacheLibrary {
    /// `register(_:named:)` through `CompiledTemplates`.
    mutating func registerCompiled(_ text: String, named name: String) throws {
        register(try CompiledTemplates.template(text), named: name)
    }
}
