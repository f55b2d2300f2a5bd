import PolicyDiagnostics

/// The names page models answer (each model's `names`), and the theme check that holds
/// templates to them: a name no page model has renders as nothing on every page, which is
/// most often a typo (`{{titel}}`) or a value a theme expects PolicySite to give.
enum TemplateNames {
    /// Every name some page model, section value or table row answers, and `t`. A template's
    /// name is looked up on every value on the context stack, so the check holds it to all of
    /// them rather than to the one page it is rendered on.
    static let known: Set<String> = {
        let models: [any TemplateValue.Type] = [
            PageFrame.self, PageFrame.LanguageLink.self, CompanyFrame.self, CompanyFrame.Name.self, CompanyFrame.Link.self,
            HomePageModel.self, HomePageModel.Company.self, HomePageModel.Company.PageLink.self, HomePageModel.Company.LanguageLink.self,
            NotFoundPageModel.self, ChangelogPageModel.self, ChangelogPageModel.Entry.self, ChangelogPageModel.Entry.Change.self,
            DiffPageModel.self, DiffPageModel.Area.self, DiffPageModel.Change.self, DiffPageModel.Field.self, DiffPageModel.Section.self,
            DiffPageModel.Piece.self, DiffPageModel.Word.self, DiffPageModel.Link.self, DiffPageModel.Title.self,
            CookiesPageModel.self, RightsPageModel.self, ContactPageModel.self,
            PolicyPageModel.self, PolicyPageModel.Block.self, PolicyPageModel.Block.Section.self, PolicyPageModel.TOCEntry.self,
            PolicyPageModel.UpcomingNotice.self, PolicyPageModel.HistoryLinks.self, PolicyPageModel.ArchiveNotice.self,
            SectionModel.DataCategory.self, SectionModel.Item.self, SectionModel.Purpose.self, SectionModel.CookieCategory.self,
            SectionModel.Cookie.self, SectionModel.Retention.self, SectionModel.ThirdParty.self, SectionModel.Recipients.self,
            SectionModel.Columns.self, SectionModel.Transfer.self, SectionModel.Rights.self, SectionModel.Right.self,
            SectionModel.Request.self, SectionModel.RegionalRights.self, SectionModel.ContactCard.self, SectionModel.AddressLine.self,
            SectionModel.Registration.self, SectionModel.Authority.self, SectionModel.Entity.self, SectionModel.DPO.self,
            SectionModel.Glance.self, SectionModel.GlanceLine.self,
        ]
        return models.reduce(into: ["t"]) { $0.formUnion($1.names) }
    }()

    /// Each name `text` reads that no model answers, as a warning at its line and column.
    static func problems(template: String, text: String, path: String) -> [Diagnostic] {
        // A template that changes its delimiters reads names the tag scan cannot see.
        guard !text.contains("{{=") else { return [] }
        var problems: [Diagnostic] = []
        var reported: Set<String> = []
        for tag in Theme.tags(in: text) {
            let (sigil, name) = Theme.lookup(tag)
            if let sigil, "!>/$<%=".contains(sigil) { continue }
            guard name != ".", let head = name.split(separator: ".").first.map(String.init), !head.isEmpty else { continue }
            guard !known.contains(head), reported.insert(head).inserted else { continue }
            let before = text[..<tag.startIndex]
            let line = before.reduce(1) { $1 == "\n" ? $0 + 1 : $0 }
            let column = before.distance(from: before.lastIndex(of: "\n").map { before.index(after: $0) } ?? before.startIndex, to: before.endIndex) - 1
            problems.append(
                .warning(
                    .unknownTemplateName, at: SourceLocation(file: path, line: line, column: column),
                    "\(template).mustache reads '\(name)', which no page has, so it renders as nothing",
                    expected: "expected a name PolicySite gives pages (see docs/themes.md), or the tag removed"))
        }
        return problems
    }
}
