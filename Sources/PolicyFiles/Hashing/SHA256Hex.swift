import Crypto
public import Foundation
import Synchronization

public func sha256Hex(_ data: Data) -> String {
    // Hex digits by table, two lowercase digits per byte: exactly what `String(format: "%02x")`
    // per byte gives, so fingerprints stored by earlier builds still compare equal, without a
    // formatted string per byte (every page's fingerprint is hashed).
    let digits = Array("0123456789abcdef".utf8)
    var hex: [UInt8] = []
    hex.reserveCapacity(64)
    for byte in SHA256.hash(data: data) {
        hex.append(digits[Int(byte >> 4)])
        hex.append(digits[Int(byte & 0x0F)])
    }
    return String(decoding: hex, as: UTF8.self)
}
