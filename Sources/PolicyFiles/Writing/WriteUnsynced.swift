public import Foundation

/// Writes `data` to a file at `path` without the `fsync` that Foundation's `Data.write` makes
/// for every file: build output and caches can be made again from the content, so a file a
/// crash loses costs a rebuild, never data (a site has tens of thousands). An existing file is truncated and written in place, so
/// a hard-linked one would change at every link: write only to new paths (a staging folder, a
/// temporary name), never to a file of the published output.
public func writeUnsynced(_ data: Data, to path: String) throws {
    let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
    guard descriptor >= 0 else { throw fileWriteError(path) }
    defer { close(descriptor) }
    try data.withUnsafeBytes { buffer in
        var offset = 0
        while offset < buffer.count {
            let written = write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                throw fileWriteError(path)
            }
            offset += written
        }
    }
}

/// The error for a failed system call on `path`, from `errno`.
public func fileWriteError(_ path: String) -> any Error {
    CocoaError(
        .fileWriteUnknown, userInfo: [NSFilePathErrorKey: path, NSUnderlyingErrorKey: POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)])
}
