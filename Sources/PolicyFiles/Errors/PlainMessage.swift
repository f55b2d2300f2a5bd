import Foundation

/// An error as words for the person at the terminal. Foundation's file errors print as
/// `Error Domain=NSCocoaErrorDomain Code=512 "(null)" UserInfo={…}`, which says nothing a user
/// can act on: they become the path and the system's reason. Other errors keep their own text.
public func plainMessage(_ error: any Error) -> String {
    if let error = error as? FileAccessError { return error.description }
    if let error = error as? CocoaError {
        let path = error.userInfo[NSFilePathErrorKey] as? String ?? error.userInfo[NSURLErrorKey].flatMap { ($0 as? URL)?.path }
        let reason = posixReason(error.userInfo[NSUnderlyingErrorKey]) ?? cocoaReason(error.code)
        return path.map { "\($0): \(reason)" } ?? reason
    }
    if let reason = posixReason(error) { return reason }
    return "\(error)"
}

/// The system's words for a POSIX error, or nil when `error` is not one.
private func posixReason(_ error: Any?) -> String? {
    if let error = error as? POSIXError { return String(cString: strerror(error.code.rawValue)) }
    if let error = error as? NSError, error.domain == NSPOSIXErrorDomain { return String(cString: strerror(Int32(error.code))) }
    return nil
}

private func cocoaReason(_ code: CocoaError.Code) -> String {
    switch code {
    case .fileNoSuchFile, .fileReadNoSuchFile: "no such file or folder"
    case .fileWriteFileExists: "something is already there"
    case .fileReadNoPermission, .fileWriteNoPermission: "permission denied"
    case .fileWriteOutOfSpace: "no space left on the disk"
    case .fileWriteVolumeReadOnly: "the disk is read-only"
    case .fileWriteInvalidFileName: "the name cannot be used for a file"
    case .fileReadCorruptFile, .fileReadUnknownStringEncoding, .fileReadInapplicableStringEncoding: "the file is not valid text"
    default: "the file operation failed (code \(code.rawValue))"
    }
}
