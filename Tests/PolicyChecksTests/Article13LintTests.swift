import PolicyChecks
import PolicyModel
import PolicyYAML
import Testing

/// The lint on policies with and without each Article 13 item.
@Suite struct Article13LintTests {
    static let company = """
        legal_name: Acme Ltd
        display_name: Acme
        privacy_email: privacy@acme.example
        dpo: {name: Dana Protector, email: dpo@acme.example}
        supervisory_authority: {name: CNIL, country: FR}
        """

    /// A policy stating every item.
    static let complete: [String: String] = [
        "head": "title: Privacy\nversion: \"1.0\"\neffective: 2025-01-01\nlast_updated: 2025-01-01",
        "purposes":
            "purposes:\n  - purpose: Newsletter\n    legal_basis: consent\n  - purpose: Fraud prevention\n    legal_basis: legitimate_interests\n    legitimate_interest: keeping accounts safe",
        "third_parties": "third_parties:\n  - name: Mail provider\n    purpose: Sending e-mail",
        "transfers": "transfers:\n  - destination: United States\n    country: US\n    safeguards: Standard contractual clauses",
        "retention": "retention:\n  - data: Accounts\n    period: 2 years",
        "rights":
            "rights:\n  items:\n    - right: access\n    - right: rectification\n    - right: erasure\n    - right: restriction\n    - right: objection\n    - right: portability\n    - right: withdraw_consent\n    - right: complaint",
        "data_required": "data_required: An e-mail address is needed to create an account.",
        "automated_decisions": "automated_decisions: We make no decisions by automated means alone.",
    ]

    func lint(_ parts: [String: String], company: String = company) throws -> [String: Article13Lint.Finding] {
        let yaml = ["head", "purposes", "third_parties", "transfers", "retention", "rights", "data_required", "automated_decisions"].compactMap { parts[$0] }
            .joined(separator: "\n")
        let (policy, problems) = StrictYAMLDecoder(file: "p.md").decode(PolicyFrontMatter.self, from: yaml)
        #expect(problems.isEmpty, "\(problems)")
        let (info, infoProblems) = StrictYAMLDecoder(file: "company.yml").decode(CompanyInfo.self, from: company)
        #expect(infoProblems.isEmpty, "\(infoProblems)")
        let findings = Article13Lint.lint(try #require(policy), company: try #require(info))
        return Dictionary(uniqueKeysWithValues: findings.map { ($0.item, $0) })
    }

    @Test func aCompletePolicyHasEveryItem() throws {
        let findings = try lint(Self.complete)
        #expect(findings.count == Article13Lint.items.count)
        for item in Article13Lint.items {
            #expect(findings[item.id]?.status == .present, "\(item.id): \(String(describing: findings[item.id]))")
        }
    }

    /// Removing one part of the data turns exactly the items read from it to missing/partial.
    @Test(arguments: [
        ("purposes", ["purposes", "legitimate-interests"]),
        ("third_parties", ["recipients"]),
        ("transfers", ["transfers"]),
        ("retention", ["retention"]),
        ("rights", ["rights", "withdraw-consent", "complaint"]),
        ("data_required", ["data-required"]),
        ("automated_decisions", ["automated-decisions"]),
    ])
    func removingAPartReportsItsItems(_ part: String, _ affected: [String]) throws {
        var parts = Self.complete
        parts[part] = nil
        let findings = try lint(parts)
        for item in Article13Lint.items {
            let status = findings[item.id]!.status
            if affected.contains(item.id) {
                #expect(status == .missing || status == .partial, "\(item.id) should be reported without \(part), was \(status)")
            } else {
                #expect(status == .present || status == .notApplicable, "\(item.id) should not depend on \(part), was \(status)")
            }
        }
    }

    @Test func controllerAndDPOComeFromCompanyData() throws {
        let findings = try lint(Self.complete, company: "legal_name: Acme Ltd\ndisplay_name: Acme")
        #expect(findings["controller"]?.status == .partial)
        #expect(findings["dpo"]?.status == .missing)
        #expect(findings["complaint"]?.detail == "listed, no authority named")
    }

    @Test func partialItemsSayWhatIsMissing() throws {
        var parts = Self.complete
        parts["purposes"] =
            "purposes:\n  - purpose: Newsletter\n    legal_basis: consent\n  - purpose: Analytics\n  - purpose: Security\n    legal_basis: legitimate_interests"
        parts["rights"] = "rights:\n  items:\n    - right: access\n    - right: erasure\n    - right: complaint"
        parts["transfers"] = "transfers:\n  - destination: Tunisia\n  - destination: France\n    safeguards: Hosting contract"
        let findings = try lint(parts)
        #expect(findings["purposes"]?.detail == "1 of 3 purposes have no legal basis")
        #expect(findings["legitimate-interests"]?.status == .partial)
        #expect(findings["rights"]?.detail == "missing rectification, restriction, objection, portability")
        #expect(findings["transfers"]?.detail == "1 of 2 transfers state no safeguards")
        #expect(findings["withdraw-consent"]?.detail == "consent is relied on but withdrawing it is not explained")
    }

    @Test func consentNotUsedMakesWithdrawalNotApplicable() throws {
        var parts = Self.complete
        parts["purposes"] = "purposes:\n  - purpose: Billing\n    legal_basis: contract"
        parts["rights"] = "rights:\n  items:\n    - right: access\n    - right: complaint"
        let findings = try lint(parts)
        #expect(findings["withdraw-consent"]?.status == .notApplicable)
        #expect(findings["legitimate-interests"]?.status == .notApplicable)
    }
}
