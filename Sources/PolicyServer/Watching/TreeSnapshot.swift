import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
import PolicyFiles
#endif

/// Every file and folder under the watched roots with its stamp.
struct TreeSnapshot: Sendable {
    var entries: [String: FileStamp] = [:]
}
