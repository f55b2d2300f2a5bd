import Foundation
import PolicyChecks
import PolicyContent
import PolicyDiagnostics
import PolicyFiles
import PolicyHistory
import PolicyModel
import PolicyRender
import TestSupport
import Testing

@testable import PolicyBuild

/// The property every cache of the build must keep: after any edit of any input a page can show,
/// a build into the same output (with everything `.policysite-cache/` beside it kept) writes
/// exactly what a cold build of the same input writes into a fresh folder.
///
/// A small site (`Tests/Fixtures/property`: two companies in two languages each, every
/// front-matter field and company fact present, two versions of acme published as the test
/// starts) and a copy of the default theme get edits in a random order: every front-matter field kind,
/// the prose, `company.yml`, `site.yml`, every template and partial, every UI-string file,
/// `jurisdictions.yml`, the assets, the changelog, a language added or removed, a version
/// published, and an edit undone (content changed back to what an earlier build saw). Every kind
/// comes once, shuffled, before any comes twice.
///
/// `POLICYSITE_PROPERTY_SEED` replays a run (its seed is printed), `POLICYSITE_PROPERTY_EDITS`
/// sets how many edits (200 in CI, where `CI=true`; 60 otherwise).
@Suite struct IncrementalPropertyTests {
    /// A day after every date in the copied content; the build's and publish's "today".
    static let today = Date(timeIntervalSince1970: 1_796_644_800)  // 2026-12-07 12:00 UTC
    static let companies = ["acme", "globex"]
    static let fixture = Repository.root.appendingPathComponent("Tests/Fixtures/property/content")

    @Test func everyIncrementalBuildWritesWhatAColdBuildWrites() throws {
        let environment = ProcessInfo.processInfo.environment
        let seed = environment["POLICYSITE_PROPERTY_SEED"].flatMap { UInt64($0) } ?? UInt64.random(in: 1...UInt64(UInt32.max))
        // 200 in CI; fewer by default elsewhere, to keep `swift test` quick on a laptop.
        let count = environment["POLICYSITE_PROPERTY_EDITS"].flatMap { Int($0) } ?? (Repository.checkersRequired ? 200 : 60)
        print("IncrementalPropertyTests: seed \(seed), \(count) edits (replay with POLICYSITE_PROPERTY_SEED=\(seed))")
        let sandbox = try Sandbox()
        var site = try EditedSite(root: sandbox.site, seed: seed)
        // Two published versions (and a diff between them) before the first build.
        _ = try site.publish(0)
        _ = try site.publish(0)
        try site.build(cold: false)

        let deck = site.shuffledDeck()
        var log: [String] = []
        for number in 1...max(1, count) {
            let edit = number <= deck.count ? deck[number - 1] : site.pick(deck)
            let description: String
            do {
                description = try site.apply(edit, number: number)
            } catch {
                Issue.record("seed \(seed), edit \(number) (\(edit)) could not be made: \(error)")
                return
            }
            log.append("\(number): \(description)")
            do {
                try site.build(cold: false)
                try site.build(cold: true)
            } catch {
                let problems = (error as? BuildError).flatMap { if case .invalidContent(let found) = $0 { found.errors } else { nil } } ?? []
                Issue.record(
                    "seed \(seed), edit \(number) (\(description)): the build failed: \(error) \(problems)\nedits: \(log.suffix(8).joined(separator: "; "))")
                return
            }
            // The site must also be one `check`, and so `publish`, accepts: no link to a page it
            // does not have (an archived version kept linking to a rights page that was gone).
            let broken = site.brokenLinks()
            if let first = broken.first {
                Issue.record(
                    """
                    seed \(seed), edit \(number) (\(description)): \(first)\(broken.count > 1 ? " and \(broken.count - 1) more broken links" : "")
                    replay: POLICYSITE_PROPERTY_SEED=\(seed) POLICYSITE_PROPERTY_EDITS=\(number)
                    last edits: \(log.suffix(6).joined(separator: "; "))
                    """)
                return
            }
            let differing = site.differingFiles()
            if let first = differing.first {
                Issue.record(
                    """
                    seed \(seed), edit \(number) (\(description)): the incremental build differs from a cold build in \(first)\
                    \(differing.count > 1 ? " and \(differing.count - 1) more: \(differing.dropFirst().prefix(5).joined(separator: ", "))" : "")
                    replay: POLICYSITE_PROPERTY_SEED=\(seed) POLICYSITE_PROPERTY_EDITS=\(number)
                    last edits: \(log.suffix(6).joined(separator: "; "))
                    """)
                return
            }
        }
        #expect(sandbox.brokenCanaries.isEmpty)
        print("IncrementalPropertyTests: seed \(seed) passed; removals: \(log.filter { $0.contains(" remove") }.joined(separator: "; "))")
    }
}

/// One kind of edit; `apply` picks what exactly (company, language, value) at random.
enum PropertyEdit: Hashable, CustomStringConvertible {
    case frontMatter(String)
    case prose
    case company(String)
    case site(String)
    case template(String)
    case uiStrings(String)
    case jurisdictions
    case asset(String)
    case changelog
    case addLanguage
    case removeLanguage
    case publish
    /// Takes a section (`rights`, or `cookies` with `cookie_controls`) out of every current text
    /// of a company, archived versions keeping theirs; a later edit of the field or an undo puts
    /// it back.
    case removeSection(String)
    /// Puts back the bytes a file had before the last edit of it (the cache saw both).
    case undo

    var description: String {
        switch self {
        case .frontMatter(let field): "front matter \(field)"
        case .prose: "prose"
        case .company(let field): "company.yml \(field)"
        case .site(let field): "site.yml \(field)"
        case .template(let name): "template \(name)"
        case .uiStrings(let name): "UI strings \(name)"
        case .jurisdictions: "jurisdictions.yml"
        case .asset(let name): "asset \(name)"
        case .changelog: "changelog.yml"
        case .addLanguage: "add a language"
        case .removeLanguage: "remove a language"
        case .publish: "publish a version"
        case .removeSection(let field): "remove \(field)"
        case .undo: "undo"
        }
    }
}

/// The site the property test edits and builds: `content/` (two companies) and `themes/default`
/// under `root`, built into `root/public` (incremental) and `root/cold/public` (cold).
struct EditedSite {
    let root: URL
    var random: SeededRandom
    let content: String
    let theme: String
    let options: BuildOptions
    let coldOptions: BuildOptions
    /// The files each edit changed, as they were before it, for `.undo` (one edit may change
    /// several files: a fact in every translation).
    var before: [[(path: String, data: Data?)]] = []

    static let frontMatterFields = [
        "title", "summary", "version", "effective", "last_updated", "data_collected", "purposes", "cookies", "cookie_controls", "retention",
        "rights", "jurisdictions", "third_parties", "transfers", "children_min_age", "sells_personal_data", "data_required",
        "automated_decisions",
    ]
    /// Fields each translation words in its own way.
    static let translatedFields: Set = ["title", "summary", "cookie_controls", "data_required", "automated_decisions"]
    static let companyFields = [
        "legal_name", "display_name", "website", "address", "country", "privacy_email", "phone", "dpo", "response_time", "supervisory_authority",
        "jurisdictions", "locales",
    ]
    static let siteFields = ["title", "description", "base_url", "locales", "missing_translation"]

    init(root: URL, seed: UInt64) throws {
        self.root = root
        random = SeededRandom(seed: seed)
        let files = FileManager.default
        content = root.appendingPathComponent("content").path
        theme = root.appendingPathComponent("themes/default").path
        try files.createDirectory(atPath: content, withIntermediateDirectories: true)
        try files.createDirectory(atPath: root.appendingPathComponent("themes").path, withIntermediateDirectories: true)
        for name in ["site.yml"] + IncrementalPropertyTests.companies {
            try files.copyItem(at: IncrementalPropertyTests.fixture.appendingPathComponent(name), to: URL(fileURLWithPath: content + "/" + name))
        }
        try files.copyItem(at: Repository.themes.appendingPathComponent("default"), to: URL(fileURLWithPath: theme))
        var options = BuildOptions(
            contentPath: content, themesPath: root.appendingPathComponent("themes").path, outputPath: root.appendingPathComponent("public").path)
        options.archiveCache = BuildCache(output: options.outputPath).archives()
        self.options = options
        var cold = options
        cold.outputPath = root.appendingPathComponent("cold/public").path
        cold.archiveCache = BuildCache(output: cold.outputPath).archives()
        coldOptions = cold
    }

    /// Builds as `policysite build` does (a new builder each time, the caches beside the output);
    /// a cold build first removes its folder and the cache beside it.
    func build(cold: Bool) throws {
        if cold { try? FileManager.default.removeItem(atPath: root.appendingPathComponent("cold").path) }
        let builder = SiteBuilder(now: { IncrementalPropertyTests.today })
        _ = try builder.build(cold ? coldOptions : options)
    }

    func differingFiles() -> [String] {
        let built = BuildFixtures.files(under: options.outputPath)
        let cold = BuildFixtures.files(under: coldOptions.outputPath)
        return Set(built.keys).union(cold.keys).filter { built[$0] != cold[$0] }.sorted()
    }

    /// The links of the cold build's pages that name a file or an anchor it does not have.
    func brokenLinks() -> [Diagnostic] {
        var links = LinkChecker(assets: [])
        links.add(BuildFixtures.files(under: coldOptions.outputPath).map { RenderedPage(path: $0.key, contents: $0.value) })
        return links.finish()
    }

    mutating func pick<T>(_ items: [T]) -> T { items[random.next(items.count)] }

    /// Every kind of edit once, in a random order.
    mutating func shuffledDeck() -> [PropertyEdit] {
        let templates = ((try? FileManager.default.contentsOfDirectory(atPath: theme + "/templates")) ?? []).sorted()
        let strings = ((try? FileManager.default.contentsOfDirectory(atPath: theme + "/i18n")) ?? []).sorted()
        let assets = ((try? FileManager.default.contentsOfDirectory(atPath: theme + "/assets")) ?? []).sorted()
        var deck: [PropertyEdit] = Self.frontMatterFields.map(PropertyEdit.frontMatter) + [.prose, .prose]
        deck += Self.companyFields.map(PropertyEdit.company) + Self.siteFields.map(PropertyEdit.site)
        deck += templates.map(PropertyEdit.template) + strings.map(PropertyEdit.uiStrings) + assets.map(PropertyEdit.asset)
        deck += [.jurisdictions, .changelog, .addLanguage, .removeLanguage, .publish, .publish, .undo, .undo, .undo]
        deck += [.removeSection("rights"), .removeSection("cookies")]
        for index in stride(from: deck.count - 1, to: 0, by: -1) { deck.swapAt(index, random.next(index + 1)) }
        return deck
    }

    // MARK: Edits

    /// Makes one edit of this kind and says what it did.
    mutating func apply(_ edit: PropertyEdit, number n: Int) throws -> String {
        if edit != .undo { before.append([]) }
        switch edit {
        case .frontMatter(let field):
            let (company, language) = pickPolicy()
            let value = frontMatterValue(field, n)
            // Translations must state the same facts (the build checks it): a structured field
            // changes in every language at once, a text in one.
            let languages = Self.translatedFields.contains(field) ? [language] : self.languages(of: company)
            for language in languages {
                try change(policyPath(company, language)) { try Self.setting(field, to: value, inFrontMatterOf: $0) }
            }
            return "\(edit)\(value == nil ? " removed" : "") in \(company)/\(languages.joined(separator: ","))"
        case .prose:
            let (company, language) = pickPolicy()
            try change(policyPath(company, language)) { $0 + "\nA paragraph added by edit \(n).\n" }
            return "\(edit) in \(company)/\(language)"
        case .company(let field):
            let company = pick(IncrementalPropertyTests.companies)
            let value = companyValue(field, n)
            try change(content + "/\(company)/company.yml") { try Self.setting(field, to: value, in: $0) }
            return "\(edit) of \(company)"
        case .site(let field):
            let (key, value) =
                field == "missing_translation"
                ? ("options", "\n  allow_raw_html: false\n  missing_translation: \(pick(["omit", "fallback"]))") : (field, siteValue(field, n))
            try change(content + "/site.yml") { try Self.setting(key, to: value, in: $0) }
            return "\(edit)"
        case .template(let name):
            try change(theme + "/templates/" + name) { $0 + "<!-- edit \(n) -->\n" }
            return "\(edit)"
        case .uiStrings(let name):
            let path = theme + "/i18n/" + name
            let text = try String(contentsOfFile: path, encoding: .utf8)
            let lines = text.components(separatedBy: "\n")
            let candidates = lines.indices.filter { Self.plainStringValue(lines[$0]) }
            let line = pick(candidates)
            try change(path) { _ in
                var edited = lines
                edited[line] = Self.appending(" e\(n)", toValueOf: edited[line])
                return edited.joined(separator: "\n")
            }
            return "\(edit) line \(line + 1)"
        case .jurisdictions:
            let path = theme + "/jurisdictions.yml"
            let lines = try String(contentsOfFile: path, encoding: .utf8).components(separatedBy: "\n")
            let candidates = lines.indices.filter { lines[$0].hasPrefix("    authority_website: ") }
            // The two regimes of the copied companies first: other regimes show on no page.
            let shown = candidates.filter { index in
                lines[..<index].last { $0.hasPrefix("  - id: ") }.map { $0.hasSuffix(" gdpr") || $0.hasSuffix(" ma-09-08") } ?? false
            }
            let line = random.next(3) == 0 || shown.isEmpty ? pick(candidates) : pick(shown)
            try change(path) { _ in
                var edited = lines
                edited[line] = "    authority_website: https://authority.example/edit-\(n)"
                return edited.joined(separator: "\n")
            }
            return "\(edit) line \(line + 1)"
        case .asset(let name):
            let comment = name.hasSuffix(".css") ? "/* edit \(n) */\n" : name.hasSuffix(".js") ? "// edit \(n)\n" : "<!-- edit \(n) -->\n"
            try change(theme + "/assets/" + name) { $0 + comment }
            return "\(edit)"
        case .changelog:
            let company = companiesWithHistory().isEmpty ? IncrementalPropertyTests.companies[0] : pick(companiesWithHistory())
            let path = content + "/\(company)/changelog.yml"
            let lines = try String(contentsOfFile: path, encoding: .utf8).components(separatedBy: "\n")
            let line = pick(lines.indices.filter { lines[$0].hasPrefix("    summary: ") })
            try change(path) { _ in
                var edited = lines
                edited[line] = "    summary: \"Summary of this version, as edit \(n) wrote it.\""
                return edited.joined(separator: "\n")
            }
            return "\(edit) of \(company) line \(line + 1)"
        case .addLanguage:
            return try addLanguage()
        case .removeLanguage:
            return try removeLanguage()
        case .publish:
            return try publish(n)
        case .removeSection(let field):
            let company = companiesWithHistory().isEmpty ? IncrementalPropertyTests.companies[0] : pick(companiesWithHistory())
            let languages = self.languages(of: company)
            for language in languages {
                try change(policyPath(company, language)) { text in
                    let edited = try Self.setting(field, to: nil, inFrontMatterOf: text)
                    return field == "cookies" ? try Self.setting("cookie_controls", to: nil, inFrontMatterOf: edited) : edited
                }
            }
            return "\(edit) from \(company)/\(languages.joined(separator: ","))"
        case .undo:
            guard let last = before.popLast(), !last.isEmpty else { return "undo (nothing to undo)" }
            for file in last.reversed() {
                if let data = file.data { try data.write(to: URL(fileURLWithPath: file.path)) } else { try? FileManager.default.removeItem(atPath: file.path) }
            }
            return "undo of \(last.map { $0.path.dropFirst(root.path.count + 1) }.joined(separator: ", "))"
        }
    }

    /// Rewrites a text file, remembering its bytes for `.undo`.
    mutating func change(_ path: String, _ transform: (String) throws -> String) throws {
        let data = FileManager.default.contents(atPath: path)
        if before.isEmpty { before.append([]) }
        before[before.count - 1].append((path, data))
        let text = data.map { String(decoding: $0, as: UTF8.self) } ?? ""
        try Data(try transform(text).utf8).write(to: URL(fileURLWithPath: path))
    }

    func policyPath(_ company: String, _ language: String) -> String { content + "/\(company)/\(language)/privacy.md" }

    func languages(of company: String) -> [String] {
        let folder = content + "/" + company
        return ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter {
            FileManager.default.fileExists(atPath: folder + "/" + $0 + "/privacy.md")
        }.sorted()
    }

    mutating func pickPolicy() -> (String, String) {
        let company = pick(IncrementalPropertyTests.companies)
        return (company, pick(languages(of: company)))
    }

    func companiesWithHistory() -> [String] {
        IncrementalPropertyTests.companies.filter { FileManager.default.fileExists(atPath: content + "/\($0)/changelog.yml") }
    }

    /// The `languages:` line of a company, rewritten to list `languages`.
    mutating func setLanguages(_ company: String, _ languages: [String]) throws {
        try change(content + "/\(company)/company.yml") { try Self.setting("languages", to: " [\(languages.joined(separator: ", "))]", in: $0) }
    }

    mutating func addLanguage() throws -> String {
        let company = pick(IncrementalPropertyTests.companies)
        let present = languages(of: company)
        let missing = ["en", "fr", "ar", "hi", "de", "es"].filter { !present.contains($0) }
        guard !missing.isEmpty else { return "add a language (\(company) has them all)" }
        let language = pick(missing)
        try FileManager.default.createDirectory(atPath: content + "/\(company)/\(language)", withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: policyPath(company, "en"), toPath: policyPath(company, language))
        try setLanguages(company, present + [language])
        // Undoing the list alone would leave a folder the company does not list.
        before.removeAll { $0.contains { $0.path.hasPrefix(content + "/\(company)/") } }
        return "add \(language) to \(company)"
    }

    mutating func removeLanguage() throws -> String {
        let company = pick(IncrementalPropertyTests.companies)
        // Never the default language; never one an archived version has (history keeps it).
        let archived = Set(
            ((try? FileManager.default.subpathsOfDirectory(atPath: content + "/\(company)/versions")) ?? []).compactMap { path -> String? in
                let parts = path.split(separator: "/")
                return parts.count == 2 ? String(parts[1]) : nil
            })
        let removable = languages(of: company).filter { $0 != "en" && !archived.contains($0) }
        guard !removable.isEmpty else { return "remove a language (\(company) has none to remove)" }
        let language = pick(removable)
        try FileManager.default.removeItem(atPath: content + "/\(company)/\(language)")
        try setLanguages(company, languages(of: company))
        before.removeAll { $0.contains { $0.path.hasPrefix(content + "/\(company)/") } }
        return "remove \(language) from \(company)"
    }

    /// Changes the text of every language of a company and publishes it as `policysite publish` does.
    /// `n` 0 publishes acme (the test's starting history).
    mutating func publish(_ n: Int) throws -> String {
        let company = n == 0 ? "acme" : pick(IncrementalPropertyTests.companies)
        for language in languages(of: company) {
            try change(policyPath(company, language)) { $0 + "\nA change published by edit \(n).\n" }
        }
        let options = BuildOptions(contentPath: content, themesPath: self.options.themesPath)
        let check: @Sendable (any FileSystem) -> [Diagnostic] = { files in
            SiteChecker(builder: SiteBuilder(fileSystem: files, now: { IncrementalPropertyTests.today })).check(options)
        }
        let publisher = Publisher(today: { IncrementalPropertyTests.today }, themesPath: options.themesPath, validate: check)
        let published: [PublishedVersion]
        do {
            published = try publisher.publish(
                PublishRequest(company: company, summary: "Published by edit \(n).", changes: ["Edit \(n)."], date: PolicyDate(IncrementalPropertyTests.today)),
                contentPath: content)
        } catch {
            switch error {
            case .contentErrors(let found), .resultRejected(let found), .placeholders(let found):
                throw PublishFailure(description: "\(error): \(found.errors)")
            default: throw error
            }
        }
        // Published files are not undone: the changelog guards them.
        before.removeAll { $0.contains { $0.path.hasPrefix(content + "/\(company)/") } }
        return "publish \(company) \(published.map(\.version.description).joined(separator: ", "))"
    }

    // MARK: Values

    /// The YAML after `field:`; nil removes the field.
    mutating func frontMatterValue(_ field: String, _ n: Int) -> String? {
        let count = 1 + random.next(3)
        func list(_ item: (Int) -> String) -> String { (0..<count).map { "\n  - " + item($0) }.joined() }
        switch field {
        case "title": return " Privacy Policy \(n)"
        case "summary": return " A summary written by edit \(n)."
        case "version": return " \"1.\(1 + random.next(4))\""
        case "effective", "last_updated": return " 2026-12-0\(1 + random.next(6))"
        case "data_collected":
            return list {
                "category: Data \(n)-\($0)\n    items:\n      - Item \(n)\n      - Other \(n)\n    source: \(pick(["provided", "automatic", "third_party"]))"
            }
        case "purposes":
            return list { "purpose: Purpose \(n)-\($0)\n    legal_basis: \(pick(["consent", "contract", "legal_obligation", "legitimate_interests"]))" }
        case "cookies":
            guard random.next(4) != 0 else { return " []" }
            let categories = ["essential", "analytics", "preferences", "marketing"].shuffledPrefix(count, &random)
            return categories.map {
                "\n  - category: \($0)\n    purpose: Cookies of edit \(n)\n    cookies:\n      - name: c\(n)_\($0)\n        provider: Provider \(n)\n        purpose: Remember edit \(n)\n        duration: \(1 + random.next(12)) months"
            }.joined()
        case "cookie_controls":
            // Gone with `cookies: []`, the company has no cookies page in that language.
            return random.next(4) == 0 ? nil : " Cookie controls of edit \(n)."
        case "retention":
            return list { index in
                random.next(2) == 0
                    ? "data: Records \(n)-\(index)\n    period: \(1 + random.next(9)) years" : "data: Logs \(n)-\(index)\n    criteria: Until edit \(n) ends."
            }
        case "rights":
            // Sometimes removed (the rights page goes, archived versions keep theirs), and put
            // back by a later edit of the field or an undo.
            guard random.next(4) != 0 else { return nil }
            let rights = ["access", "rectification", "erasure", "portability", "objection"].shuffledPrefix(count + 1, &random)
            return "\n  contact: rights\(n)@example.org\n  how: Write to us (edit \(n)).\n  items:"
                + rights.map { "\n    - right: \($0)\n      description: Ask for \($0) (edit \(n))." }.joined()
        case "jurisdictions": return random.next(2) == 0 ? " []" : " [\(pick(["gdpr", "ccpa", "uk-gdpr"]))]"
        case "third_parties":
            return list { "name: Party \(n)-\($0)\n    purpose: Help with edit \(n)\n    role: \(pick(["processor", "controller", "recipient", "authority"]))" }
        case "transfers": return list { "destination: Place \(n)-\($0)\n    country: \(pick(["US", "FR", "IN"]))\n    safeguards: Clauses of edit \(n)" }
        case "children_min_age": return " \(13 + random.next(6))"
        case "sells_personal_data": return random.next(2) == 0 ? " true" : " false"
        case "data_required": return " Required by edit \(n)."
        default: return " Automated decisions of edit \(n)."
        }
    }

    mutating func companyValue(_ field: String, _ n: Int) -> String {
        switch field {
        case "legal_name": return " Legal Name \(n) Ltd"
        case "display_name": return " Display \(n)"
        case "website": return " https://company\(n).example.com/"
        case "address": return "\n  - \(n) Example Street\n  - Example City"
        case "country": return " \(pick(["MA", "IN", "FR", "US"]))"
        case "privacy_email": return " privacy\(n)@example.com"
        case "phone": return " \"+33 1 00 00 \(String(format: "%02d", n % 100)) 00\""
        case "dpo": return "\n  name: Officer \(n)\n  email: dpo\(n)@example.com"
        case "response_time": return " \(1 + random.next(30)) days"
        case "supervisory_authority": return "\n  name: Authority \(n)\n  website: https://authority\(n).example.org/"
        case "jurisdictions":
            return " [\(["in-dpdp", "ma-09-08", "gdpr"].shuffledPrefix(1 + random.next(2), &random).joined(separator: ", "))]"
        default: return "\n  ar: \(pick(["ar-MA", "ar-EG", "ar"]))"
        }
    }

    mutating func siteValue(_ field: String, _ n: Int) -> String {
        switch field {
        case "title": return " Site of edit \(n)"
        case "description": return " Described by edit \(n)."
        case "base_url": return " https://policies\(n).example.org/"
        default: return "\n  ar: \(pick(["ar-MA", "ar-EG", "ar"]))"
        }
    }

    // MARK: YAML text

    /// A UI-string line with a one-line value that text can be appended to.
    static func plainStringValue(_ line: String) -> Bool {
        guard let colon = line.range(of: ": "), !line.trimmingCharacters(in: .whitespaces).hasPrefix("#") else { return false }
        let value = line[colon.upperBound...]
        guard let first = value.first else { return false }
        return !"|>[{&*!'#".contains(first) && !value.contains(" #") && (first != "\"" || value.hasSuffix("\""))
    }

    static func appending(_ suffix: String, toValueOf line: String) -> String {
        line.hasSuffix("\"") ? String(line.dropLast()) + suffix + "\"" : line + suffix
    }

    /// `text` (a YAML mapping) with the top-level `key` replaced by `key:<value>` (or added).
    static func setting(_ key: String, to value: String?, in text: String) throws -> String {
        var lines = text.components(separatedBy: "\n")
        while lines.last == "" { lines.removeLast() }
        let kept = removingBlock(key, from: lines)
        let added = value.map { ["\(key):\($0)"] } ?? []
        return (kept.lines[..<kept.at] + added + kept.lines[kept.at...]).joined(separator: "\n") + "\n"
    }

    /// The same in a policy's front matter (between the first two `---` lines).
    static func setting(_ key: String, to value: String?, inFrontMatterOf text: String) throws -> String {
        let lines = text.components(separatedBy: "\n")
        guard lines.first == "---", let end = lines.dropFirst().firstIndex(of: "---") else {
            throw CocoaError(.fileReadCorruptFile, userInfo: [NSLocalizedDescriptionKey: "no front matter"])
        }
        let frontMatter = try setting(key, to: value, in: lines[1..<end].joined(separator: "\n"))
        return (["---", String(frontMatter.dropLast()), "---"] + lines[(end + 1)...]).joined(separator: "\n")
    }

    /// The lines without `key`'s block (its line and the indented lines after it), and where it was.
    static func removingBlock(_ key: String, from lines: [String]) -> (lines: [String], at: Int) {
        guard let start = lines.firstIndex(where: { $0 == key + ":" || $0.hasPrefix(key + ": ") }) else { return (lines, lines.count) }
        var end = start + 1
        while end < lines.count, lines[end].hasPrefix(" ") || lines[end].isEmpty { end += 1 }
        return (Array(lines[..<start] + lines[end...]), start)
    }
}

struct PublishFailure: Error, CustomStringConvertible {
    var description: String
}

extension Array {
    /// The first `count` elements after a seeded shuffle.
    func shuffledPrefix(_ count: Int, _ random: inout SeededRandom) -> [Element] {
        var items = self
        for index in stride(from: items.count - 1, to: 0, by: -1) { items.swapAt(index, random.next(index + 1)) }
        return Array(items.prefix(count))
    }
}
