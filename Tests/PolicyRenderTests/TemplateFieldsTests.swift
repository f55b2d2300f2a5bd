import Mustache
import Testing

@testable import PolicyModel
@testable import PolicyRender

/// Each page model's names are one table (`TemplateFields`) that both `child(named:)` and the
/// theme check read, so the two cannot disagree: there is no second list a test could hold the
/// table to. What can still go wrong is an entry that reads nothing: every name of every model
/// (through its frame too) must answer on a sample that has every value.
@Suite struct TemplateFieldsTests {
    static let text: String? = "x"
    static let strings = UIStringTree(tree: ["site": ["home": "Home"]])

    static let pageFrame = PageFrame(
        lang: "en", dir: "ltr", title: text, siteTitle: text, siteDescription: text, canonical: text, home: text, assets: text, t: strings,
        stylesheet: "style.css", languages: [PageFrame.LanguageLink(code: "fr", name: "Français", href: text, url: "u", current: false, dir: "ltr")],
        xDefault: text)

    static let link = CompanyFrame.Link(label: text, href: text, current: true)

    static let companyFrame = CompanyFrame(
        frame: pageFrame, company: CompanyFrame.Name(displayName: text, legalName: text, slug: text), subheadingLevel: "2", contentLang: "en",
        contentDir: "ltr", lastUpdated: text, lastUpdatedISO: text, effective: text, version: text, printVersion: text, nav: [link], policyHref: text,
        feed: text, feedURL: text, jsonURL: text, fallbackNote: .some(text), staleNote: .some(text), staleSource: link)

    static let address = [SectionModel.AddressLine(line: text)]
    static let authority = SectionModel.Authority(name: text, country: .some(text), website: text)
    static let right = SectionModel.Right(id: text, name: text, description: text)
    static let request = SectionModel.Request(mailto: text, email: text, phone: text, phoneLink: text, responseTime: text)

    static let contact = SectionModel.ContactCard(
        legalName: text, address: address, hasAddress: true, country: text, email: text, phone: text, phoneLink: text, website: text, responseTime: text,
        hasChannel: true,
        entities: [
            SectionModel.Entity(
                role: text, legalName: text, contactName: text, serves: text, address: address, country: text, email: text, phone: text, phoneLink: text,
                website: text)
        ],
        dpos: [SectionModel.DPO(name: text, email: text, phone: text, phoneLink: text, address: address, country: text, serves: text)],
        dpoNotAppointed: text, registrations: [SectionModel.Registration(text: text)], authorities: [authority], authority: authority,
        governingLaw: .some(text), courts: .some(text))

    static let rights = SectionModel.Rights(
        items: [right], hasItems: true, how: text, contact: text, contactEmail: text, request: request, responseTime: text,
        regional: [
            SectionModel.RegionalRights(
                id: text, heading: text, intro: text, items: [right], how: text, contact: text, responseTime: text, authority: text,
                authorityWebsite: text, authorityBefore: text, authorityAfter: text)
        ])

    static let cookies = [
        SectionModel.CookieCategory(
            id: text, label: text, purpose: text, legalBasis: text, hasCookies: true, count: text,
            cookies: [SectionModel.Cookie(name: text, provider: text, purpose: text, duration: text, path: text)], rowsHTML: text)
    ]

    static let sections = SectionValues(
        info: CompanyInfo(legalName: "Acme", displayName: "Acme"),
        dataCollected: [SectionModel.DataCategory(category: text, items: [SectionModel.Item(item: text)], source: text)],
        purposes: [SectionModel.Purpose(purpose: text, legalBasis: text, basisStated: true, interest: text)],
        thirdParties: [thirdParty],
        recipients: SectionModel.Recipients(
            rows: [thirdParty], hasRole: true, hasProcessing: true, hasCorporate: true, hasLocation: true, long: true, count: text, rowsHTML: text),
        transfers: [SectionModel.Transfer(destination: text, safeguards: text)],
        retention: [SectionModel.Retention(data: text, period: text, criteria: text)], cookies: cookies, rights: rights, contact: contact,
        glance: SectionModel.Glance(
            hasLines: true, lines: [SectionModel.GlanceLine(id: text, key: text, label: text, items: ["x"], more: text, request: text)]))

    static let thirdParty = SectionModel.ThirdParty(
        name: text, purpose: text, role: text, processingLocation: text, corporateLocation: text, privacyPolicy: text)

    static let policy = PolicyPageModel(
        frame: companyFrame, language: LanguageCode("en")!, summary: text, body: text, hasSources: true, hasBases: true, hasPeriods: true,
        hasCriteria: true, cookieBases: true, cookiesNamed: true, cookieControls: text, children: text, noSale: true, dataRequired: text,
        automatedDecisions: text, cookiesHref: text, rightsHref: text,
        labels: Dictionary(uniqueKeysWithValues: PolicySection.allCases.map { ($0, $0.id) }), sections: sections,
        blocks: [
            PolicyPageModel.Block(
                prose: text, sectionID: .cookies, isData: true, section: PolicyPageModel.Block.Section(id: "cookies", title: "Cookies"), dataHTML: text)
        ],
        toc: [PolicyPageModel.TOCEntry(id: "a", text: "A")],
        upcomingNotice: [PolicyPageModel.UpcomingNotice(text: text, href: text, diffHref: text)],
        historyLinks: .some(PolicyPageModel.HistoryLinks(changelogHref: text, diffHref: text)),
        archiveNotice: PolicyPageModel.ArchiveNotice(text: text, superseded: true, currentHref: text, currentLabel: text, changelogHref: text))

    static let changelog = ChangelogPageModel(
        frame: companyFrame,
        entries: [
            ChangelogPageModel.Entry(
                version: text, date: text, dateISO: text, effective: text, effectiveISO: text, status: text, summary: text, summaryLang: text,
                changes: [ChangelogPageModel.Entry.Change(change: text)], href: text, diffHref: text)
        ], compare: [link])

    static let diff = DiffPageModel(
        frame: companyFrame,
        structured: [
            DiffPageModel.Area(
                area: text,
                changes: [
                    DiffPageModel.Change(
                        kind: text, kindID: text, subject: text, before: text, after: text, beforeFields: [DiffPageModel.Field(label: text, value: text)],
                        afterFields: [DiffPageModel.Field(label: text, value: text)])
                ])
        ],
        changedSections: [
            DiffPageModel.Section(
                headingLevel: 2, title: text, renamed: text, moved: true, status: text, statusID: text,
                pieces: [
                    DiffPageModel.Piece(
                        text: text, line: true, whole: true, added: true, removed: false, same: false, modified: true,
                        words: [DiffPageModel.Word(text: text, added: true, removed: false)])
                ], links: [DiffPageModel.Link(text: text, before: text, after: text)])
        ],
        unchangedSections: [DiffPageModel.Title(title: text)], noChanges: false, fromHref: text, toHref: text, fromVersion: text, toVersion: text,
        fromEffective: text, toEffective: text, changelogHref: text)

    static let home = HomePageModel(
        frame: pageFrame, descriptionLang: "en", descriptionDir: "ltr",
        companies: [
            HomePageModel.Company(
                HomeEntry(
                    name: "Acme", legalName: "Acme Ltd", summary: "S", lastUpdated: "1 May", href: "h", language: "en",
                    links: [HomeEntry.Link(label: "Policy", href: "p")], languages: [HomeEntry.Link(code: "fr", name: "Français", href: "f")]))
        ])

    /// Every page model, and the values made of others.
    static var samples: [any TemplateModel] {
        [
            policy, changelog, diff, home, NotFoundPageModel(frame: pageFrame),
            CookiesPageModel(frame: companyFrame, cookieControls: text, policyTitle: text, cookieBases: true, cookiesNamed: true, cookies: cookies),
            RightsPageModel(frame: companyFrame, contactHref: text, rights: rights, contact: contact),
            ContactPageModel(frame: companyFrame, contact: contact), companyFrame, pageFrame, sections,
            TableRows.RowPage(language: LanguageCode("en")!, strings: strings),
            SectionModel.Columns(hasRole: true, hasProcessing: true, hasCorporate: true, hasLocation: true), NoColumns(),
        ]
    }

    /// The models a value is or holds, for the walk through the samples.
    static func models(in value: Any) -> [any TemplateModel] {
        if let model = value as? any TemplateModel { return [model] }
        return value as? [any TemplateModel] ?? []
    }

    @Test func everyNameOfEveryTableAnswersOnASample() {
        var names: [ObjectIdentifier: (type: String, all: Set<String>, answered: Set<String>)] = [:]
        var pending = Self.samples
        while let model = pending.popLast() {
            let type = type(of: model)
            var entry = names[ObjectIdentifier(type)] ?? ("\(type)", type.names, [])
            for name in type.names {
                guard let value = model.child(named: name) else { continue }
                entry.answered.insert(name)
                // The values a table gives are walked once per model type and name.
                guard names[ObjectIdentifier(type)]?.answered.contains(name) != true else { continue }
                let held = Self.models(in: value)
                // A value a name gives is one the theme check follows (`.model(Type.self)`): its
                // names are among those a template rendered with this model can find.
                for child in held {
                    let missing = Swift.type(of: child).names.subtracting(type.shape.reachableNames)
                    #expect(missing.isEmpty, "\(type).\(name) gives \(Swift.type(of: child)), whose \(missing.sorted()) the check does not reach")
                }
                pending += held
            }
            names[ObjectIdentifier(type)] = entry
            // A name no table has is nil: the lookup goes on down the context stack.
            #expect(model.child(named: "no_model_has_this") == nil)
        }
        for entry in names.values.sorted(by: { $0.type < $1.type }) {
            #expect(entry.all == entry.answered, "\(entry.type) does not answer \(entry.all.subtracting(entry.answered).sorted())")
        }
        // Every model type was reached: the page models, their frames, their values and the row's.
        #expect(names.count == 57, "\(names.values.map(\.type).sorted())")
    }

    /// The theme check's names are the tables': a page's reachable names are its own, its
    /// frame's, and those of the values its lists hold, and no other page's.
    @Test func aPageReachesTheNamesOfWhatItHoldsOnly() {
        let policy = PolicyPageModel.shape.reachableNames
        #expect(policy.isSuperset(of: ["lang", "company", "display_name", "blocks", "layout_partial", "section_title", "cookies", "duration", "dpos"]))
        #expect(!policy.contains("entries") && !policy.contains("companies"))
        let home = HomePageModel.shape.reachableNames
        #expect(home.isSuperset(of: ["lang", "companies", "summary_dir", "links", "label"]))
        #expect(!home.contains("company") && !home.contains("blocks"))
    }
}
