import Foundation
import Testing

// Linux only: Package.swift links mimalloc only there (`.when(platforms: [.linux])`), so on
// another system there is no claim to test and the suite does not exist.
#if os(Linux)
/// The `policysite` binary runs on mimalloc, not glibc's malloc (Package.swift links it; the
/// override holds only while mimalloc comes before glibc in the binary's library order, which a
/// change to the link line could lose without any error).
@Suite struct AllocatorTests {
    @Test func theBinaryAllocatesWithMimalloc() throws {
        // With MIMALLOC_VERBOSE set, mimalloc says so on standard error when the process starts.
        let result = try CLI.tool("/usr/bin/env", ["MIMALLOC_VERBOSE=1", CLI.binary.path, "--version"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("mimalloc: process init"), "stderr: \(result.stderr)")
        #expect(!result.stdout.isEmpty)
    }
}
#endif
