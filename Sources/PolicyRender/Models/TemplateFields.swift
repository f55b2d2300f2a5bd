/// The names a template value answers, each with how it reads it: the one table that both the
/// lookup (`child(named:)`) and the theme check (`names`, `shape`) read, so a name cannot be
/// answered without being known to the check, nor known without being answered.
///
/// A name the table lacks is looked up in `next`, in order: the value's frame (`CompanyFrame`
/// for a company page, `PageFrame` under it), whose own table answers it.
///
/// The table is an open-addressed array probed with the name's hash (`TemplateKey`), worked out
/// once per lookup and reused at every level the lookup goes through: a `switch` on a `String`
/// (which Swift compiles to a cached dictionary) or a `Dictionary` hashes the name again at each
/// level. See docs/performance.md, "Typed page models", for what each costs.
///
/// A class, so that reading a model's `fields` through the protocol (`TemplateModel`) in a debug
/// build retains one object rather than copying every array of the table.
///
/// This file imports nothing, so `bench/lookup` compiles it as it is.
final class TemplateFields<Model>: Sendable {
    /// How a name is read, and what kind of template value it gives when it gives one.
    struct Field: Sendable {
        fileprivate let read: Read
        /// The shape of the value (of each element, for a list), for a value templates look
        /// names up in (a model, a list of models); nil for a text, a flag or a number.
        let yields: (@Sendable () -> TemplateShape)?

        init(yields: (@Sendable () -> TemplateShape)? = nil, _ read: @escaping @Sendable (Model) -> Any?) {
            self.read = .value(read)
            self.yields = yields
        }

        private init(text: @escaping @Sendable (Model) -> String?) {
            self.read = .text(text)
            self.yields = nil
        }

        /// A text, a flag, a number, or a value that is absent (nil) where the model says so.
        static func value(_ read: @escaping @Sendable (Model) -> Any?) -> Field { Field(read) }

        /// A text the model holds as absent when empty: `false` to the template then, so that
        /// `{{#name}}` skips and the lookup stops here (see `TemplateValue`).
        static func text(_ read: @escaping @Sendable (Model) -> String?) -> Field { Field(text: read) }
    }

    /// How a field reads its value; a text is made `false` when absent here, not by a second closure.
    fileprivate enum Read: Sendable {
        case value(@Sendable (Model) -> Any?)
        case text(@Sendable (Model) -> String?)
    }

    /// Where names the table lacks are looked up next, and their shape.
    struct Next: Sendable {
        let lookup: @Sendable (Model, TemplateKey) -> Any?
        let shape: @Sendable () -> TemplateShape
    }

    /// The slots: a name ("" for an empty slot), its hash and how to read it, at the index its
    /// hash gives (or the next free one).
    private let slotNames: [String]
    private let slotHashes: [Int]
    private let slotReads: [Read?]
    private let mask: Int
    private let next: [@Sendable (Model, TemplateKey) -> Any?]
    /// The names and kinds of values, for the theme check.
    let shape: TemplateShape

    /// `fields` by name, then `next` for the names it lacks (the first that answers wins).
    init(_ fields: [String: Field], next: [Next] = []) {
        // At most half full, so a probe ends after a slot or two.
        var size = 4
        while size < fields.count * 2 { size *= 2 }
        var names = Array(repeating: "", count: size)
        var hashes = Array(repeating: 0, count: size)
        var reads: [Read?] = Array(repeating: nil, count: size)
        for (name, field) in fields.sorted(by: { $0.key < $1.key }) {
            precondition(!name.isEmpty, "a template name is never empty")
            let hash = TemplateKey.hash(name)
            var index = hash & (size - 1)
            while !names[index].isEmpty { index = (index + 1) & (size - 1) }
            (names[index], hashes[index], reads[index]) = (name, hash, field.read)
        }
        (slotNames, slotHashes, slotReads, mask) = (names, hashes, reads, size - 1)
        self.next = next.map(\.lookup)
        shape = TemplateShape(names: Set(fields.keys), yields: fields.values.compactMap(\.yields), next: next.map(\.shape))
    }

    /// The value of `key` in `model`; nil when neither the table nor `next` has it, so the
    /// lookup goes on down the context stack.
    @inline(__always)
    func value(of key: TemplateKey, in model: Model) -> Any? {
        var index = key.hash & mask
        while !slotNames[index].isEmpty {
            if slotHashes[index] == key.hash, slotNames[index] == key.name {
                switch slotReads[index] {
                case .value(let read): return read(model)
                case .text(let read): return read(model).map { $0 as Any } ?? false
                case nil: return nil
                }
            }
            index = (index + 1) & mask
        }
        for lookup in next {
            if let value = lookup(model, key) { return value }
        }
        return nil
    }
}

/// A name as templates look it up, with its hash worked out once for every table it is looked
/// up in. The hash is the standard library's (`hashValue`): compiled optimized even into a debug
/// build, where a hash loop of our own ran unoptimized and made lookups slower than the `switch`.
struct TemplateKey: Sendable {
    let name: String
    let hash: Int

    init(_ name: String) {
        self.name = name
        hash = Self.hash(name)
    }

    static func hash(_ name: String) -> Int { name.hashValue }
}

/// What a template value answers, for the theme check: its names, the shapes of the values
/// its names give, and of what it looks names up in next (its frame). Computed on demand from
/// closures, so the shapes of nested types are read only when the check runs.
struct TemplateShape: Sendable {
    let names: Set<String>
    let yields: [@Sendable () -> TemplateShape]
    let next: [@Sendable () -> TemplateShape]

    /// Every name a template rendered with this value can find: its own (with its frame's) and,
    /// transitively, those of the values they give, which sections put on the context stack.
    var reachableNames: Set<String> {
        var names = ownNames
        var pending = yieldShapes
        // Models nest a few levels deep and never contain themselves; the bound is a guard.
        var steps = 0
        while let shape = pending.popLast(), steps < 10_000 {
            steps += 1
            names.formUnion(shape.ownNames)
            pending += shape.yieldShapes
        }
        return names
    }

    /// The names this value answers itself or through `next`.
    var ownNames: Set<String> { next.reduce(into: names) { $0.formUnion($1().ownNames) } }

    /// The shapes of the values its names give, through `next` too.
    private var yieldShapes: [TemplateShape] { yields.map { $0() } + next.flatMap { $0().yieldShapes } }
}
