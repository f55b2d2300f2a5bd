import PolicyModel
import PolicyTranslations

/// The first layer of a policy page ("At a glance"): the key facts a visitor looks for, one
/// line each, every line linking to the section that gives the detail. Layered notices are
/// what European transparency guidance recommends; PolicySite holds each fact in structured
/// form, so the first layer is written from the front matter and company facts only, never
/// from the prose, and cannot drift from the tables below it.
///
/// Each line is `id` (the section it summarises, which is also its link target), `label` (the
/// theme's words) and `items` (the facts, in the order of the section's table). A section the
/// policy does not have gives no line.
struct AtAGlance {
    let front: PolicyFrontMatter
    let info: CompanyInfo
    let sections: PolicySections
    var t: UIStrings { sections.t }

    /// Recipients named in the first layer before "and N more": subprocessor lists run to
    /// a hundred rows, and the table below holds them all.
    static let namedRecipients = 8

    /// The template values: `has_lines` and `lines`; the rights line has `request` (the
    /// `mailto:` of the request button) when the policy gives a channel for requests.
    func values(request: SectionModel.Request?) -> SectionModel.Glance {
        let present = Set(SiteRenderer.structuredSections(front).map(\.id))
        var lines: [SectionModel.GlanceLine] = []
        func line(_ id: String, _ key: String, _ items: [String], more: String = "", request: String = "") {
            guard present.contains(id), !items.isEmpty else { return }
            // Every key on every line, empty when not so: a missing one would resolve up the
            // context stack to the page's own value of that name.
            lines.append(
                SectionModel.GlanceLine(
                    id: id.nonEmpty, key: key.nonEmpty, label: t["glance.\(key)"].nonEmpty, items: items, more: more.nonEmpty, request: request.nonEmpty))
        }
        line("contact", "controller", [info.legalName] + (info.privacyEmail.map { [$0] } ?? []))
        line("data-collected", "data", front.dataCollected.map(\.category))
        line("purposes", "purposes", front.purposes.map(purpose))
        let recipients = front.thirdParties.map(\.name)
        let hidden = recipients.count - Self.namedRecipients
        line(
            "third-parties", "recipients", Array(recipients.prefix(Self.namedRecipients)),
            more: hidden > 0 ? t.format("glance.more", ["count": sections.locale.format(hidden)]) : "")
        line("transfers", "transfers", front.transfers.map(sections.destination))
        line("retention", "retention", sections.retention(front).map(retention))
        line("rights", "rights", rightNames(), request: request?.mailto ?? "")
        return SectionModel.Glance(hasLines: !lines.isEmpty, lines: lines)
    }

    /// "Sending newsletters (Your consent)": the purpose, and its legal basis when stated.
    private func purpose(_ purpose: Purpose) -> String {
        guard let basis = purpose.legalBasis else { return purpose.purpose }
        return t.format("glance.purpose_basis", ["purpose": purpose.purpose, "basis": t["legal_basis.\(basis.rawValue)"]])
    }

    /// "Invoices: 10 years"; the criteria when the policy gives no period.
    private func retention(_ rule: SectionModel.Retention) -> String {
        let data = rule.data ?? ""
        return (rule.period ?? rule.criteria).map { data + t["typography.colon"] + $0 } ?? data
    }

    /// The rights the policy lists, then those only a regional block adds, each named once.
    private func rightNames() -> [String] {
        var seen = Set<String>()
        let ids = (front.rights?.items.map(\.right.rawValue) ?? []) + front.regionalRights.flatMap { $0.items.map(\.right) }
        return ids.filter { seen.insert($0).inserted }.map { t["right.\($0)"] }
    }
}
