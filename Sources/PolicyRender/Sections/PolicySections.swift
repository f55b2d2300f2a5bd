import Foundation
public import PolicyModel
public import PolicyTranslations

/// Template values for the structured parts of a policy (tables and lists), built from the
/// typed front matter. Every value is plain text; the template escapes it.
struct PolicySections {
    let locale: PageLocale
    let company: Company
    /// The theme's regimes, for regional rights and authorities.
    let registry: JurisdictionRegistry
    var t: UIStrings { locale.strings }

    func dataCollected(_ policy: PolicyFrontMatter) -> [[String: Any]] {
        policy.dataCollected.map { category in
            [
                "category": category.category,
                "items": category.items.map { ["item": $0] },
                "source": category.source.map { t["data_source.\($0.rawValue)"] } ?? "",
            ]
        }
    }

    func purposes(_ policy: PolicyFrontMatter) -> [[String: Any]] {
        policy.purposes.map { purpose in
            [
                "purpose": purpose.purpose,
                "legal_basis": purpose.legalBasis.map { t["legal_basis.\($0.rawValue)"] } ?? "",
                "basis_stated": purpose.legalBasis != nil,
                "interest": purpose.legitimateInterest.map { t.format("purposes.legitimate_interest", ["interest": $0]) } ?? "",
            ]
        }
    }

    func cookieLabel(_ id: CookieCategoryID, config: SiteConfig) -> String {
        PolicySectionsLabel.label(of: id, strings: t, config: config, language: locale.language)
    }

    func cookies(_ policy: PolicyFrontMatter, config: SiteConfig) -> [[String: Any]] {
        policy.cookies.map { category in
            [
                "id": category.category.id,
                "label": cookieLabel(category.category, config: config),
                "purpose": category.purpose,
                "legal_basis": category.legalBasis.map { t["legal_basis.\($0.rawValue)"] } ?? "",
                "has_cookies": !category.cookies.isEmpty,
                "count": locale.format(category.cookies.count),
                // Typed as the row values are read (`[String: Any]`): a list of `[String: String]`
                // would be converted dictionary by dictionary at every read.
                "cookies": category.cookies.map { cookie -> [String: Any] in
                    [
                        "name": cookie.name, "provider": cookie.provider, "purpose": cookie.purpose,
                        "duration": cookie.duration.map { locale.format($0) } ?? "",
                        "path": cookie.path ?? "",
                    ]
                },
            ]
        }
    }

    func retention(_ policy: PolicyFrontMatter) -> [[String: Any]] {
        policy.retention.map { rule in
            var period = rule.period.map { locale.format($0) } ?? ""
            if let after = rule.after, !period.isEmpty {
                period = t.format("retention.counted_from", ["period": period, "event": after])
            }
            return ["data": rule.data, "period": period, "criteria": rule.criteria ?? ""]
        }
    }

    func thirdParties(_ policy: PolicyFrontMatter) -> [[String: Any]] {
        policy.thirdParties.map { party in
            [
                "name": party.name, "purpose": party.purpose,
                "role": party.role.map { t["role.\($0.rawValue)"] } ?? "",
                "processing_location": party.processingLocation.map(place) ?? "",
                "corporate_location": party.corporateLocation.map(place) ?? "",
                "privacy_policy": party.privacyPolicy.flatMap(safeURL) ?? "",
            ]
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
    func recipients(_ policy: PolicyFrontMatter) -> [String: Any] {
        let long = policy.thirdParties.count > Self.longList
        let parties = long ? policy.thirdParties.sorted { $0.name.localizedStandardCompare($1.name) == .orderedAscending } : policy.thirdParties
        return [
            "rows": thirdParties(PolicyFrontMatter.with(thirdParties: parties, from: policy)),
            "has_role": policy.thirdParties.contains { $0.role != nil },
            "has_processing": policy.thirdParties.contains { $0.processingLocation != nil },
            "has_corporate": policy.thirdParties.contains { $0.corporateLocation != nil },
            // Both places share one column: five narrow columns squeezed the purpose to a word a line.
            "has_location": policy.thirdParties.contains { $0.processingLocation != nil || $0.corporateLocation != nil },
            "long": long,
            "count": t.format("third_parties.count", ["count": locale.format(policy.thirdParties.count)]),
        ]
    }

    /// Lists longer than this are sorted and foldable.
    static let longList = 20

    func transfers(_ policy: PolicyFrontMatter) -> [[String: Any]] {
        policy.transfers.map { transfer in
            var destination = transfer.destination
            if let country = transfer.country { destination += " (\(locale.countryName(country)))" }
            return ["destination": destination, "safeguards": transfer.safeguards ?? t["transfers.not_stated"]]
        }
    }

    func rights(_ policy: PolicyFrontMatter) -> [String: Any]? {
        let regional = regionalRights(policy)
        guard policy.rights.map({ !$0.items.isEmpty }) == true || !regional.isEmpty else { return nil }
        let rights = policy.rights
        let contact = rights?.contact ?? company.info.privacyEmail
        return [
            "items": (rights?.items ?? []).map { item in
                [
                    "id": item.right.rawValue,
                    "name": t["right.\(item.right.rawValue)"],
                    "description": item.description ?? t["right.\(item.right.rawValue)_description"],
                ]
            },
            "has_items": !(rights?.items ?? []).isEmpty,
            "how": rights?.how ?? "",
            "contact": contact.map { t.format("rights.contact", ["contact": $0]) } ?? "",
            "contact_email": contact.flatMap { $0.contains("@") ? $0 : nil } ?? "",
            "request": requestLinks(contact: contact, responseTime: rights?.responseTime) ?? false,
            "response_time": rights?.responseTime.map { t.format("rights.response_time", ["duration": locale.format($0)]) } ?? "",
            "regional": regional,
        ]
    }

    /// The call to action for a request: a `mailto:` link with a subject in the page's language,
    /// the phone number, the response time and what to include. Nil when there is no channel.
    func requestLinks(contact: String?, responseTime: PolicyDuration?) -> [String: Any]? {
        let email = contact.flatMap { $0.contains("@") && !$0.contains(" ") ? $0 : nil } ?? company.info.privacyEmail
        let phone = company.info.phone
        guard email != nil || phone != nil else { return nil }
        let subject = t["rights.request_subject"].addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
        return [
            "mailto": email.map { "mailto:\($0)?subject=\(subject)" } ?? "",
            "email": email ?? "",
            "phone": phone ?? "",
            "phone_link": phone.map { $0.filter { $0.isNumber || $0 == "+" } } ?? "",
            "response_time": (responseTime ?? company.info.responseTime).map { t.format("rights.response_time", ["duration": locale.format($0)]) } ?? "",
        ]
    }

    /// One "If you are in …" block per regime the policy states rights for, in the policy's order.
    func regionalRights(_ policy: PolicyFrontMatter) -> [[String: Any]] {
        policy.regionalRights.map { block in
            let id = block.jurisdiction.id
            let authority = t["jurisdiction.\(id).authority"]
            let website = registry[id]?.authorityWebsite.flatMap(safeURL) ?? ""
            // The authority's name becomes a link, so the sentence around it is split in two.
            let around = t.split("rights.authority", at: "authority")
            return [
                "id": id,
                "heading": t.format("rights.regional_heading", ["region": t["jurisdiction.\(id).region"]]),
                "intro": block.intro ?? t.format("rights.regional_intro", ["law": t["jurisdiction.\(id).name"]]),
                "items": block.items.map { item in
                    ["id": item.right, "name": t["right.\(item.right)"], "description": item.description ?? t["right.\(item.right)_description"]]
                },
                "how": block.how ?? "",
                "contact": block.contact.map { t.format("rights.contact", ["contact": $0]) } ?? "",
                "response_time": block.responseTime.map { t.format("rights.response_time", ["duration": locale.format($0)]) } ?? "",
                "authority": authority, "authority_website": website,
                "authority_before": around.before, "authority_after": around.after,
            ]
        }
    }
}

/// Only web and mail links become `href`s; anything else (e.g. `javascript:`) is dropped.
func safeURL(_ text: String) -> String? {
    let lowered = text.lowercased()
    return lowered.hasPrefix("https://") || lowered.hasPrefix("http://") || lowered.hasPrefix("mailto:") ? text : nil
}
