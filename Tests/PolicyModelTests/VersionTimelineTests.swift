import PolicyModel
import Testing

/// `VersionTimeline`'s rule on its own: in force from the later of publication and effective
/// date; superseded on the effective date of the later version that came into force first.
@Suite struct VersionTimelineTests {
    /// A company whose versions are `(version, announced, effective)`.
    static func company(_ versions: [(String, String, String)]) -> Company {
        let en = LanguageCode("en")!
        let archive = versions.map { version, announced, effective in
            let front = PolicyFrontMatter(
                title: "Policy", version: PolicyVersionNumber(version)!, effective: PolicyDate(effective)!, lastUpdated: PolicyDate(announced)!)
            let text = PolicyDocument(path: "versions/\(version)/en/privacy.md", language: en, frontMatter: front, body: "", bodyLine: 1, contentHash: version)
            return ArchivedVersion(version: PolicyVersionNumber(version)!, folder: "versions/\(version)", policies: [en: text])
        }
        let entries = versions.map { ChangelogEntry(version: PolicyVersionNumber($0.0)!, date: PolicyDate($0.1)!, summary: $0.0, archiveHash: "") }
        return Company(
            slug: "acme", folder: "content/acme", info: CompanyInfo(legalName: "Acme", displayName: "Acme"), languages: [en], defaultLanguage: en,
            policies: [en: archive.last!.policies[en]!], archive: archive, changelog: Changelog(entries: entries))
    }

    @Test func aVersionReplacedBeforeItTookEffectIsArchivedOnItsReplacementsDate() {
        // 1.1 announced for March, 1.2 announced later for February: 1.1 never applies.
        let company = Self.company([("1.0", "2020-01-01", "2020-01-01"), ("1.1", "2020-01-10", "2020-03-01"), ("1.2", "2020-01-20", "2020-02-01")])
        let early = VersionTimeline(company, today: PolicyDate("2020-01-25")!)
        #expect(early.versions.map(\.status) == [.current, .upcoming, .upcoming])
        #expect(early.upcoming.map(\.version.description) == ["1.2", "1.1"])
        let later = VersionTimeline(company, today: PolicyDate("2020-02-15")!)
        #expect(later.versions.map(\.status) == [.archived, .archived, .current])
        #expect(later.versions.map { $0.supersededOn?.description } == ["2020-02-01", "2020-02-01", nil])
        #expect(later.versions.map { $0.supersededBy?.description } == ["1.2", "1.2", nil])
    }

    @Test func aBackdatedVersionAppliesFromItsPublicationAndLaterOnesDoNotExistYet() {
        // 1.1 published on 2020-06-01 with an effective date in May.
        let company = Self.company([("1.0", "2020-01-01", "2020-01-01"), ("1.1", "2020-06-01", "2020-05-01")])
        #expect(VersionTimeline(company, today: PolicyDate("2020-05-15")!).versions.map(\.status) == [.current])
        let june = VersionTimeline(company, today: PolicyDate("2020-06-01")!)
        #expect(june.versions.map(\.status) == [.archived, .current])
        #expect(june.current?.version.description == "1.1")
    }

    @Test func publishedByDropsLaterVersionsAndShowsTheLatestEarlierText() throws {
        let company = Self.company([("1.0", "2020-01-01", "2020-01-01"), ("1.1", "2020-06-01", "2020-07-01")])
        #expect(company.published(by: PolicyDate("2020-06-01")!) == company)
        let past = try #require(company.published(by: PolicyDate("2020-05-01")!))
        #expect(past.archive.map(\.version.description) == ["1.0"] && past.changelog.entries.count == 1)
        #expect(past.source?.frontMatter.version.description == "1.0")
        #expect(past.publishedLater.map(\.description) == ["1.1"])
        #expect(company.published(by: PolicyDate("2019-12-31")!) == nil)
    }
}
