import Foundation
public import PolicyModel
public import PolicyTranslations

/// Template values for the structured parts of a policy (tables and lists), built from the
/// typed front matter (`SectionModel`). Every value is plain text; the template escapes it.
struct PolicySections {
    let locale: PageLocale
    let company: Company
    /// The theme's regimes, for regional rights and authorities.
    let registry: JurisdictionRegistry
    var t: UIStrings { locale.strings }

    func dataCollected(_ policy: PolicyFrontMatter) -> [SectionModel.DataCategory] {
        policy.dataCollected.map { category in
            SectionModel.DataCategory(
                category: category.category.nonEmpty,
                items: category.items.map { SectionModel.Item(item: $0.nonEmpty) },
                source: category.source.map { t["data_source.\($0.rawValue)"] }?.nonEmpty)
        }
    }

    func purposes(_ policy: PolicyFrontMatter) -> [SectionModel.Purpose] {
        policy.purposes.map { purpose in
            SectionModel.Purpose(
                purpose: purpose.purpose.nonEmpty,
                legalBasis: purpose.legalBasis.map { t["legal_basis.\($0.rawValue)"] }?.nonEmpty,
                basisStated: purpose.legalBasis != nil,
                interest: purpose.legitimateInterest.map { t.format("purposes.legitimate_interest", ["interest": $0]) }?.nonEmpty)
        }
    }

    func cookieLabel(_ id: CookieCategoryID, config: SiteConfig) -> String {
        PolicySectionsLabel.label(of: id, strings: t, config: config, language: locale.language)
    }

    /// The cookie categories, without their rows' HTML (`SiteRenderer.withRows`).
    func cookies(_ policy: PolicyFrontMatter, config: SiteConfig) -> [SectionModel.CookieCategory] {
        policy.cookies.map { category in
            SectionModel.CookieCategory(
                id: category.category.id.nonEmpty,
                label: cookieLabel(category.category, config: config).nonEmpty,
                purpose: category.purpose.nonEmpty,
                legalBasis: category.legalBasis.map { t["legal_basis.\($0.rawValue)"] }?.nonEmpty,
                hasCookies: !category.cookies.isEmpty,
                count: locale.format(category.cookies.count).nonEmpty,
                cookies: category.cookies.map { cookie in
                    SectionModel.Cookie(
                        name: cookie.name.nonEmpty, provider: cookie.provider.nonEmpty, purpose: cookie.purpose.nonEmpty,
                        duration: cookie.duration.map { locale.format($0) }?.nonEmpty, path: cookie.path?.nonEmpty)
                },
                rowsHTML: nil)
        }
    }

    func retention(_ policy: PolicyFrontMatter) -> [SectionModel.Retention] {
        policy.retention.map { rule in
            var period = rule.period.map { locale.format($0) } ?? ""
            if let after = rule.after, !period.isEmpty {
                period = t.format("retention.counted_from", ["period": period, "event": after])
            }
            return SectionModel.Retention(data: rule.data.nonEmpty, period: period.nonEmpty, criteria: rule.criteria?.nonEmpty)
        }
    }

    func thirdParties(_ policy: PolicyFrontMatter) -> [SectionModel.ThirdParty] {
        policy.thirdParties.map { party in
            SectionModel.ThirdParty(
                name: party.name.nonEmpty, purpose: party.purpose.nonEmpty,
                role: party.role.map { t["role.\($0.rawValue)"] }?.nonEmpty,
                processingLocation: party.processingLocation.map(place)?.nonEmpty,
                corporateLocation: party.corporateLocation.map(place)?.nonEmpty,
                privacyPolicy: party.privacyPolicy.flatMap(safeURL)?.nonEmpty)
        }
    }

    /// A location as written, or the country's name in the page's language when the author
    /// wrote an ISO country code ("FR" reads "France", "Frankreich").
    func place(_ text: String) -> String {
        guard text.count == 2, text.allSatisfy({ $0.isASCII && $0.isUppercase }), let country = CountryCode(text) else { return text }
        return locale.countryName(country)
    }

    /// The recipients table: the name (with its role under it), the purpose and where the data
    /// is processed and the recipient established; columns that are empty for every row are left out, and a long
    /// list (real subprocessor lists run to 100+ rows) is sorted by name and can be folded, so
    /// it stays usable on a phone, where each row stacks into a card.
    func recipients(_ policy: PolicyFrontMatter) -> SectionModel.Recipients {
        let long = policy.thirdParties.count > Self.longList
        let parties = long ? policy.thirdParties.sorted { $0.name.localizedStandardCompare($1.name) == .orderedAscending } : policy.thirdParties
        return SectionModel.Recipients(
            rows: thirdParties(PolicyFrontMatter.with(thirdParties: parties, from: policy)),
            hasRole: policy.thirdParties.contains { $0.role != nil },
            hasProcessing: policy.thirdParties.contains { $0.processingLocation != nil },
            hasCorporate: policy.thirdParties.contains { $0.corporateLocation != nil },
            // Both places share one column: five narrow columns squeezed the purpose to a word a line.
            hasLocation: policy.thirdParties.contains { $0.processingLocation != nil || $0.corporateLocation != nil },
            long: long,
            count: t.format("third_parties.count", ["count": locale.format(policy.thirdParties.count)]).nonEmpty,
            rowsHTML: nil)
    }

    /// Lists longer than this are sorted and foldable.
    static let longList = 20

    func transfers(_ policy: PolicyFrontMatter) -> [SectionModel.Transfer] {
        policy.transfers.map { transfer in
            SectionModel.Transfer(destination: destination(transfer).nonEmpty, safeguards: (transfer.safeguards ?? t["transfers.not_stated"]).nonEmpty)
        }
    }

    /// "Morocco (Morocco)": where a transfer goes, with the country's name in the page's language.
    func destination(_ transfer: Transfer) -> String {
        var destination = transfer.destination
        if let country = transfer.country { destination += " (\(locale.countryName(country)))" }
        return destination
    }

    func rights(_ policy: PolicyFrontMatter) -> SectionModel.Rights? {
        let regional = regionalRights(policy)
        guard policy.rights.map({ !$0.items.isEmpty }) == true || !regional.isEmpty else { return nil }
        let rights = policy.rights
        let contact = rights?.contact ?? company.info.privacyEmail
        return SectionModel.Rights(
            items: (rights?.items ?? []).map { item in
                SectionModel.Right(
                    id: item.right.rawValue.nonEmpty,
                    name: t["right.\(item.right.rawValue)"].nonEmpty,
                    description: (item.description ?? t["right.\(item.right.rawValue)_description"]).nonEmpty)
            },
            hasItems: !(rights?.items ?? []).isEmpty,
            how: rights?.how?.nonEmpty,
            contact: contact.map { t.format("rights.contact", ["contact": $0]) }?.nonEmpty,
            contactEmail: contact.flatMap { $0.contains("@") ? $0 : nil }?.nonEmpty,
            request: requestLinks(contact: contact, responseTime: rights?.responseTime),
            responseTime: rights?.responseTime.map { t.format("rights.response_time", ["duration": locale.format($0)]) }?.nonEmpty,
            regional: regional)
    }

    /// The call to action for a request: a `mailto:` link with a subject in the page's language,
    /// the phone number, the response time and what to include. Nil when there is no channel.
    func requestLinks(contact: String?, responseTime: PolicyDuration?) -> SectionModel.Request? {
        let email = contact.flatMap { $0.contains("@") && !$0.contains(" ") ? $0 : nil } ?? company.info.privacyEmail
        let phone = company.info.phone
        guard email != nil || phone != nil else { return nil }
        let subject = t["rights.request_subject"].addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
        return SectionModel.Request(
            mailto: email.map { "mailto:\($0)?subject=\(subject)" }?.nonEmpty,
            email: email?.nonEmpty,
            phone: phone?.nonEmpty,
            phoneLink: phone.map { $0.filter { $0.isNumber || $0 == "+" } }?.nonEmpty,
            responseTime: (responseTime ?? company.info.responseTime).map { t.format("rights.response_time", ["duration": locale.format($0)]) }?.nonEmpty)
    }

    /// One "If you are in …" block per regime the policy states rights for, in the policy's order.
    func regionalRights(_ policy: PolicyFrontMatter) -> [SectionModel.RegionalRights] {
        policy.regionalRights.map { block in
            let id = block.jurisdiction.id
            let authority = t["jurisdiction.\(id).authority"]
            let website = registry[id]?.authorityWebsite.flatMap(safeURL) ?? ""
            // The authority's name becomes a link, so the sentence around it is split in two.
            let around = t.split("rights.authority", at: "authority")
            return SectionModel.RegionalRights(
                id: id.nonEmpty,
                heading: t.format("rights.regional_heading", ["region": t["jurisdiction.\(id).region"]]).nonEmpty,
                intro: (block.intro ?? t.format("rights.regional_intro", ["law": t["jurisdiction.\(id).name"]])).nonEmpty,
                items: block.items.map { item in
                    SectionModel.Right(
                        id: item.right.nonEmpty, name: t["right.\(item.right)"].nonEmpty,
                        description: (item.description ?? t["right.\(item.right)_description"]).nonEmpty)
                },
                how: block.how?.nonEmpty,
                contact: block.contact.map { t.format("rights.contact", ["contact": $0]) }?.nonEmpty,
                responseTime: block.responseTime.map { t.format("rights.response_time", ["duration": locale.format($0)]) }?.nonEmpty,
                authority: authority.nonEmpty, authorityWebsite: website.nonEmpty,
                authorityBefore: around.before.nonEmpty, authorityAfter: around.after.nonEmpty)
        }
    }
}

/// Only web and mail links become `href`s; anything else (e.g. `javascript:`) is dropped.
func safeURL(_ text: String) -> String? {
    let lowered = text.lowercased()
    return lowered.hasPrefix("https://") || lowered.hasPrefix("http://") || lowered.hasPrefix("mailto:") ? text : nil
}
