import Mustache
import PolicyModel
import PolicyText
import PolicyTranslations

/// A company's cookies page (`cookies.mustache`): the cookie tables under the page's title.
struct CookiesPageModel: TemplateValue {
    let frame: CompanyFrame
    let cookieControls: String?
    let policyTitle: String?
    let cookieBases: Bool
    let cookiesNamed: Bool
    let cookies: [SectionModel.CookieCategory]

    static let names: Set<String> = CompanyFrame.names.union([
        "cookie_controls", "policy_title", "cookies_label", "cookie_bases", "cookies_named", "cookies",
    ])

    func child(named name: String) -> Any? {
        switch name {
        case "cookie_controls": cookieControls.orFalse
        case "policy_title": policyTitle.orFalse
        // The page's own title names the table: a "Cookies" heading under the "Cookies" title said it twice.
        case "cookies_label": "page-title"
        case "cookie_bases": cookieBases
        case "cookies_named": cookiesNamed
        case "cookies": cookies
        default: frame.child(named: name)
        }
    }
}
