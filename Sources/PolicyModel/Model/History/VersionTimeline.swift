/// The life of a company's published versions as it stands on one day. A version is
/// announced when it is published, upcoming until its effective date, current while it is
/// the latest version in force, and archived from the effective date of the version that
/// replaced it (the next one that actually took effect). Every page, file and command that
/// shows a version's status or dates reads it from here, so they never disagree.
public struct VersionTimeline: Sendable, Equatable {
    public enum Status: String, Sendable, Equatable {
        case upcoming, current, archived
    }

    public struct Version: Sendable, Equatable {
        public let version: PolicyVersionNumber
        /// The day it was published (its changelog date).
        public let announced: PolicyDate
        public let effective: PolicyDate
        public let status: Status
        /// The version that replaced it and the day that one took effect; nil unless archived.
        public let supersededBy: PolicyVersionNumber?
        public let supersededOn: PolicyDate?
    }

    public let today: PolicyDate
    /// The versions published on or before `today`, oldest first; later ones do not exist yet.
    public let versions: [Version]

    public init(_ company: Company, today: PolicyDate) {
        self.today = today
        struct Dates {
            let version: PolicyVersionNumber
            let announced: PolicyDate
            let effective: PolicyDate
            /// In force from the later of the two: a version applies once published and effective.
            var start: PolicyDate { max(announced, effective) }
        }
        let published = company.archive.compactMap { archived -> Dates? in
            guard let text = archived.policies[company.defaultLanguage] ?? archived.policies.values.min(by: { $0.language < $1.language }) else {
                return nil
            }
            let announced = company.changelog.entry(for: archived.version)?.date ?? text.frontMatter.lastUpdated
            guard !(today < announced) else { return nil }
            return Dates(version: archived.version, announced: announced, effective: text.frontMatter.effective)
        }
        versions = published.enumerated().map { index, dates in
            // Replaced by the later version that came into force first, if one has by today.
            let replacement = published[(index + 1)...].filter { !(today < $0.start) }.min { $0.start < $1.start }
            let status: Status = replacement != nil ? .archived : today < dates.start ? .upcoming : .current
            return Version(
                version: dates.version, announced: dates.announced, effective: dates.effective, status: status,
                supersededBy: replacement?.version, supersededOn: replacement?.effective)
        }
    }

    public func version(_ number: PolicyVersionNumber) -> Version? { versions.first { $0.version == number } }

    /// The version in force on `today`, if any has taken effect.
    public var current: Version? { versions.last { $0.status == .current } }

    /// Versions announced and not yet in force, the nearest first.
    public var upcoming: [Version] { versions.filter { $0.status == .upcoming }.sorted { ($0.effective, $0.version) < ($1.effective, $1.version) } }
}

extension Company {
    /// The company as it stood on `day`: versions published later, and their changelog
    /// entries, do not exist yet, and a language whose working text is such a version shows
    /// the latest version published by then. Nil when nothing had been published by `day`
    /// while something was later. Unchanged (the same value) when nothing is later than `day`.
    public func published(by day: PolicyDate) -> Company? {
        let later = Set(changelog.entries.filter { day < $0.date }.map(\.version))
        guard !later.isEmpty else { return self }
        var past = self
        past.publishedLater = changelog.entries.map(\.version).filter { later.contains($0) }
        past.archive = archive.filter { !later.contains($0.version) }
        past.changelog.entries = changelog.entries.filter { !later.contains($0.version) }
        guard let latest = past.archive.last else { return nil }
        for (language, document) in policies where later.contains(document.frontMatter.version) {
            past.policies[language] = latest.policies[language]
        }
        past.languages = languages.filter { past.policies[$0] != nil }
        guard past.policies[defaultLanguage] != nil else { return nil }
        if let facts = latest.company { past.info = facts }
        return past
    }
}
