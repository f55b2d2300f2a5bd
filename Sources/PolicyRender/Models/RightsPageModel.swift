import Mustache
import PolicyModel
import PolicyText
import PolicyTranslations

/// A company's rights page (`rights.mustache`): the rights the policy lists and how to use them.
struct RightsPageModel: TemplateModel {
    let frame: CompanyFrame
    let contactHref: String?
    /// Nil (absent) when the policy lists none.
    let rights: SectionModel.Rights?
    let contact: SectionModel.ContactCard

    static let fields = TemplateFields<Self>(
        [
            "contact_href": .text { $0.contactHref },
            "rights": .model(SectionModel.Rights.self) { $0.rights },
            "contact": .model(SectionModel.ContactCard.self) { $0.contact },
        ], next: [.frame(CompanyFrame.self) { $0.frame.child(named: $1) }])
}
