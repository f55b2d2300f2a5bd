public import PolicyDiagnostics
public import PolicyModel

/// Completeness against GDPR Article 13, the information a controller must give when it
/// collects personal data. Each item is read from structured fields, so "missing" means the
/// policy's data does not state it — which for a real policy can simply be true.
public enum Article13Lint {
    public enum Status: String, Sendable, Codable {
        case present, partial, missing
        case notApplicable = "n/a"
    }

    public struct Item: Sendable, Codable, Equatable {
        public var id: String
        public var article: String
        public var title: String
        /// The fields the item is read from.
        public var fields: String
    }

    public struct Finding: Sendable, Codable, Equatable {
        public var item: String
        public var status: Status
        public var detail: String
    }

    public struct Report: Sendable, Codable, Equatable {
        public var company: String
        public var policy: String
        public var findings: [Finding]

        public var missing: [Finding] { findings.filter { $0.status == .missing || $0.status == .partial } }
    }

    public static let items: [Item] = [
        Item(
            id: "controller", article: "13(1)(a)", title: "Controller identity and contact details",
            fields: "company.yml legal_name + privacy_email / phone / address / website"),
        Item(id: "dpo", article: "13(1)(b)", title: "Data protection officer's contact details, where one exists", fields: "company.yml dpo"),
        Item(id: "purposes", article: "13(1)(c)", title: "Purposes and legal basis of each", fields: "purposes[].purpose, purposes[].legal_basis"),
        Item(
            id: "legitimate-interests", article: "13(1)(d)", title: "Legitimate interests, where relied on",
            fields: "purposes[].legitimate_interest where legal_basis is legitimate_interests"),
        Item(id: "recipients", article: "13(1)(e)", title: "Recipients or categories of recipients", fields: "third_parties"),
        Item(
            id: "transfers", article: "13(1)(f)", title: "International transfers and their safeguards",
            fields: "transfers[].destination, transfers[].safeguards"),
        Item(id: "retention", article: "13(2)(a)", title: "Retention periods or the criteria for them", fields: "retention[].period / criteria"),
        Item(id: "rights", article: "13(2)(b)", title: "Rights of access, rectification, erasure, restriction, objection, portability", fields: "rights.items"),
        Item(
            id: "withdraw-consent", article: "13(2)(c)", title: "Right to withdraw consent, where processing relies on it",
            fields: "rights.items withdraw_consent"),
        Item(
            id: "complaint", article: "13(2)(d)", title: "Right to complain to a supervisory authority",
            fields: "rights.items complaint, company.yml supervisory_authority"),
        Item(
            id: "data-required", article: "13(2)(e)", title: "Whether providing data is required, and the consequences of not providing it",
            fields: "data_required"),
        Item(id: "automated-decisions", article: "13(2)(f)", title: "Automated decision-making, including profiling", fields: "automated_decisions"),
    ]

    static let coreRights: [Right] = [.access, .rectification, .erasure, .restriction, .objection, .portability]

    /// The lint of every company's default-language policy, in site order.
    public static func run(_ site: Site) -> [Report] {
        site.companies.compactMap { company in
            guard let policy = company.source else { return nil }
            return Report(company: company.info.displayName, policy: policy.path, findings: lint(policy.frontMatter, company: company.info))
        }
    }

    public static func lint(_ policy: PolicyFrontMatter, company: CompanyInfo) -> [Finding] {
        var findings: [Finding] = []
        func add(_ id: String, _ status: Status, _ detail: String) { findings.append(Finding(item: id, status: status, detail: detail)) }

        let channels = [
            ("e-mail", company.privacyEmail != nil), ("phone", company.phone != nil), ("address", !company.address.isEmpty),
            ("website", company.website != nil),
        ]
        .filter(\.1).map(\.0)
        add(
            "controller", channels.isEmpty ? .partial : .present,
            channels.isEmpty ? "\(company.legalName), but no contact details" : "\(company.legalName); \(channels.joined(separator: ", "))")

        if let dpo = company.dpos.first(where: \.hasContact) {
            add("dpo", .present, company.dpos.count > 1 ? "\(company.dpos.count) DPOs" : dpo.name ?? "contact given")
        } else if let reason = company.dpoNotAppointed {
            add("dpo", .notApplicable, "no DPO appointed: \(reason)")
        } else {
            add("dpo", .missing, "no DPO contact stated (say whether one is appointed)")
        }

        let stated = policy.purposes.filter { $0.legalBasis != nil }
        if policy.purposes.isEmpty {
            add("purposes", .missing, "no purposes stated")
        } else if stated.count == policy.purposes.count {
            add("purposes", .present, "\(counted(policy.purposes.count, "purpose")), each with a legal basis")
        } else {
            add("purposes", .partial, "\(policy.purposes.count - stated.count) of \(policy.purposes.count) purposes have no legal basis")
        }

        let interests = policy.purposes.filter { $0.legalBasis == .legitimateInterests }
        let basesKnown = !policy.purposes.isEmpty && stated.count == policy.purposes.count
        if !interests.isEmpty {
            let unexplained = interests.filter { $0.legitimateInterest == nil }.count
            add(
                "legitimate-interests", unexplained == 0 ? .present : .partial,
                unexplained == 0
                    ? "\(counted(interests.count, "interest")) explained"
                    : "\(unexplained) of \(interests.count) purposes on legitimate interests do not say which interest")
        } else if basesKnown {
            add("legitimate-interests", .notApplicable, "no purpose relies on legitimate interests")
        } else {
            add("legitimate-interests", .missing, "legal bases are not all stated, so reliance on legitimate interests is unknown")
        }

        add(
            "recipients", policy.thirdParties.isEmpty ? .missing : .present,
            policy.thirdParties.isEmpty ? "no recipients stated" : "\(counted(policy.thirdParties.count, "recipient or category", "recipients or categories"))")

        if policy.transfers.isEmpty {
            add("transfers", .missing, "no statement on transfers outside the country")
        } else {
            let unsafeguarded = policy.transfers.filter { $0.safeguards == nil }.count
            add(
                "transfers", unsafeguarded == 0 ? .present : .partial,
                unsafeguarded == 0
                    ? "\(counted(policy.transfers.count, "transfer")) with safeguards"
                    : "\(unsafeguarded) of \(policy.transfers.count) transfers state no safeguards")
        }

        let periods = policy.retention.filter { $0.period != nil }.count
        add(
            "retention", policy.retention.isEmpty ? .missing : .present,
            policy.retention.isEmpty
                ? "no retention periods or criteria"
                : "\(counted(periods, "fixed period")), \(counted(policy.retention.count - periods, "criterion", "criteria"))")

        let granted = Set(policy.rights?.rights ?? [])
        let absent = coreRights.filter { !granted.contains($0) }
        if absent.count == coreRights.count {
            add("rights", .missing, "none of the six rights is listed")
        } else {
            add(
                "rights", absent.isEmpty ? .present : .partial,
                absent.isEmpty ? "all six" : "missing \(absent.map(\.rawValue).joined(separator: ", "))")
        }

        let consentUsed = policy.purposes.contains { $0.legalBasis == .consent } || policy.cookies.contains { $0.legalBasis == .consent }
        if granted.contains(.withdrawConsent) {
            add("withdraw-consent", .present, "listed")
        } else if basesKnown && !consentUsed {
            add("withdraw-consent", .notApplicable, "no processing relies on consent")
        } else {
            add("withdraw-consent", .missing, consentUsed ? "consent is relied on but withdrawing it is not explained" : "not stated")
        }

        if granted.contains(.complaint) {
            add("complaint", .present, company.supervisoryAuthority.map { "authority: \($0.name)" } ?? "listed, no authority named")
        } else {
            add("complaint", .missing, "no right to complain to a supervisory authority")
        }

        add("data-required", policy.dataRequired == nil ? .missing : .present, policy.dataRequired == nil ? "not stated" : "stated")
        add("automated-decisions", policy.automatedDecisions == nil ? .missing : .present, policy.automatedDecisions == nil ? "not stated" : "stated")
        return findings
    }

    /// A Markdown table, one column per company, for docs and pull-request comments.
    public static func markdown(_ reports: [Report]) -> String {
        let symbol: [Status: String] = [.present: "✅ present", .partial: "⚠️ partial", .missing: "❌ missing", .notApplicable: "— n/a"]
        var text = "| Art. 13 | Item | " + reports.map(\.company).joined(separator: " | ") + " |\n"
        text += "|---|---|" + String(repeating: "---|", count: reports.count) + "\n"
        for item in items {
            let cells = reports.map { report in report.findings.first { $0.item == item.id }.map { symbol[$0.status]! } ?? "" }
            text += "| \(item.article) | \(item.title) | " + cells.joined(separator: " | ") + " |\n"
        }
        text += "\n"
        for report in reports {
            text +=
                "### \(report.company)\n\n`\(report.policy)`: \(report.findings.filter { $0.status == .present }.count) of \(items.count) items present.\n\n"
            for finding in report.findings {
                let item = items.first { $0.id == finding.item }!
                text += "- \(symbol[finding.status]!) — \(item.title): \(finding.detail)\n"
            }
            text += "\n"
        }
        return text
    }

    /// One line per incomplete item, in the diagnostic style, for terminals and CI logs.
    public static func diagnostics(_ reports: [Report]) -> [Diagnostic] {
        reports.flatMap { report in
            report.missing.map { finding in
                let item = items.first { $0.id == finding.item }!
                return Diagnostic.warning(
                    .article13(item.id), at: SourceLocation(file: report.policy, line: 1, column: 1),
                    "Art. \(item.article) \(item.title): \(finding.status.rawValue) (\(finding.detail))",
                    expected: "expected it in \(item.fields)")
            }
        }
    }
}

/// `1 interest`, `3 interests`: a count and its noun, singular for one.
func counted(_ count: Int, _ singular: String, _ plural: String? = nil) -> String {
    "\(count) \(count == 1 ? singular : plural ?? singular + "s")"
}
