import Foundation
public import PolicyDiagnostics
public import PolicyModel

/// `policysite lint`: for each company and each regime it declares, which required items the
/// policy's data states. Regimes whose duties are GDPR Article 13's use `Article13Lint`; the
/// others list their items in the theme's `jurisdictions.yml`. A company that declares no
/// regime is checked against Article 13 as a baseline.
public enum JurisdictionLint {
    public typealias Status = Article13Lint.Status

    public struct Finding: Sendable, Codable, Equatable {
        public var item: String
        public var reference: String
        public var title: String
        public var status: Status
        public var detail: String
        /// The data the item is read from, for the "expected" part of a diagnostic.
        public var fields: String
    }

    public struct Report: Sendable, Codable, Equatable {
        public var company: String
        public var policy: String
        /// The regime id, or `gdpr-art13-baseline` when the company declares none.
        public var jurisdiction: String
        public var findings: [Finding]

        public var incomplete: [Finding] { findings.filter { $0.status == .missing || $0.status == .partial } }
        public var stated: Int { findings.filter { $0.status == .present || $0.status == .notApplicable }.count }
    }

    public static let baseline = "gdpr-art13-baseline"

    public static func run(_ site: Site) -> [Report] {
        site.companies.flatMap { company -> [Report] in
            guard let policy = company.source else { return [] }
            let regimes = company.jurisdictions(of: policy.frontMatter)
            if regimes.isEmpty {
                return [
                    Report(
                        company: company.info.displayName, policy: policy.path, jurisdiction: baseline, findings: article13(policy.frontMatter, company.info))
                ]
            }
            return regimes.compactMap { id in
                guard let regime = site.jurisdictions[id.id] else { return nil }
                let findings =
                    regime.article13
                    ? article13(withRegionalRights(policy.frontMatter, of: regime.id), company.info)
                    : lint(policy.frontMatter, company: company.info, regime: regime)
                return Report(company: company.info.displayName, policy: policy.path, jurisdiction: regime.id, findings: findings)
            }
        }
    }

    /// The policy with a regime's regional rights counted as its rights: "If you are in the
    /// EEA: portability, complaint" states those rights for GDPR purposes.
    static func withRegionalRights(_ policy: PolicyFrontMatter, of regime: String) -> PolicyFrontMatter {
        guard let block = policy.regionalRights.first(where: { $0.jurisdiction.id == regime }) else { return policy }
        var policy = policy
        let extra = block.items.compactMap { Right(rawValue: $0.right) }.filter { right in !(policy.rights?.rights.contains(right) ?? false) }
        if policy.rights == nil, !extra.isEmpty { policy.rights = RightsSection(items: []) }
        policy.rights?.items += extra.map { RightEntry(right: $0) }
        return policy
    }

    static func article13(_ policy: PolicyFrontMatter, _ company: CompanyInfo) -> [Finding] {
        Article13Lint.lint(policy, company: company).map { finding in
            let item = Article13Lint.items.first { $0.id == finding.item }!
            return Finding(
                item: item.id, reference: "GDPR Art. \(item.article)", title: item.title, status: finding.status, detail: finding.detail, fields: item.fields)
        }
    }

    /// The regime's own items, each read from the data its requirement names.
    public static func lint(_ policy: PolicyFrontMatter, company: CompanyInfo, regime: Jurisdiction) -> [Finding] {
        regime.lint.map { item in
            let (present, detail, fields) = evaluate(item.requires, policy: policy, company: company, regime: regime)
            return Finding(
                item: item.id, reference: item.reference ?? "", title: item.title, status: present ? .present : .missing, detail: detail, fields: fields)
        }
    }

    private static func evaluate(_ requirement: LintRequirement.Requirement, policy: PolicyFrontMatter, company: CompanyInfo, regime: Jurisdiction) -> (
        Bool, String, String
    ) {
        switch requirement {
        case .right(let id):
            let regional = policy.regionalRights.first { $0.jurisdiction.id == regime.id }?.items.map(\.right) ?? []
            let general = policy.rights?.items.map(\.right.rawValue) ?? []
            let present = regional.contains(id) || general.contains(id)
            return (present, present ? "listed" : "right '\(id)' is not listed", "regional_rights (jurisdiction: \(regime.id)) items, or rights.items")
        case .field(let name):
            let (present, detail) = field(RequirementField(rawValue: name)!, policy: policy, company: company)
            return (present, detail, name == "contact" ? "company.yml privacy_email / phone / address / website" : name)
        case .entity(let role):
            let entities = company.entities.filter { $0.role == role && $0.hasContact }
            return (
                !entities.isEmpty, entities.first.map { $0.legalName } ?? "no \(role.rawValue) with contact details",
                "company.yml entities (role: \(role.rawValue))"
            )
        case .registration:
            let registration = company.registrations.first { $0.jurisdiction.id == regime.id }
            return (
                registration != nil, registration.map { "reference \($0.reference)" } ?? "no registration reference stated",
                "company.yml registrations (jurisdiction: \(regime.id))"
            )
        }
    }

    private static func field(_ field: RequirementField, policy: PolicyFrontMatter, company: CompanyInfo) -> (Bool, String) {
        func count(_ n: Int, _ noun: String, _ plural: String? = nil) -> (Bool, String) { (n > 0, n > 0 ? counted(n, noun, plural) : "not stated") }
        switch field {
        case .dataCollected: return count(policy.dataCollected.count, "category", "categories")
        case .dataSources: return count(policy.dataCollected.filter { $0.source != nil }.count, "category with a source", "categories with a source")
        case .purposes: return count(policy.purposes.count, "purpose")
        case .thirdParties: return count(policy.thirdParties.count, "recipient")
        case .transfers: return count(policy.transfers.count, "transfer")
        case .retention: return count(policy.retention.count, "rule")
        case .cookies: return count(policy.cookies.count, "category", "categories")
        case .sellsPersonalData: return (policy.sellsPersonalData != nil, policy.sellsPersonalData.map { $0 ? "sells" : "does not sell" } ?? "not stated")
        case .dataRequired: return (policy.dataRequired != nil, policy.dataRequired == nil ? "not stated" : "stated")
        case .automatedDecisions: return (policy.automatedDecisions != nil, policy.automatedDecisions == nil ? "not stated" : "stated")
        case .childrenMinAge: return (policy.childrenMinAge != nil, policy.childrenMinAge.map { "minimum age \($0)" } ?? "not stated")
        case .rightsContact:
            let contact = policy.rights?.contact ?? policy.regionalRights.compactMap(\.contact).first ?? company.privacyEmail
            return (
                contact != nil || policy.rights?.how != nil,
                contact ?? (policy.rights?.how != nil ? "how to ask is described" : "no way to submit requests stated")
            )
        case .responseTime:
            let time = policy.rights?.responseTime ?? company.responseTime
            return (time != nil, time.map { "\($0)" } ?? "not stated")
        case .dpo:
            return (
                !company.dpos.isEmpty || company.dpoNotAppointed != nil,
                company.dpos.isEmpty ? (company.dpoNotAppointed == nil ? "not stated" : "not appointed") : "\(company.dpos.count) DPO(s)"
            )
        case .contact:
            let channels = [
                ("e-mail", company.privacyEmail != nil), ("phone", company.phone != nil), ("address", !company.address.isEmpty),
                ("website", company.website != nil),
            ].filter(\.1).map(\.0)
            return (
                !channels.isEmpty, channels.isEmpty ? "\(company.legalName), no contact details" : "\(company.legalName); \(channels.joined(separator: ", "))"
            )
        case .authority:
            return (company.supervisoryAuthority != nil, company.supervisoryAuthority?.name ?? "not named")
        }
    }

    /// The report for docs and pull requests: a summary table, then each company's items.
    public static func markdown(_ reports: [Report], registry: JurisdictionRegistry) -> String {
        let symbol: [Status: String] = [.present: "✅ present", .partial: "⚠️ partial", .missing: "❌ missing", .notApplicable: "— n/a"]
        var text = "| Company | Regime | Stated | Missing or partial |\n|---|---|---|---|\n"
        for report in reports {
            let missing = report.incomplete.map(\.item).joined(separator: ", ")
            text +=
                "| \(report.company) | \(regimeName(report.jurisdiction)) | \(report.stated) of \(report.findings.count) | \(missing.isEmpty ? "—" : missing) |\n"
        }
        var company = ""
        for report in reports {
            if report.company != company {
                company = report.company
                text += "\n## \(company)\n\n`\(report.policy)`\n"
            }
            text += "\n### \(regimeName(report.jurisdiction))\n\n| Item | Reference | Status | Detail |\n|---|---|---|---|\n"
            for finding in report.findings {
                text +=
                    "| \(finding.title) | \(finding.reference) | \(symbol[finding.status]!) | \(finding.detail.replacingOccurrences(of: "|", with: "\\|")) |\n"
            }
        }
        return text
    }

    private static func regimeName(_ id: String) -> String {
        id == baseline ? "GDPR Art. 13 (baseline: no regime declared)" : "`\(id)`"
    }

    /// One warning per incomplete item, in the diagnostic style, for terminals and CI logs.
    /// One line per company and regime, "Acme: gdpr: 14 of 14 items stated", so a run where
    /// every item is stated says what it checked.
    public static func summary(_ reports: [Report]) -> String {
        reports.map { "\($0.company): \($0.jurisdiction): \($0.stated) of \(counted($0.findings.count, "item")) stated\n" }.joined()
    }

    public static func diagnostics(_ reports: [Report]) -> [Diagnostic] {
        reports.flatMap { report in
            report.incomplete.map { finding in
                Diagnostic.warning(
                    .lint(regime: report.jurisdiction, item: finding.item), at: SourceLocation(file: report.policy, line: 1, column: 1),
                    "\(report.jurisdiction) \(finding.reference.isEmpty ? "" : "(\(finding.reference)) ")\(finding.title): \(finding.status.rawValue) (\(finding.detail))",
                    expected: "expected it in \(finding.fields)")
            }
        }
    }
}
