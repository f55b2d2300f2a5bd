import Mustache
import PolicyModel
import PolicyText
import PolicyTranslations

/// A company's rights page (`rights.mustache`): the rights the policy lists and how to use them.
struct RightsPageModel: TemplateValue {
    let frame: CompanyFrame
    let contactHref: String?
    /// Nil (absent) when the policy lists none.
    let rights: SectionModel.Rights?
    let contact: SectionModel.ContactCard

    static let names: Set<String> = CompanyFrame.names.union(["contact_href", "rights", "contact"])

    func child(named name: String) -> Any? {
        switch name {
        case "contact_href": contactHref.orFalse
        case "rights": rights
        case "contact": contact
        default: frame.child(named: name)
        }
    }
}
