// A policy page's cookie table (40 cookies in 4 categories; a shortened copy of the default
// theme's table markup) rendered by each engine, 2,000 times after one warm-up, in one process.
// An empty value is left out of a row, as PolicySite's pruned values leave it out, so that every
// engine's "if" sees the same thing and all three print the same bytes (checked below: the
// program fails when they do not, since the times would not compare the same work).
import Foundation
import LeafKit
import Mustache
import NIOCore
import NIOEmbedded
import Stencil

let rows: [[String: Any]] = (0..<40).map { index in
    var row: [String: Any] = ["name": "cookie_\(index)", "provider": "Provider \(index % 7)", "purpose": "Keeps you signed in"]
    if index % 5 != 0 { row["duration"] = "\(index) months" }
    if index % 3 == 0 { row["path"] = "/app" }
    return row
}
let categories: [[String: Any]] = (0..<4).map { category in
    ["id": "cat\(category)", "label": "Category \(category)", "cookies": Array(rows[(category * 10)..<(category * 10 + 10)])]
}
let context: [String: Any] = ["title": "Cookies", "lang": "en", "categories": categories]
let rounds = 2000

/// Microseconds a render, and the text of the last one.
func measure(_ render: () throws -> String) rethrows -> (micros: Double, text: String) {
    var text = try render()
    let start = Date()
    for _ in 0..<rounds { text = try render() }
    return (Date().timeIntervalSince(start) / Double(rounds) * 1e6, text)
}

// swift-mustache: names looked up at render time, through casts of `Any`.
let mustache = try MustacheTemplate(
    string: """
        <h1>{{title}}</h1>
        {{#categories}}<h3 id="cookies-{{id}}">{{label}}</h3>
        <table><tbody>
        {{#cookies}}<tr><th scope="row"><code>{{name}}</code>{{#path}}<br><small>Path <code>{{path}}</code></small>{{/path}}</th><td>{{provider}}</td><td>{{purpose}}</td><td>{{#duration}}{{duration}}{{/duration}}{{^duration}}<span class="muted">not stated</span>{{/duration}}</td></tr>
        {{/cookies}}</tbody></table>
        {{/categories}}
        """)
let mustacheResult = measure { mustache.render(context) }

// Stencil: names resolved by reflection at render time.
let environment = Environment()
let stencil = try environment.templateClass.init(
    templateString: """
        <h1>{{ title }}</h1>
        {% for category in categories %}<h3 id="cookies-{{ category.id }}">{{ category.label }}</h3>
        <table><tbody>
        {% for cookie in category.cookies %}<tr><th scope="row"><code>{{ cookie.name }}</code>{% if cookie.path %}<br><small>Path <code>{{ cookie.path }}</code></small>{% endif %}</th><td>{{ cookie.provider }}</td><td>{{ cookie.purpose }}</td><td>{% if cookie.duration %}{{ cookie.duration }}{% else %}<span class="muted">not stated</span>{% endif %}</td></tr>
        {% endfor %}</tbody></table>
        {% endfor %}
        """, environment: environment)
let stencilResult = try measure { try stencil.render(context) }

// leaf-kit: values as `LeafData` (a typed enum, no casts); it renders through a SwiftNIO future,
// which an embedded event loop completes on this thread. The conversion of the values is made
// once and not timed.
struct MemorySource: LeafSource {
    let text: String
    func file(template: String, escape: Bool, on eventLoop: any EventLoop) throws -> EventLoopFuture<ByteBuffer> {
        eventLoop.makeSucceededFuture(ByteBuffer(string: text))
    }
}
func leafValue(_ value: Any) -> LeafData {
    switch value {
    case let text as String: return .string(text)
    case let list as [Any]: return .array(list.map(leafValue))
    case let object as [String: Any]: return .dictionary(object.mapValues(leafValue))
    default: return .trueNil
    }
}
let loop = EmbeddedEventLoop()
let leaf = LeafRenderer(
    configuration: LeafConfiguration(rootDirectory: "/"),
    sources: .singleSource(
        MemorySource(
            text: """
                <h1>#(title)</h1>
                #for(category in categories):<h3 id="cookies-#(category.id)">#(category.label)</h3>
                <table><tbody>
                #for(cookie in category.cookies):<tr><th scope="row"><code>#(cookie.name)</code>#if(cookie.path):<br><small>Path <code>#(cookie.path)</code></small>#endif</th><td>#(cookie.provider)</td><td>#(cookie.purpose)</td><td>#if(cookie.duration):#(cookie.duration)#else:<span class="muted">not stated</span>#endif</td></tr>
                #endfor</tbody></table>
                #endfor
                """)), eventLoop: loop)
let leafContext = context.mapValues(leafValue)
let leafResult = measure {
    var text = ""
    leaf.render(path: "table", context: leafContext).whenComplete { result in
        switch result {
        case .success(let buffer): text = String(buffer: buffer)
        case .failure(let error): fatalError("leaf-kit: \(error)")
        }
    }
    loop.run()
    return text
}

var differs = false
for (name, result) in [("swift-mustache", mustacheResult), ("Stencil", stencilResult), ("leaf-kit", leafResult)] {
    differs = differs || result.text != mustacheResult.text
    let same = result.text == mustacheResult.text ? "same text" : "TEXT DIFFERS"
    let label = name.padding(toLength: 15, withPad: " ", startingAt: 0)
    print(
        label
            + String(
                format: "%6.0f µs a table, %.2f × swift-mustache's time (%d bytes, %@)", result.micros, result.micros / mustacheResult.micros,
                result.text.utf8.count, same))
}
if differs { exit(1) }

#if PROJECT_CONFORMANCES
// With `swift run -c release -Xswiftc -DPROJECT_CONFORMANCES`: swift-mustache given the
// conformances PolicySite gives it (Sources/PolicyRender/RenderableValues.swift), under which a
// string prints and ends a lookup at its first cast.
extension String: @retroactive MustacheCustomRenderable {
    public var renderText: String { self }
    public var isNull: Bool { false }
}
extension String: @retroactive MustacheParent {
    public func child(named: String) -> Any? { nil }
}
#endif
