import Mustache
import PolicyModel
import PolicyText
import PolicyTranslations

/// A company's contact page (`contact.mustache`): its contact card.
struct ContactPageModel: TemplateValue {
    let frame: CompanyFrame
    let contact: SectionModel.ContactCard

    static let names: Set<String> = CompanyFrame.names.union(["contact"])

    func child(named name: String) -> Any? {
        name == "contact" ? contact : frame.child(named: name)
    }
}
