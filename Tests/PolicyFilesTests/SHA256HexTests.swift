import Foundation
import PolicyFiles
import Testing

@Suite struct SHA256HexTests {
    /// FIPS 180-2's examples: the hashes that archive checks and caches are keyed by.
    @Test func knownDigests() {
        #expect(sha256Hex(Data("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(sha256Hex(Data()) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    }
}
