import Foundation
import PolicyDiagnostics
import PolicyModel
import PolicyText
import TestSupport
import Testing

@testable import PolicyContent
@testable import PolicyFiles

/// What the disk gives back for each thing a content file can be instead of a file, and the
/// confinement that keeps symbolic links inside the site's folders.
@Suite struct LocalFileSystemTests {
    /// A content folder with one company, on disk in a sandbox, and the site folder.
    static func site() throws -> (Sandbox, content: String) {
        let sandbox = try Sandbox()
        let content = sandbox.site.appendingPathComponent("content")
        for (path, text) in Content.fileSystem().files {
            let url = sandbox.site.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url)
        }
        return (sandbox, content.path)
    }

    static func errors(_ content: String) -> [String] {
        ContentLoader(fileSystem: LocalFileSystem(confinedTo: [content])).load(contentPath: content).diagnostics.errors.map {
            "\(($0.location.file as NSString).lastPathComponent): \($0.code): \($0.message)"
        }
    }

    @Test func eachKindOfNonFileGetsItsOwnMessage() throws {
        let (_, content) = try Self.site()
        let company = content + "/acme/company.yml"
        let original = try Data(contentsOf: URL(fileURLWithPath: company))
        #expect(Self.errors(content).isEmpty)

        try FileManager.default.removeItem(atPath: company)
        #expect(Self.errors(content) == ["company.yml: missing-file: file is missing"])

        try FileManager.default.createDirectory(atPath: company, withIntermediateDirectories: false)
        #expect(Self.errors(content) == ["company.yml: not-a-file: is a folder, not a file"])
        try FileManager.default.removeItem(atPath: company)

        // A FIFO is refused at once; reading it would wait for a writer forever.
        #expect(mkfifo(company, 0o644) == 0)
        #expect(Self.errors(content) == ["company.yml: not-a-file: is not a regular file (a pipe, socket or device), so it is not read"])
        try FileManager.default.removeItem(atPath: company)

        try FileManager.default.createSymbolicLink(atPath: company, withDestinationPath: "company.yml")
        #expect(Self.errors(content) == ["company.yml: link-loop: is a symbolic link that leads back to itself (a loop)"])
        try FileManager.default.removeItem(atPath: company)

        try FileManager.default.createSymbolicLink(atPath: company, withDestinationPath: "gone.yml")
        #expect(Self.errors(content) == ["company.yml: dangling-link: is a symbolic link to a file that does not exist"])
        try FileManager.default.removeItem(atPath: company)

        try original.write(to: URL(fileURLWithPath: company))
        #expect(Self.errors(content).isEmpty)
    }

    @Test func aFileTheSystemRefusesSaysSo() {
        // Root reads any file, so the refusal is checked where errno is turned into the error.
        #expect(FileAccessError.fromErrno("content/site.yml", EACCES) == .unreadable("content/site.yml", reason: "Permission denied"))
        #expect(FileAccessError.unreadable("x", reason: "Permission denied").diagnostic().expected == "make the file readable by the user running policysite")
    }

    @Test func aLinkOutOfTheRootsIsNamedButItsTargetNeverIs() throws {
        let (sandbox, content) = try Self.site()
        let secret = sandbox.middle.appendingPathComponent("id_rsa")
        try Data("PRIVATE KEY\n".utf8).write(to: secret)
        let confined = LocalFileSystem(confinedTo: [content])
        let company = content + "/acme/company.yml"
        try FileManager.default.removeItem(atPath: company)
        try FileManager.default.createSymbolicLink(atPath: company, withDestinationPath: secret.path)
        #expect(throws: FileAccessError.linkLeavesSite(path: company, link: company)) { try confined.readFile(company) }
        #expect(!FileAccessError.linkLeavesSite(path: company, link: company).diagnostic().description.contains("id_rsa"))
        // Unconfined, the same path is read: confinement is what refuses it.
        #expect(try LocalFileSystem().readFile(company) == Data("PRIVATE KEY\n".utf8))

        // A folder on the way that leads out is the link named.
        let outside = sandbox.middle.appendingPathComponent("other")
        try FileManager.default.createDirectory(at: outside, withIntermediateDirectories: true)
        try Data("x: 1\n".utf8).write(to: outside.appendingPathComponent("company.yml"))
        try FileManager.default.createSymbolicLink(atPath: content + "/evil", withDestinationPath: outside.path)
        #expect(throws: FileAccessError.linkLeavesSite(path: content + "/evil/company.yml", link: content + "/evil")) {
            try confined.readFile(content + "/evil/company.yml")
        }
        #expect(throws: FileAccessError.linkLeavesSite(path: content + "/evil", link: content + "/evil")) {
            try confined.contentsOfDirectory(content + "/evil")
        }
    }

    @Test func linksThatStayInsideAndALinkedRootAreFollowed() throws {
        let (sandbox, content) = try Self.site()
        let policy = content + "/acme/en/privacy.md"
        try FileManager.default.moveItem(atPath: policy, toPath: content + "/acme/en/text.md")
        try FileManager.default.createSymbolicLink(atPath: policy, withDestinationPath: "text.md")
        #expect(try LocalFileSystem(confinedTo: [content]).readFile(policy).count > 0)

        let alias = sandbox.middle.appendingPathComponent("content-link").path
        try FileManager.default.createSymbolicLink(atPath: alias, withDestinationPath: content)
        #expect(try LocalFileSystem(confinedTo: [alias]).readFile(alias + "/acme/company.yml").count > 0)
    }

    @Test func aContentPathThatIsAFileOrMissingSaysSo() throws {
        let (sandbox, content) = try Self.site()
        let file = sandbox.site.appendingPathComponent("notes.txt").path
        try Data("x".utf8).write(to: URL(fileURLWithPath: file))
        #expect(Self.errors(file) == ["notes.txt: content-not-a-folder: is a file, not the content folder"])
        #expect(Self.errors(content + "-missing") == ["content-missing: no-content-folder: the content folder does not exist"])
    }
}

@Suite struct PlainMessageTests {
    @Test func foundationsFileErrorsBecomeThePathAndTheReason() {
        let withCause = CocoaError(
            .fileWriteUnknown, userInfo: [NSFilePathErrorKey: "public/a.html", NSUnderlyingErrorKey: POSIXError(.ENOSPC)])
        #expect(plainMessage(withCause) == "public/a.html: No space left on device")
        #expect(plainMessage(CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: "x"])) == "x: permission denied")
        #expect(plainMessage(CocoaError(.fileReadNoSuchFile)) == "no such file or folder")
        #expect(plainMessage(POSIXError(.EACCES)) == "Permission denied")
        #expect(plainMessage(FileAccessError.missing("a.yml")) == "a.yml: file is missing")
        for error: any Error in [withCause, CocoaError(.fileWriteOutOfSpace), POSIXError(.EIO)] {
            #expect(!plainMessage(error).contains("Domain"))
        }
    }
}
