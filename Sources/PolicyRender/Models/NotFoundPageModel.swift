import Mustache
import PolicyModel
import PolicyText
import PolicyTranslations

/// The 404 page (`not-found.mustache`): only the frame, its links absolute from the base URL
/// since the page is served for any missing URL.
struct NotFoundPageModel: TemplateValue {
    let frame: PageFrame

    static var names: Set<String> { PageFrame.names }

    func child(named name: String) -> Any? { frame.child(named: name) }
}
