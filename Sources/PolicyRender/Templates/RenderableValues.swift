public import Mustache

// Why these conformances: swift-mustache prints a value by casting it to `MustacheCustomRenderable`
// and, when that fails, to its lambda type, then to an optional (to unwrap it), then through
// `String(describing:)`, which casts again. Each protocol cast costs about 80 ns on this
// runtime, and nearly every value a page prints is a `String`. Saying here that the context's
// plain values render as themselves ends the chain at the first cast; the text is the same as
// `String(describing:)` gives, and none of them is ever "null" (a section over one still renders).
// The conformances are retroactive on purpose (the lint rule against them is waived for each):
// the protocol is swift-mustache's way for a value to say how it renders.

// swift-format-ignore: AvoidRetroactiveConformances
extension String: @retroactive MustacheCustomRenderable {
    public var renderText: String { self }
    public var isNull: Bool { false }
}

// swift-format-ignore: AvoidRetroactiveConformances
extension Int: @retroactive MustacheCustomRenderable {
    public var renderText: String { String(self) }
    public var isNull: Bool { false }
}

// swift-format-ignore: AvoidRetroactiveConformances
extension Bool: @retroactive MustacheCustomRenderable {
    public var renderText: String { self ? "true" : "false" }
    public var isNull: Bool { false }
}

// Why these too: inside a section over a string (`{{#canonical}}…{{canonical}}…{{/canonical}}`)
// every name is first looked up on the string itself. A value that is not a `MustacheParent` is
// searched with `Mirror`, and a string's mirror lists each of its characters, so every such
// lookup walked the whole text before going on down the context stack. A string or number has no named children either way; saying so ends the lookup at
// one cast.

// swift-format-ignore: AvoidRetroactiveConformances
extension String: @retroactive MustacheParent {
    public func child(named: String) -> Any? { nil }
}

// swift-format-ignore: AvoidRetroactiveConformances
extension Int: @retroactive MustacheParent {
    public func child(named: String) -> Any? { nil }
}
