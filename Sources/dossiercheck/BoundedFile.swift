import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads a file without ever holding more than a limit of it: the size is checked before
/// reading, and reading stops one byte past the limit (a file may grow, and devices and pipes
/// have no size). Only regular files are read: a FIFO would block, `/dev/zero` never end.
enum BoundedFile {
    enum Outcome {
        case read([UInt8])
        /// Larger than the limit: `size` is what the file system says, or the limit + 1 when reading found more.
        case tooLarge(size: Int)
        /// Not read at all, and why.
        case unreadable(String)
    }

    static func read(_ path: String, limit: Int) -> Outcome {
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else { return .unreadable(describe(errno)) }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { return .unreadable(describe(errno)) }
        switch status.st_mode & S_IFMT {
        case S_IFREG: break
        case S_IFDIR: return .unreadable("it is a folder, not a file")
        default: return .unreadable("it is not a regular file (a device, pipe or socket)")
        }
        if Int(status.st_size) > limit { return .tooLarge(size: Int(status.st_size)) }
        let capacity = limit == Int.max ? Int(status.st_size) + 1 : min(limit + 1, max(Int(status.st_size), 0) + 1)
        var bytes = [UInt8]()
        bytes.reserveCapacity(capacity)
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        while bytes.count <= limit {
            let wanted = min(chunk.count, limit + 1 - bytes.count)
            let count = chunk.withUnsafeMutableBytes { systemRead(descriptor, $0.baseAddress, wanted) }
            if count < 0 {
                if errno == EINTR { continue }
                return .unreadable(describe(errno))
            }
            if count == 0 { break }
            bytes.append(contentsOf: chunk[0..<count])
        }
        if bytes.count > limit { return .tooLarge(size: bytes.count) }
        return .read(bytes)
    }

    /// The first `count` bytes of a regular file (to look for a `dossier:` header in a file too large to read).
    static func prefix(_ path: String, count: Int) -> [UInt8]? {
        guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? handle.close() }
        guard let data = try? handle.read(upToCount: count) else { return [] }
        return [UInt8](data)
    }

    private static func systemRead(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int {
        #if canImport(Glibc)
            Glibc.read(descriptor, buffer, count)
        #else
            Darwin.read(descriptor, buffer, count)
        #endif
    }

    static func describe(_ code: Int32) -> String {
        switch code {
        case EACCES, EPERM: return "permission denied"
        case ENOENT: return "no such file or folder"
        case EISDIR: return "it is a folder, not a file"
        default: return String(cString: strerror(code)).lowercased()
        }
    }
}
