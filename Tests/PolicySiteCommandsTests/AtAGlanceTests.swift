import Foundation
import PolicyFiles
import Testing

/// The first layer of each policy page ("At a glance") says what the page's own tables say,
/// in every language, and follows the front matter when it changes.
@Suite struct AtAGlanceTests {
    /// A copy of the example content and theme to edit freely.
    func workspace() throws -> URL {
        let folder = try CLI.temporaryDirectory()
        for name in ["content", "themes"] {
            try FileManager.default.copyItem(at: CLI.root.appendingPathComponent(name), to: folder.appendingPathComponent(name))
        }
        return folder
    }

    /// The text of every match of `pattern`'s first group in `text`, tags and spaces at the ends removed.
    static func groups(_ pattern: String, in text: Substring) -> [String] {
        let regex = try! NSRegularExpression(pattern: pattern, options: [.dotMatchesLineSeparators])
        let string = String(text)
        return regex.matches(in: string, range: NSRange(string.startIndex..., in: string)).map { match in
            String(string[Range(match.range(at: 1), in: string)!]).trimmingCharacters(in: .whitespaces)
        }
    }

    /// The first-layer line `key` of a page: its link target and its items (without "and N more").
    static func glance(_ page: String, _ key: String) -> (href: String, items: [String])? {
        guard let start = page.range(of: "<div class=\"glance-line\" id=\"glance-\(key)\">") else { return nil }
        let line = page[start.upperBound...].prefix { $0 != "\n" }
        let href = groups("<dt><a href=\"([^\"]*)\">", in: line).first ?? ""
        return (href, groups("<li>(.*?)</li>", in: line))
    }

    /// The body of the table in section `id` (`aria-labelledby="<id>…"`), as written on the page.
    static func table(_ page: String, _ id: String) -> Substring? {
        guard let start = page.range(of: "aria-labelledby=\"\(id)") else { return nil }
        let rest = page[start.upperBound...]
        guard let body = rest.range(of: "<tbody>"), let end = rest.range(of: "</tbody>") else { return nil }
        return rest[body.upperBound..<end.lowerBound]
    }

    /// Row headers of a table body, without the role under a recipient's name.
    static func rowHeaders(_ body: Substring) -> [String] {
        groups("<th scope=\"row\">(.*?)</th>", in: body).map { cell in
            let name = cell.components(separatedBy: "<br>").first ?? cell
            return name.replacingOccurrences(of: "<[^>]+>", with: "", options: .regularExpression)
        }
    }

    /// Checks every first-layer line of `page` against the page's own tables; returns how many lines it checked.
    @discardableResult
    static func expectGlanceMatchesTables(_ page: String, _ name: String) -> Int {
        var checked = 0
        if let line = glance(page, "data"), let body = table(page, "data-collected") {
            #expect(line.href == "#data-collected" && line.items == rowHeaders(body), "\(name): data")
            checked += 1
        }
        if let line = glance(page, "recipients"), let body = table(page, "third-parties") {
            let names = rowHeaders(body)
            #expect(line.href == "#third-parties", "\(name): recipients link")
            #expect(line.items == Array(names.prefix(8)), "\(name): recipients \(line.items) vs \(names)")
            #expect(page.contains("class=\"glance-more\"") == (names.count > 8), "\(name): and N more")
            checked += 1
        }
        if let line = glance(page, "purposes"), let body = table(page, "purposes") {
            let purposes = groups("<tr><td>(.*?)</td>", in: body)
            #expect(line.href == "#purposes" && line.items.count == purposes.count, "\(name): purposes")
            for (item, purpose) in zip(line.items, purposes) { #expect(item.hasPrefix(purpose), "\(name): \(item) is not \(purpose)") }
            checked += 1
        }
        if let line = glance(page, "transfers"), let body = table(page, "transfers") {
            #expect(line.href == "#transfers" && line.items == groups("<tr><td>(.*?)</td>", in: body), "\(name): transfers")
            checked += 1
        }
        if let line = glance(page, "retention"), let body = table(page, "retention") {
            let rows = groups("<tr><th scope=\"row\">(.*?)</td>", in: body).map { $0.components(separatedBy: "</th><td>") }
            #expect(line.href == "#retention" && line.items.count == rows.count, "\(name): retention")
            for (item, row) in zip(line.items, rows) {
                #expect(row.count > 1 && item.hasPrefix(row[0]) && item.hasSuffix(row[1]), "\(name): \(item) vs \(row)")
            }
            checked += 1
        }
        if let line = glance(page, "rights") {
            let names = groups("<div class=\"right\"(?: id=\"[^\"]*\")?><dt>(.*?)</dt>", in: page[...])
            #expect(line.href == "#rights" && Set(line.items) == Set(names), "\(name): rights \(line.items) vs \(names)")
            checked += 1
        }
        if let line = glance(page, "controller") {
            let legalName = groups("<div class=\"contact-card\">\\s*<dl>\\s*<div><dt>[^<]*</dt><dd>(.*?)</dd>", in: page[...]).first
            #expect(line.href == "#contact" && line.items.first == legalName, "\(name): controller \(line.items) vs \(legalName ?? "none")")
            checked += 1
        }
        return checked
    }

    @Test func everyPolicyPageSaysWhatItsTablesSay() throws {
        let folder = try workspace()
        let build = try CLI.run(["build"], in: folder)
        #expect(build.status == 0, "\(build.stderr)")
        let site = folder.appendingPathComponent("public")
        var pages = 0, lines = 0
        for company in try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("content").path) {
            let companyFolder = site.appendingPathComponent(company)
            guard let languages = try? FileManager.default.contentsOfDirectory(atPath: companyFolder.path) else { continue }
            for language in languages {
                let page = try read(companyFolder.appendingPathComponent("\(language)/index.html"))
                #expect(page.contains("<section class=\"glance\" id=\"at-a-glance\""), "\(company)/\(language) has no first layer")
                lines += Self.expectGlanceMatchesTables(page, "\(company)/\(language)")
                pages += 1
            }
        }
        #expect(pages >= 12 && lines >= pages * 4, "\(pages) pages, \(lines) lines checked")

        // In the page's language: the Arabic page's first layer is in Arabic, with its request button.
        let arabic = try read(site.appendingPathComponent("digiterex/ar/index.html"))
        #expect(arabic.contains("<h2 id=\"at-a-glance-heading\">نظرة سريعة</h2>"))
        let french = try read(site.appendingPathComponent("caltryx-tech/fr/index.html"))
        #expect(french.contains("<h2 id=\"at-a-glance-heading\">En bref</h2>"))
        let english = try read(site.appendingPathComponent("caltryx-tech/en/index.html"))
        #expect(english.contains("<div class=\"glance-line\" id=\"glance-rights\"><dt><a href=\"#rights\">Your rights</a></dt>"))
        #expect(english.contains("<p class=\"request\"><a class=\"button\" href=\"mailto:"))
    }

    @Test func aChangedRecipientChangesTheFirstLayer() throws {
        let folder = try workspace()
        #expect(try CLI.run(["build"], in: folder).status == 0)
        let built = folder.appendingPathComponent("public/caltryx-tech/en/index.html")
        let before = try #require(Self.glance(try read(built), "recipients"))
        #expect(before.items.contains("Payment processors"))

        let policy = folder.appendingPathComponent("content/caltryx-tech/en/privacy.md")
        try read(policy).replacingOccurrences(of: "- name: Payment processors", with: "- name: Zeta Payments Ltd")
            .write(to: policy, atomically: true, encoding: .utf8)
        let build = try CLI.run(["build"], in: folder)
        #expect(build.status == 0, "\(build.stderr)")
        let page = try read(built)
        let after = try #require(Self.glance(page, "recipients"))
        #expect(after.items.contains("Zeta Payments Ltd") && !after.items.contains("Payment processors"), "\(after.items)")
        #expect(after.items.count == before.items.count)
        #expect(Self.expectGlanceMatchesTables(page, "edited") >= 5)
    }
}
