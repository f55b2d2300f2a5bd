import Mustache
import PolicyModel
import PolicyText
import PolicyTranslations

/// A company's cookies page (`cookies.mustache`): the cookie tables under the page's title.
struct CookiesPageModel: TemplateModel {
    let frame: CompanyFrame
    let cookieControls: String?
    let policyTitle: String?
    let cookieBases: Bool
    let cookiesNamed: Bool
    let cookies: [SectionModel.CookieCategory]

    static let fields = TemplateFields<Self>(
        [
            "cookie_controls": .text { $0.cookieControls },
            "policy_title": .text { $0.policyTitle },
            // The page's own title names the table: a "Cookies" heading under the "Cookies" title said it twice.
            "cookies_label": .value { _ in "page-title" },
            "cookie_bases": .value { $0.cookieBases },
            "cookies_named": .value { $0.cookiesNamed },
            "cookies": .model(SectionModel.CookieCategory.self) { $0.cookies },
        ], next: [.frame(CompanyFrame.self) { $0.frame.child(named: $1) }])
}
