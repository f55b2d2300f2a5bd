import PolicyConcurrency
import PolicyFiles
import PolicyModel
import PolicyRender

/// What a page is rendered from, as typed values; the digest of their encoding
/// (`DigestEncoder`) is the page's fingerprint, and a page whose fingerprint is unchanged is not
/// rendered again. Nothing here lists what a page shows: every value the page job holds is
/// encoded whole (the company's `CompanyInfo` and `Changelog`, each text's front matter and
/// body), so a field added to the model is in every fingerprint the day it is added, and the
/// code that renders is part of every key (`CacheRecord.code`).
///
/// The one choice made here is which of a company's texts a page is rendered from, so that an
/// edit of one text re-renders the pages of that text only: a page in one language is rendered
/// from that language's text (or the text it falls back to), the other languages' versions (for
/// the stale notice) and the archive; an archived page from its archived text and whether the
/// current text is the same. `IncrementalPropertyTests` holds every choice to a cold build.
struct PageInputs: Encodable {
    /// What every page shares: the code, the theme, `site.yml`'s values, the site's languages, drafts.
    struct Shared: Encodable {
        var code = CacheRecord.code
        var theme: String
        var config: SiteConfig
        var languages: [LanguageCode]
        var drafts: Bool
    }

    /// A company's facts, every page of it is rendered from them.
    struct Facts: Encodable {
        var slug: String
        var folder: String
        var info: CompanyInfo
        var changelog: Changelog
        var languages: [LanguageCode]
        var defaultLanguage: LanguageCode
        var publishedLater: [PolicyVersionNumber]
        /// Each archived version's hash over its files: published texts are read-only, and
        /// their hash stands for the values parsed from them.
        var archive: [String]
        /// Each current text's language and version (the stale notices of the others).
        var versions: [String]
        /// Which languages have a cookies and a rights page: every page of the company, archived
        /// ones too, links to them while they exist, whichever text the page shows.
        var pageKinds: [String]

        init(_ company: Company) {
            slug = company.slug
            folder = company.folder
            info = company.info
            changelog = company.changelog
            languages = company.languages
            defaultLanguage = company.defaultLanguage
            publishedLater = company.publishedLater
            archive = company.archive.map(\.contentHash)
            versions = company.policies.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value.frontMatter.version)" }
            pageKinds = company.languages.map {
                "\($0)\(SiteRenderer.hasCookiesPage(company, $0) ? "+cookies" : "")\(SiteRenderer.hasRightsPage(company, $0) ? "+rights" : "")"
            }
        }
    }

    /// A current text's typed values.
    struct Text: Encodable {
        var path: String
        var language: LanguageCode
        var frontMatter: PolicyFrontMatter
        var body: String

        init(_ document: PolicyDocument) {
            path = document.path
            language = document.language
            frontMatter = document.frontMatter
            body = document.body
        }
    }

    var shared: String
    var facts: String
    /// The page's file: its kind, company, language and version.
    var path: String
    var language: LanguageCode
    /// Digests of the texts the page is rendered from.
    var texts: [String]
    var isDraft = false
    /// Whether an archived page's text is the current one (it then names the current page canonical).
    var isCurrent = false
    /// The day, for a company whose pages change on a coming day (`hasScheduledVersion`).
    var day: PolicyDate?
}

/// The digests a batch of pages shares, each made once: the shared inputs, each company's facts
/// and each current text.
struct PageInputDigests {
    let shared: String
    private var facts: [String: String] = [:]
    private var texts: [String: String] = [:]

    init(site: Site, theme: Theme, drafts: Bool) {
        shared = DigestEncoder.digest(PageInputs.Shared(theme: theme.fingerprint, config: site.config, languages: site.languages, drafts: drafts))
    }

    /// Digests every company's facts and texts (on every core: a cold build does this for every company).
    mutating func add(_ companies: [Company]) {
        let made = ConcurrentMap.map(companies) { company in
            (
                company.folder, DigestEncoder.digest(PageInputs.Facts(company)),
                company.policies.values.map { ($0.path + "\u{0}" + $0.contentHash, DigestEncoder.digest(PageInputs.Text($0))) }
            )
        }
        for (folder, facts, texts) in made {
            self.facts[folder] = facts
            for (key, digest) in texts { self.texts[key] = digest }
        }
    }

    func facts(_ company: Company) -> String { facts[company.folder] ?? DigestEncoder.digest(PageInputs.Facts(company)) }

    func text(_ document: PolicyDocument) -> String { texts[document.path + "\u{0}" + document.contentHash] ?? DigestEncoder.digest(PageInputs.Text(document)) }

    /// A text of the company, current or archived: archived texts by their file's hash.
    func text(_ document: PolicyDocument, of company: Company) -> String {
        company.policies[document.language]?.path == document.path ? text(document) : document.contentHash
    }

    /// The fingerprint of `job`.
    func fingerprint(_ job: PageJob, today: PolicyDate) -> String {
        var inputs: PageInputs
        let company: Company
        switch job {
        case .policy(let page), .cookies(let page), .rights(let page), .contact(let page), .changelog(let page), .policyJSON(let page),
            .cookiesJSON(let page), .draft(let page):
            company = page.company
            inputs = PageInputs(
                shared: shared, facts: facts(company), path: job.path, language: page.language,
                texts: ([page.document] + page.upcoming).map { text($0, of: company) })
            inputs.isDraft = page.isDraft
        case let .feed(feedCompany, language):
            company = feedCompany
            // The feed lists every current text (falling back to the source text's date).
            inputs = PageInputs(
                shared: shared, facts: facts(company), path: job.path, language: language,
                texts: company.languages.compactMap { company.policies[$0] }.map(text))
        case let .version(versionCompany, archived, language), let .versionJSON(versionCompany, archived, language):
            company = versionCompany
            inputs = PageInputs(shared: shared, facts: facts(company), path: job.path, language: language, texts: [archived.contentHash])
            inputs.isCurrent = company.policies[language]?.contentHash == archived.policies[language]?.contentHash
        case let .diff(diffCompany, old, new, language):
            company = diffCompany
            inputs = PageInputs(shared: shared, facts: facts(company), path: job.path, language: language, texts: [old.contentHash, new.contentHash])
        }
        if SiteRenderer.hasScheduledVersion(company, today: today) { inputs.day = today }
        return DigestEncoder.digest(inputs)
    }
}
