import PolicyModel

/// Template values for the structured parts of a policy (tables and lists), built from the
/// typed front matter. Every value is plain text; the template escapes it.
struct PolicySections {
    let locale: PageLocale
    let company: Company
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
                "legal_basis": purpose.legalBasis.map { t["legal_basis.\($0.rawValue)"] } ?? t["purposes.not_stated"],
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
                "cookies": category.cookies.map { cookie in
                    ["name": cookie.name, "provider": cookie.provider, "purpose": cookie.purpose, "duration": locale.format(cookie.duration)]
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
                "location": party.location ?? "",
                "privacy_policy": party.privacyPolicy.flatMap(safeURL) ?? "",
            ]
        }
    }

    func transfers(_ policy: PolicyFrontMatter) -> [[String: Any]] {
        policy.transfers.map { transfer in
            var destination = transfer.destination
            if let country = transfer.country { destination += " (\(locale.countryName(country)))" }
            return ["destination": destination, "safeguards": transfer.safeguards ?? t["transfers.not_stated"]]
        }
    }

    func rights(_ policy: PolicyFrontMatter) -> [String: Any]? {
        guard let rights = policy.rights, !rights.items.isEmpty else { return nil }
        let contact = rights.contact ?? company.info.privacyEmail
        return [
            "items": rights.items.map { item in
                [
                    "id": item.right.rawValue,
                    "name": t["right.\(item.right.rawValue)"],
                    "description": item.description ?? t["right.\(item.right.rawValue)_description"],
                ]
            },
            "how": rights.how ?? "",
            "contact": contact.map { t.format("rights.contact", ["contact": $0]) } ?? "",
            "contact_email": contact.flatMap { $0.contains("@") ? $0 : nil } ?? "",
            "response_time": rights.responseTime.map { t.format("rights.response_time", ["duration": locale.format($0)]) } ?? "",
        ]
    }

    /// The controller's contact card: identity, addresses, DPO, authority and governing law.
    func contact() -> [String: Any] {
        let info = company.info
        var card: [String: Any] = [
            "legal_name": info.legalName,
            "address": info.address.map { ["line": $0] },
            "has_address": !info.address.isEmpty || info.country != nil,
            "country": info.country.map(locale.countryName) ?? "",
            "email": info.privacyEmail ?? "",
            "phone": info.phone ?? "",
            "phone_link": info.phone.map { $0.filter { $0.isNumber || $0 == "+" } } ?? "",
            "website": info.website.flatMap(safeURL) ?? "",
            "response_time": info.responseTime.map { t.format("contact.response_time_value", ["duration": locale.format($0)]) } ?? "",
            "has_channel": info.privacyEmail != nil || info.phone != nil || info.website != nil,
        ]
        if let dpo = info.dpo {
            card["dpo"] = ["name": dpo.name ?? "", "email": dpo.email ?? "", "phone": dpo.phone ?? ""]
        }
        if let authority = info.supervisoryAuthority {
            card["authority"] = [
                "name": authority.name, "country": authority.country.map(locale.countryName) ?? "",
                "website": authority.website.flatMap(safeURL) ?? "",
            ]
        }
        if let law = info.governingLaw {
            card["governing_law"] = t.format("contact.governing_law_value", ["country": locale.countryName(law.country)])
            card["courts"] = law.courts.map { t.format("contact.courts_value", ["country": locale.countryName($0)]) } ?? ""
        }
        return card
    }
}

/// Only web and mail links become `href`s; anything else (e.g. `javascript:`) is dropped.
func safeURL(_ text: String) -> String? {
    let lowered = text.lowercased()
    return lowered.hasPrefix("https://") || lowered.hasPrefix("http://") || lowered.hasPrefix("mailto:") ? text : nil
}

public enum PolicySectionsLabel {
    /// A cookie category's name in a language: the theme's for built-in categories, the
    /// site's `custom_cookie_categories` labels for the others.
    public static func label(of id: CookieCategoryID, strings: UIStrings, config: SiteConfig, language: LanguageCode) -> String {
        if id.isBuiltIn { return strings["cookie_category.\(id.id)"] }
        let custom = config.customCookieCategories.first { $0.id == id.id }
        return custom?.labels[language.rawValue] ?? custom?.labels[config.defaultLanguage.rawValue] ?? id.id
    }
}
