import Foundation
import PolicyFiles

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Every file and folder under the watched roots with its stamp.
struct TreeSnapshot: Sendable {
    var entries: [String: FileStamp] = [:]
}
