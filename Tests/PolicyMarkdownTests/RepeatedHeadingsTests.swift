import Testing

@testable import PolicyMarkdown

/// A body of one heading written thousands of times must cost time linear in the headings:
/// each heading used to try every `same-N` taken before it (20,000 headings: 46 s of `check`).
@Suite("Repeated headings")
struct RepeatedHeadingsTests {
    @Test func twentyThousandIdenticalHeadingsGetUniqueAnchors() {
        let body = String(repeating: "## Same\n\nText.\n\n", count: 20_000)
        let rendered = MarkdownRenderer().render(body)
        let ids = rendered.headings.map(\.id)
        #expect(ids.count == 20_000)
        #expect(Set(ids).count == 20_000)
        #expect(ids.prefix(3) == ["same", "same-2", "same-3"])
        #expect(ids.last == "same-20000")
        #expect(rendered.html.contains("id=\"same-20000\""))
    }

    @Test func claimingTheSameBaseAgainLooksUpAFewCandidatesEach() {
        var register = AnchorRegister(reserved: ["cookies"])
        for _ in 0..<20_000 { _ = register.claim("same") }
        _ = register.claim("cookies")
        // A heading titled "Same 3" takes `same-3` first; the next "Same" skips it.
        var mixed = AnchorRegister(reserved: [])
        #expect(mixed.claim("same") == "same")
        #expect(mixed.claim("same-2") == "same-2")
        #expect(mixed.claim("same") == "same-3")
        #expect(mixed.claim("same") == "same-4")
        #expect(register.contains("same-20000") && register.contains("cookies-2"))
        // Linear: about two candidates per heading (quadratic was 200 million).
        #expect(register.probes <= 3 * 20_001, "\(register.probes) candidate ids looked up")
    }
}
