import Mustache
import Testing

@testable import PolicyModel
@testable import PolicyRender

/// Page models answer names as the templates rely on: an absent text is `false` (so
/// `{{#email}}` skips and the lookup stops there), a name the model does not have is nil (the
/// lookup goes on down the context stack).
@Suite struct TemplateValueTests {
    static func card(email: String?, dpoEmail: String?) -> SectionModel.ContactCard {
        SectionModel.ContactCard(
            legalName: "Acme", address: [], hasAddress: false, country: nil, email: email, phone: nil, phoneLink: nil, website: nil,
            responseTime: nil, hasChannel: email != nil, entities: [],
            dpos: [SectionModel.DPO(name: "Dana", email: dpoEmail, phone: nil, phoneLink: nil, address: [], country: nil, serves: nil)],
            dpoNotAppointed: nil, registrations: [], authorities: [], authority: nil, governingLaw: nil, courts: nil)
    }

    static func render(_ value: some MustacheParent, _ template: String) throws -> String {
        var library = MustacheLibrary()
        try library.register(template, named: "probe")
        return library.render(value, withTemplate: "probe") ?? ""
    }

    struct Page: TemplateModel {
        let contact: SectionModel.ContactCard
        static let fields = TemplateFields<Self>(["contact": .model(SectionModel.ContactCard.self) { $0.contact }])
    }

    @Test func aDPOWithoutAnEmailDoesNotShowTheCompanys() throws {
        let template = "{{#contact}}{{#dpos}}[{{name}}{{#email}} {{email}}{{/email}}]{{/dpos}}{{/contact}}"
        #expect(try Self.render(Page(contact: Self.card(email: "privacy@acme.example", dpoEmail: nil)), template) == "[Dana]")
        #expect(try Self.render(Page(contact: Self.card(email: "privacy@acme.example", dpoEmail: "dpo@acme.example")), template) == "[Dana dpo@acme.example]")
    }

    @Test func anEmptyTextIsAbsentAndAnUnknownNameFallsThrough() {
        #expect("".nonEmpty == nil && "x".nonEmpty == "x")
        let card = Self.card(email: nil, dpoEmail: nil)
        #expect(card.child(named: "email") as? Bool == false)
        #expect(card.child(named: "no_such_name") == nil)
        // The company's own authority is absent (not `false`) when it names none.
        #expect(card.child(named: "authority") == nil && card.child(named: "governing_law") == nil)
    }

    /// Every name a model lists is one it answers, so the theme check's list is the truth.
    @Test func everyListedNameIsAnswered() {
        let card = Self.card(email: "a@b.example", dpoEmail: nil)
        for name in SectionModel.ContactCard.names.subtracting(["authority", "governing_law", "courts"]) {
            #expect(card.child(named: name) != nil, "\(name)")
        }
    }
}
