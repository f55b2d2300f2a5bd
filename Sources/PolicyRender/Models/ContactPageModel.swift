import Mustache
import PolicyModel
import PolicyText
import PolicyTranslations

/// A company's contact page (`contact.mustache`): its contact card.
struct ContactPageModel: TemplateModel {
    let frame: CompanyFrame
    let contact: SectionModel.ContactCard

    static let fields = TemplateFields<Self>(
        ["contact": .model(SectionModel.ContactCard.self) { $0.contact }], next: [.frame(CompanyFrame.self) { $0.frame.child(named: $1) }])
}
