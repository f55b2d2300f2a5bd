import Foundation
import PolicyBuild
import PolicyModel
import TestSupport
import Testing

@testable import PolicyServer

/// The rule `HostGuard` applies to each request, without a server.
@Suite struct HostCheckTests {
    let check = HostCheck(listeningOn: "127.0.0.1")

    @Test func exactlyOneHostNamingThePreview() {
        #expect(check.refusal(hosts: ["localhost:8080"], target: "/", port: 8080) == nil)
        #expect(check.refusal(hosts: [], target: "/", port: 8080) == .missingHost)
        #expect(check.refusal(hosts: ["localhost", "localhost"], target: "/", port: 8080) == .duplicateHost)
        #expect(check.refusal(hosts: ["localhost:evil"], target: "/", port: 8080) == .foreign("localhost:evil"))
        #expect(check.refusal(hosts: ["localhost"], target: "*", port: 8080) == nil)
    }

    @Test func anAbsoluteTargetMustNameThePreviewToo() {
        #expect(check.refusal(hosts: ["localhost"], target: "http://localhost:8080/a?b", port: 8080) == nil)
        #expect(check.refusal(hosts: ["localhost"], target: "http://evil.example/", port: 8080) == .foreign("evil.example"))
        #expect(check.refusal(hosts: ["localhost"], target: "http://evil.example?x", port: 8080) == .foreign("evil.example"))
        #expect(check.refusal(hosts: ["localhost"], target: "http://a@localhost/", port: 8080) == .foreign("a@localhost"))
        #expect(check.refusal(hosts: ["localhost"], target: "evil.example:443", port: 8080) == .badTarget("evil.example:443"))
        #expect(check.refusal(hosts: ["localhost"], target: "1http://localhost/", port: 8080) == .badTarget("1http://localhost/"))
    }

    @Test func loopbackAddressesAreStrictDottedQuads() {
        for name in ["127.0.0.1", "127.255.255.255", "127.0.0.10"] { #expect(HostCheck.isLoopbackIPv4(name), "\(name)") }
        for name in ["127.0.0", "127.0.0.1.2", "127.0.0.256", "127.0.0.", "127..0.1", "128.0.0.1", "127.0.0.1a", "127.0.0.1234", "127.0.0.١"] {
            #expect(!HostCheck.isLoopbackIPv4(name), "\(name)")
        }
    }

    @Test func refusalsSayWhatIsAnswered() {
        let (status, text) = check.answer(to: .foreign("evil.example"), port: 8080)
        #expect(status == 421)
        #expect(
            text
                == "this preview answers only localhost, 127.0.0.1, [::1] (or another 127.x.x.x address), with no port or port 8080; 'evil.example' is not one of them\n"
        )
        #expect(check.answer(to: .missingHost, port: 8080).status == 400)
        #expect(check.answer(to: .duplicateHost, port: 8080).status == 400)
    }
}
