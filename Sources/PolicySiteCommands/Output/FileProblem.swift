import Foundation
import PolicyDiagnostics

/// What went wrong writing `path`, in words, for an error line: Foundation's own description
/// is `The operation could not be completed. (NSCocoaErrorDomain error 514.)` on Linux.
func fileProblem(_ error: any Error, path: String) -> String {
    let place = Diagnostic.excerpt(path)
    var posix: POSIXErrorCode?
    if let cocoa = error as? CocoaError {
        switch cocoa.code {
        case .fileWriteFileExists: return "\(place) already exists"
        case .fileWriteInvalidFileName: return "\(place) is not a name this file system accepts (too long, or a forbidden character)"
        case .fileWriteNoPermission, .fileReadNoPermission: return "no permission to write \(place)"
        case .fileWriteOutOfSpace: return "the disk holding \(place) is full"
        case .fileWriteVolumeReadOnly: return "\(place) is on a read-only disk"
        default: posix = (cocoa.userInfo[NSUnderlyingErrorKey] as? POSIXError)?.code
        }
    }
    if let error = error as? POSIXError { posix = error.code }
    if let posix {
        return "cannot write \(place): \(String(cString: strerror(posix.rawValue)))"
    }
    return "cannot write \(place): \(error.localizedDescription)"
}
