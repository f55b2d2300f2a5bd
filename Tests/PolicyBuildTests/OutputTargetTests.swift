import Foundation
import TestSupport
import Testing

@testable import PolicyBuild

/// The decision alone, with the current and home folders given: the paths a command must never
/// be pointed at for real (`/`, the real home folder) are checked here, where nothing moves.
@Suite struct OutputTargetTests {
    static func target(_ sandbox: Sandbox) -> OutputTarget {
        OutputTarget(currentFolder: sandbox.site.path, home: sandbox.home.path)
    }

    static func refusal(_ output: String, _ sandbox: Sandbox) -> OutputTarget.Refusal? {
        do {
            try target(sandbox).check(output: output, content: "content", themes: "themes")
            return nil
        } catch {
            return error
        }
    }

    @Test func theRootTheHomeFolderAndTheirAncestorsAreRefused() throws {
        let sandbox = try Sandbox()
        #expect(Self.refusal("/", sandbox) == .holds(output: "/", what: "the content folder (content)"))
        #expect(Self.refusal("//", sandbox) == .holds(output: "//", what: "the content folder (content)"))
        #expect(Self.refusal(sandbox.home.path, sandbox) == .holds(output: sandbox.home.path, what: "the content folder (content)"))
        // Home alone (the site elsewhere): refused as the home folder.
        let elsewhere = OutputTarget(currentFolder: sandbox.outer.path, home: sandbox.middle.path)
        #expect(throws: OutputTarget.Refusal.holds(output: sandbox.middle.path, what: "your home folder")) {
            try elsewhere.check(output: sandbox.middle.path, content: sandbox.outer.path + "/c", themes: sandbox.outer.path + "/t")
        }
        #expect(Self.refusal("~", sandbox) == .tilde("~"))
        #expect(Self.refusal("~/public", sandbox) == .tilde("~/public"))
        #expect(Self.refusal("", sandbox) == .empty)
    }

    @Test func pathsAreComparedAsTheyResolve() throws {
        let sandbox = try Sandbox()
        try FileManager.default.createDirectory(at: sandbox.site.appendingPathComponent("content"), withIntermediateDirectories: true)
        // A link to the content folder is the content folder.
        try FileManager.default.createSymbolicLink(
            atPath: sandbox.middle.appendingPathComponent("alias").path, withDestinationPath: sandbox.site.appendingPathComponent("content").path)
        #expect(Self.refusal("../alias", sandbox) == .holds(output: "../alias", what: "the content folder (content)"))
        #expect(Self.refusal("../alias/x", sandbox) == .inside(output: "../alias/x", what: "the content folder (content)"))
        #expect(Self.refusal("missing/../../site", sandbox) == .holds(output: "missing/../../site", what: "the content folder (content)"))
        #expect(Self.refusal("public/./../public", sandbox) == nil)
        #expect(Self.refusal("../public", sandbox) == nil)
    }
}
