// Lookup cost of a template value's names: the `switch` page models had against the table of
// `TemplateFields` they have now, on the policy page's chain (page → sections → company frame
// → page frame) with its real names. Run by bench/lookup/run.sh; not part of the test suite.
import Foundation

extension Optional where Wrapped == String {
    var orFalse: Any { self.map { $0 as Any } ?? false }
}

// MARK: The `switch`es (as the models had them)

struct SwitchPageFrame {
    let lang = "en", dir = "ltr", stylesheet = "style.css"
    let title: String? = "Privacy policy", siteTitle: String? = "Policies", siteDescription: String? = nil
    let canonical: String? = "https://example.com/p/", home: String? = "../../", assets: String? = "../../assets/"
    let languages: [String]? = ["en", "fr"], xDefault: String? = "https://example.com/"

    func child(named name: String) -> Any? {
        switch name {
        case "lang": lang
        case "dir": dir
        case "title": title.orFalse
        case "site_title": siteTitle.orFalse
        case "site_description": siteDescription.orFalse
        case "canonical": canonical.orFalse
        case "home": home.orFalse
        case "assets": assets.orFalse
        case "t": lang
        case "stylesheet": stylesheet
        case "has_languages": languages.map { _ in true }
        case "languages": languages
        case "x_default": xDefault
        default: nil
        }
    }
}

struct SwitchCompanyFrame {
    let frame = SwitchPageFrame()
    let company = "Acme", subheadingLevel = "3", contentLang = "en", contentDir = "ltr"
    let lastUpdated: String? = "1 May 2026", lastUpdatedISO: String? = "2026-05-01", effective: String? = "1 May 2026"
    let version: String? = "2.0", printVersion: String? = "Version 2.0", nav = ["a", "b"], policyHref: String? = "./"
    let feed: String? = "feed.xml", feedURL: String? = "https://example.com/feed.xml", jsonURL: String? = "policy.json"
    let fallbackNote: String?? = nil, staleNote: String?? = nil, staleSource: String? = nil

    func child(named name: String) -> Any? {
        switch name {
        case "company": company
        case "subheading_level": subheadingLevel
        case "content_lang": contentLang
        case "content_dir": contentDir
        case "last_updated": lastUpdated.orFalse
        case "last_updated_iso": lastUpdatedISO.orFalse
        case "effective": effective.orFalse
        case "version": version.orFalse
        case "print_version": printVersion.orFalse
        case "nav": nav
        case "policy_href": policyHref.orFalse
        case "feed": feed.orFalse
        case "feed_url": feedURL.orFalse
        case "json_url": jsonURL.orFalse
        case "fallback_note": fallbackNote.map(\.orFalse)
        case "stale_note": staleNote.map(\.orFalse)
        case "stale_source": staleSource
        default: frame.child(named: name)
        }
    }
}

final class SwitchSections: Sendable {
    let rows = ["r"]
    func child(named name: String) -> Any? {
        switch name {
        case "data_collected", "purposes", "third_parties", "recipients", "transfers", "retention", "cookies", "rights", "contact", "glance": rows
        default: nil
        }
    }
}

let sectionIDs = ["data_collected", "purposes", "third_parties", "transfers", "retention", "cookies", "rights", "children", "more", "contact"]

struct SwitchPolicyPage {
    let frame = SwitchCompanyFrame()
    let sections = SwitchSections()
    let summary: String? = "We collect little.", body: String? = "<p>Text</p>", flag = true, text: String? = nil
    let blocks = ["b"], toc = ["t"], labels = ["cookies": "cookies-heading"]

    func child(named name: String) -> Any? {
        switch name {
        case "summary": summary.orFalse
        case "body": body.orFalse
        case "has_sources": flag
        case "has_bases": flag
        case "has_periods": flag
        case "has_criteria": flag
        case "cookie_bases": flag
        case "cookies_named": flag
        case "cookie_controls": text.orFalse
        case "children": text.orFalse
        case "no_sale": flag
        case "data_required": text.orFalse
        case "automated_decisions": text.orFalse
        case "cookies_href": body.orFalse
        case "rights_href": body.orFalse
        case "blocks": blocks
        case "toc": toc
        case "upcoming_notice": text.orFalse
        case "history_links": text.orFalse
        case "archive_notice": text
        case "data_collected_label": labels["data_collected"]
        case "purposes_label": labels["purposes"]
        case "third_parties_label": labels["third_parties"]
        case "transfers_label": labels["transfers"]
        case "retention_label": labels["retention"]
        case "cookies_label": labels["cookies"]
        case "rights_label": labels["rights"]
        case "children_label": labels["children"]
        case "more_label": labels["more"]
        case "contact_label": labels["contact"]
        default: sections.child(named: name) ?? frame.child(named: name)
        }
    }
}

// MARK: The tables (as the models have them)

/// As `TemplateModel`: `child(named:)` is the protocol's, reading `fields`.
protocol TableModel {
    static var fields: TemplateFields<Self> { get }
}

extension TableModel {
    func child(named name: String) -> Any? { Self.fields.value(of: TemplateKey(name), in: self) }
    func child(named key: TemplateKey) -> Any? { Self.fields.value(of: key, in: self) }
}

struct TablePageFrame: TableModel {
    let lang = "en", dir = "ltr", stylesheet = "style.css"
    let title: String? = "Privacy policy", siteTitle: String? = "Policies", siteDescription: String? = nil
    let canonical: String? = "https://example.com/p/", home: String? = "../../", assets: String? = "../../assets/"
    let languages: [String]? = ["en", "fr"], xDefault: String? = "https://example.com/"

    static let fields = TemplateFields<Self>([
        "lang": .value { $0.lang },
        "dir": .value { $0.dir },
        "title": .text { $0.title },
        "site_title": .text { $0.siteTitle },
        "site_description": .text { $0.siteDescription },
        "canonical": .text { $0.canonical },
        "home": .text { $0.home },
        "assets": .text { $0.assets },
        "t": .value { $0.lang },
        "stylesheet": .value { $0.stylesheet },
        "has_languages": .value { $0.languages.map { _ in true } },
        "languages": .value { $0.languages },
        "x_default": .value { $0.xDefault },
    ])

}

struct TableCompanyFrame: TableModel {
    let frame = TablePageFrame()
    let company = "Acme", subheadingLevel = "3", contentLang = "en", contentDir = "ltr"
    let lastUpdated: String? = "1 May 2026", lastUpdatedISO: String? = "2026-05-01", effective: String? = "1 May 2026"
    let version: String? = "2.0", printVersion: String? = "Version 2.0", nav = ["a", "b"], policyHref: String? = "./"
    let feed: String? = "feed.xml", feedURL: String? = "https://example.com/feed.xml", jsonURL: String? = "policy.json"
    let fallbackNote: String?? = nil, staleNote: String?? = nil, staleSource: String? = nil

    static let fields = TemplateFields<Self>(
        [
            "company": .value { $0.company },
            "subheading_level": .value { $0.subheadingLevel },
            "content_lang": .value { $0.contentLang },
            "content_dir": .value { $0.contentDir },
            "last_updated": .text { $0.lastUpdated },
            "last_updated_iso": .text { $0.lastUpdatedISO },
            "effective": .text { $0.effective },
            "version": .text { $0.version },
            "print_version": .text { $0.printVersion },
            "nav": .value { $0.nav },
            "policy_href": .text { $0.policyHref },
            "feed": .text { $0.feed },
            "feed_url": .text { $0.feedURL },
            "json_url": .text { $0.jsonURL },
            "fallback_note": .value { $0.fallbackNote.map(\.orFalse) },
            "stale_note": .value { $0.staleNote.map(\.orFalse) },
            "stale_source": .value { $0.staleSource },
        ], next: [.init(lookup: { $0.frame.child(named: $1) }, shape: { TablePageFrame.fields.shape })])

}

final class TableSections: TableModel, Sendable {
    let rows = ["r"]
    static let fields = TemplateFields<TableSections>(
        Dictionary(
            uniqueKeysWithValues: [
                "data_collected", "purposes", "third_parties", "recipients", "transfers", "retention", "cookies", "rights", "contact", "glance",
            ].map { ($0, .value { $0.rows }) }))

}

struct TablePolicyPage: TableModel {
    let frame = TableCompanyFrame()
    let sections = TableSections()
    let summary: String? = "We collect little.", body: String? = "<p>Text</p>", flag = true, text: String? = nil
    let blocks = ["b"], toc = ["t"], labels = ["cookies": "cookies-heading"]

    static let fields = TemplateFields<Self>(
        [
            "summary": .text { $0.summary },
            "body": .text { $0.body },
            "has_sources": .value { $0.flag },
            "has_bases": .value { $0.flag },
            "has_periods": .value { $0.flag },
            "has_criteria": .value { $0.flag },
            "cookie_bases": .value { $0.flag },
            "cookies_named": .value { $0.flag },
            "cookie_controls": .text { $0.text },
            "children": .text { $0.text },
            "no_sale": .value { $0.flag },
            "data_required": .text { $0.text },
            "automated_decisions": .text { $0.text },
            "cookies_href": .text { $0.body },
            "rights_href": .text { $0.body },
            "blocks": .value { $0.blocks },
            "toc": .value { $0.toc },
            "upcoming_notice": .text { $0.text },
            "history_links": .text { $0.text },
            "archive_notice": .value { $0.text },
        ].merging(sectionIDs.map { id in (id + "_label", .value { $0.labels[id] }) }) { first, _ in first },
        next: [
            .init(lookup: { $0.sections.child(named: $1) }, shape: { TableSections.fields.shape }),
            .init(lookup: { $0.frame.child(named: $1) }, shape: { TableCompanyFrame.fields.shape }),
        ])

}

// MARK: Timing

/// The names `policy.mustache` and `layout.mustache` of the default theme look up on the page,
/// once each, with two that no level has (a name a section's row lacks goes on to the page).
let names = [
    "lang", "dir", "title", "company", "summary", "site_description", "canonical", "languages", "x_default", "feed_url", "json_url",
    "assets", "stylesheet", "home", "site_title", "has_languages", "print_version", "feed", "content_lang", "content_dir", "nav",
    "fallback_note", "stale_note", "archive_notice", "upcoming_notice", "history_links", "last_updated", "effective", "version", "toc",
    "glance", "blocks", "body", "subheading_level", "cookies_label", "data_collected", "recipients", "contact", "no_such_name", "name",
]

@inline(never) func measure(_ label: String, rounds: Int, _ lookup: (String) -> Any?) -> Double {
    var found = 0
    // CPU time of this thread: the machine is shared, and wall time counts the other processes.
    func now() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return Double(time.tv_sec) * 1e9 + Double(time.tv_nsec)
    }
    let start = now()
    for _ in 0..<rounds {
        for name in names where lookup(name) != nil { found += 1 }
    }
    let ns = (now() - start) / Double(rounds * names.count)
    print(String(format: "%@: %.1f ns per lookup (%d found)", label, ns, found / rounds))
    return ns
}

let rounds = Int(CommandLine.arguments.dropFirst().first ?? "") ?? 200_000
let switchPage = SwitchPolicyPage()
let tablePage = TablePolicyPage()
// Both answer the same names with the same presence.
for name in names { precondition((switchPage.child(named: name) == nil) == (tablePage.child(named: name) == nil), name) }
var results: [String: [Double]] = [:]
for _ in 0..<3 {
    results["switch", default: []].append(measure("switch", rounds: rounds) { switchPage.child(named: $0) })
    results["table", default: []].append(measure("table ", rounds: rounds) { tablePage.child(named: $0) })
}
for (label, times) in results.sorted(by: { $0.key < $1.key }) { print(String(format: "median %@: %.1f ns per lookup", label, times.sorted()[1])) }
