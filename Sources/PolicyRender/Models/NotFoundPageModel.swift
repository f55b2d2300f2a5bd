import Mustache
import PolicyModel
import PolicyText
import PolicyTranslations

/// The 404 page (`not-found.mustache`): only the frame, its links absolute from the base URL
/// since the page is served for any missing URL.
struct NotFoundPageModel: TemplateModel {
    let frame: PageFrame

    static let fields = TemplateFields<Self>([:], next: [.frame(PageFrame.self) { $0.frame.child(named: $1) }])
}
