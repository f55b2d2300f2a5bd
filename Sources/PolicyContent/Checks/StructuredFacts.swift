import PolicyDiagnostics
import PolicyModel

/// The structured facts every language of a policy must state alike (cookies with their names,
/// providers and durations; retention periods; recipients' roles and policies; transfer
/// countries; rights), only the words around them may differ. Each difference is reported at
/// the translation's line, naming the source's line, so both files can be opened at the fact.
struct StructuredFacts {
    let translation: PolicyDocument
    let source: PolicyDocument

    /// Cookie categories and rights always; the rest only while the translation is of the
    /// source's version: a translation left at an older version (warned as stale, its page says
    /// it may be out of date) states that version's facts, which a new version may change.
    func differences() -> [Diagnostic] {
        guard translation.frontMatter.version == source.frontMatter.version else { return categories() + rights() }
        return cookies() + retention() + recipients() + transfers() + rights()
    }

    /// Only the categories (for a translation of another version).
    func categories() -> [Diagnostic] {
        var stale = translation
        for index in stale.frontMatter.cookies.indices { stale.frontMatter.cookies[index].cookies = [] }
        var base = source
        for index in base.frontMatter.cookies.indices { base.frontMatter.cookies[index].cookies = [] }
        return StructuredFacts(translation: stale, source: base).cookies()
    }

    /// `file:line:column` of a place in the source, or the source's field when the entry has none.
    private func there(_ location: SourceLocation?, field: String) -> String {
        (location ?? source.location(of: field)).description
    }

    private func here(_ location: SourceLocation?, field: String) -> SourceLocation {
        location ?? translation.location(of: field)
    }

    private func mismatch(_ location: SourceLocation, _ message: String, expected: String) -> Diagnostic {
        .error(.translationMismatch, at: location, message, expected: expected)
    }

    private var sourceName: String { "the \(source.language) source" }

    func cookies() -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        let ours = translation.frontMatter.cookies, theirs = source.frontMatter.cookies
        for category in theirs where !ours.contains(where: { $0.category == category.category }) {
            diagnostics.append(
                mismatch(
                    here(nil, field: "cookies"),
                    "cookie category '\(category.category)' is missing here, but \(there(category.category.location, field: "cookies")) lists it",
                    expected: "expected the same cookie categories in every language: add '\(category.category)' here, or remove it from \(sourceName)"))
        }
        for category in ours {
            guard let original = theirs.first(where: { $0.category == category.category }) else {
                diagnostics.append(
                    mismatch(
                        here(category.category.location, field: "cookies"),
                        "cookie category '\(category.category)' is not in \(sourceName) (\(there(nil, field: "cookies")))",
                        expected: "expected the same cookie categories in every language: remove it here, or add it to \(sourceName)"))
                continue
            }
            diagnostics += cookies(of: category, against: original)
        }
        return diagnostics
    }

    private func cookies(of category: CookieCategory, against original: CookieCategory) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        let id = category.category.id
        for cookie in original.cookies where !category.cookies.contains(where: { $0.name == cookie.name }) {
            diagnostics.append(
                mismatch(
                    here(category.category.location, field: "cookies"),
                    "cookie '\(cookie.name)' of '\(id)' is missing here, but \(there(cookie.location, field: "cookies")) lists it",
                    expected: "expected the same cookies in every language: add '\(cookie.name)' under '\(id)', or remove it from \(sourceName)"))
        }
        for cookie in category.cookies {
            guard let twin = original.cookies.first(where: { $0.name == cookie.name }) else {
                diagnostics.append(
                    mismatch(
                        here(cookie.location, field: "cookies"),
                        "cookie '\(cookie.name)' of '\(id)' is not in \(sourceName) (\(there(original.category.location, field: "cookies")))",
                        expected: "expected the same cookies in every language: remove it here, or add it to \(sourceName)"))
                continue
            }
            if cookie.provider != twin.provider {
                diagnostics.append(
                    mismatch(
                        here(cookie.location, field: "cookies"),
                        "cookie '\(cookie.name)' has provider '\(cookie.provider)' here, but '\(twin.provider)' at \(there(twin.location, field: "cookies"))",
                        expected: "expected the same provider in every language (a company's name is not translated): write '\(twin.provider)'"))
            }
            if !Self.agree(cookie.duration, twin.duration) {
                diagnostics.append(
                    mismatch(
                        here(cookie.location, field: "cookies"),
                        "cookie '\(cookie.name)' lasts \(Self.text(cookie.duration)) here, but \(Self.text(twin.duration)) at \(there(twin.location, field: "cookies"))",
                        expected: "expected the same duration in every language: write \(Self.written(twin.duration))"))
            }
        }
        return diagnostics
    }

    func retention() -> [Diagnostic] {
        let ours = translation.frontMatter.retention, theirs = source.frontMatter.retention
        var diagnostics = counts(
            "retention rule", ours.map(\.location), theirs.map(\.location), names: theirs.map(\.data), field: "retention")
        for (rule, original) in zip(ours, theirs) where !Self.agree(rule.period, original.period) {
            diagnostics.append(
                mismatch(
                    here(rule.location, field: "retention"),
                    "retention period of '\(rule.data)' is \(Self.text(rule.period)) here, but \(Self.text(original.period)) for '\(original.data)' at \(there(original.location, field: "retention"))",
                    expected: "expected the same periods in every language: write \(Self.written(original.period))"))
        }
        return diagnostics
    }

    func recipients() -> [Diagnostic] {
        let ours = translation.frontMatter.thirdParties, theirs = source.frontMatter.thirdParties
        var diagnostics = counts(
            "recipient", ours.map(\.sourceLocation), theirs.map(\.sourceLocation), names: theirs.map(\.name), field: "third_parties")
        for (recipient, original) in zip(ours, theirs) {
            if recipient.role != original.role {
                diagnostics.append(
                    mismatch(
                        here(recipient.sourceLocation, field: "third_parties"),
                        "recipient '\(recipient.name)' has role \(recipient.role?.rawValue ?? "(none)") here, but \(original.role?.rawValue ?? "(none)") for '\(original.name)' at \(there(original.sourceLocation, field: "third_parties"))",
                        expected: "expected the same role in every language: \(original.role.map { "role: \($0.rawValue)" } ?? "no role")"))
            }
            if recipient.privacyPolicy != original.privacyPolicy {
                diagnostics.append(
                    mismatch(
                        here(recipient.sourceLocation, field: "third_parties"),
                        "recipient '\(recipient.name)' links privacy policy \(recipient.privacyPolicy ?? "(none)") here, but \(original.privacyPolicy ?? "(none)") for '\(original.name)' at \(there(original.sourceLocation, field: "third_parties"))",
                        expected: "expected the same privacy_policy in every language"))
            }
        }
        return diagnostics
    }

    func transfers() -> [Diagnostic] {
        let ours = translation.frontMatter.transfers, theirs = source.frontMatter.transfers
        var diagnostics = counts(
            "transfer", ours.map(\.location), theirs.map(\.location), names: theirs.map(\.destination), field: "transfers")
        for (transfer, original) in zip(ours, theirs) where transfer.country != original.country {
            diagnostics.append(
                mismatch(
                    here(transfer.location, field: "transfers"),
                    "transfer to '\(transfer.destination)' names country \(transfer.country?.rawValue ?? "(none)") here, but \(original.country?.rawValue ?? "(none)") for '\(original.destination)' at \(there(original.location, field: "transfers"))",
                    expected: "expected the same countries in every language: \(original.country.map { "country: \($0.rawValue)" } ?? "no country")"))
        }
        return diagnostics
    }

    func rights() -> [Diagnostic] {
        let ours = translation.frontMatter.rights?.items ?? [], theirs = source.frontMatter.rights?.items ?? []
        var diagnostics: [Diagnostic] = []
        for item in theirs where !ours.contains(where: { $0.right == item.right }) {
            diagnostics.append(
                mismatch(
                    here(nil, field: "rights"),
                    "right '\(item.right.rawValue)' is missing here, but \(there(item.location, field: "rights")) lists it",
                    expected:
                        "expected the same rights in every language: add '- right: \(item.right.rawValue)' under rights.items, or remove it from \(sourceName)")
            )
        }
        for item in ours where !theirs.contains(where: { $0.right == item.right }) {
            diagnostics.append(
                mismatch(
                    here(item.location, field: "rights"),
                    "right '\(item.right.rawValue)' is not in \(sourceName) (\(there(nil, field: "rights")))",
                    expected: "expected the same rights in every language: remove it here, or add it to \(sourceName)"))
        }
        return diagnostics
    }

    /// Lists matched by position (translations keep the source's order): the entries one side
    /// has beyond the other's end.
    private func counts(_ what: String, _ ours: [SourceLocation?], _ theirs: [SourceLocation?], names: [String], field: String) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        if ours.count < theirs.count {
            for index in ours.count..<theirs.count {
                diagnostics.append(
                    mismatch(
                        here(nil, field: field),
                        "\(what) \(index + 1) of \(field) ('\(names[index])') is missing here, but \(there(theirs[index], field: field)) lists it",
                        expected: "expected the same \(field) in every language, in the same order: translate it here, or remove it from \(sourceName)"))
            }
        } else if theirs.count < ours.count {
            for index in theirs.count..<ours.count {
                diagnostics.append(
                    mismatch(
                        here(ours[index], field: field),
                        "\(what) \(index + 1) of \(field) is not in \(sourceName), which lists \(theirs.count) (\(there(nil, field: field)))",
                        expected: "expected the same \(field) in every language, in the same order: remove it here, or add it to \(sourceName)"))
            }
        }
        return diagnostics
    }

    /// Durations agree when equal; two "until …" events are in their own language's words.
    static func agree(_ a: PolicyDuration?, _ b: PolicyDuration?) -> Bool {
        if case .event = a?.kind, case .event = b?.kind { return true }
        return a == b
    }

    static func text(_ duration: PolicyDuration?) -> String { duration.map { "'\($0)'" } ?? "not stated" }
    static func written(_ duration: PolicyDuration?) -> String { duration.map { "'\($0)'" } ?? "none" }
}
