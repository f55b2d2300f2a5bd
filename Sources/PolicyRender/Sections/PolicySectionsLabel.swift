import Foundation
public import PolicyModel
public import PolicyTranslations

public enum PolicySectionsLabel {
    /// A cookie category's name in a language: the theme's for built-in categories, the
    /// site's `custom_cookie_categories` labels for the others.
    public static func label(of id: CookieCategoryID, strings: UIStrings, config: SiteConfig, language: LanguageCode) -> String {
        if id.isBuiltIn { return strings["cookie_category.\(id.id)"] }
        let custom = config.customCookieCategories.first { $0.id == id.id }
        return custom?.labels[language.rawValue] ?? custom?.labels[config.defaultLanguage.rawValue] ?? id.id
    }
}
