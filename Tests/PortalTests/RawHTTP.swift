import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A TCP connection to the portal on loopback that sends exactly the bytes a test writes and reads
/// back the raw answer: for what a URL session would not send (bad framing, HTTP/1.0, `Expect`),
/// or would hide (`100 Continue`, a connection closed). Blocking, with a receive timeout on every
/// read, so nothing waits forever; used on a thread of its own (`RawHTTP.run`), never on Swift
/// concurrency's shared pool, on which the portal under test answers.
final class RawConnection: @unchecked Sendable {
    private let socket: Int32
    /// Bytes received and not yet taken by `response`.
    private var pending: [UInt8] = []

    init(port: Int) throws {
        socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socket >= 0 else { throw RawHTTP.Failure(reason: "no socket") }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard connected == 0 else {
            Glibc.close(socket)
            throw RawHTTP.Failure(reason: "cannot connect to port \(port)")
        }
    }

    deinit { Glibc.close(socket) }

    /// Sends all of `text`; false when the portal has closed the connection.
    @discardableResult
    func send(_ text: String) -> Bool { send(Array(text.utf8)) }

    @discardableResult
    func send(_ bytes: [UInt8]) -> Bool {
        var offset = 0
        while offset < bytes.count {
            let sent = bytes[offset...].withUnsafeBytes { Glibc.send(socket, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            guard sent > 0 else { return false }
            offset += sent
        }
        return true
    }

    /// Reads what arrives within `timeout` seconds: the bytes, and whether the portal closed the connection.
    private func read(timeout: Double) -> (bytes: [UInt8], closed: Bool) {
        var tv = timeval(tv_sec: Int(timeout), tv_usec: Int((timeout - Double(Int(timeout))) * 1_000_000))
        setsockopt(socket, SOL_SOCKET, SO_RCVTIMEO, &tv, socklen_t(MemoryLayout<timeval>.size))
        var buffer = [UInt8](repeating: 0, count: 65536)
        let count = recv(socket, &buffer, buffer.count, 0)
        if count == 0 { return ([], true) }
        if count < 0 { return ([], errno == ECONNRESET) }
        return (Array(buffer[..<count]), false)
    }

    /// The next whole response (a `HEAD`'s without a body), or nil when none came within `timeout`
    /// seconds or the connection closed first.
    func response(timeout: Double = 10, toHead: Bool = false) -> RawHTTP.Response? {
        let end = Date().addingTimeInterval(timeout)
        while Date() < end {
            if let (response, used) = RawHTTP.Response.parse(pending, toHead: toHead) {
                pending.removeFirst(used)
                return response
            }
            let (bytes, closed) = read(timeout: max(0.05, min(1, end.timeIntervalSinceNow)))
            if closed { return RawHTTP.Response.parse(pending, toHead: toHead, closed: true)?.0 }
            pending += bytes
        }
        return nil
    }

    /// Whether the portal closes the connection within `timeout` seconds (what it sends meanwhile is kept).
    func closes(within timeout: Double) -> Bool {
        let end = Date().addingTimeInterval(timeout)
        while Date() < end {
            let (bytes, closed) = read(timeout: max(0.05, min(1, end.timeIntervalSinceNow)))
            if closed { return true }
            pending += bytes
        }
        return false
    }
}

enum RawHTTP {
    struct Failure: Error {
        var reason: String
    }

    /// A response as received: status, headers (names in lower case), body.
    struct Response {
        var status: Int
        var headers: [String: String]
        var body: [UInt8]
        var text: String { String(decoding: body, as: UTF8.self) }

        /// A response at the start of `bytes` and how many bytes it took; nil if it is not whole yet.
        static func parse(_ bytes: [UInt8], toHead: Bool, closed: Bool = false) -> (Response, Int)? {
            let separator = Array("\r\n\r\n".utf8)
            guard let end = (0..<max(0, bytes.count - 3)).first(where: { Array(bytes[$0..<$0 + 4]) == separator }) else {
                return nil
            }
            let head = String(decoding: bytes[..<end], as: UTF8.self).components(separatedBy: "\r\n")
            let statusParts = head[0].split(separator: " ")
            guard statusParts.count >= 2, let status = Int(statusParts[1]) else { return nil }
            var headers: [String: String] = [:]
            for line in head.dropFirst() {
                guard let colon = line.firstIndex(of: ":") else { continue }
                headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            }
            let start = end + 4
            let length =
                (100..<200).contains(status) || toHead
                ? 0 : Int(headers["content-length"] ?? "") ?? (closed ? bytes.count - start : -1)
            guard length >= 0, bytes.count - start >= length else { return nil }
            return (Response(status: status, headers: headers, body: Array(bytes[start..<start + length])), start + length)
        }
    }

    /// Runs `work` (blocking socket calls) on a thread of its own.
    static func run<Value: Sendable>(_ work: @escaping @Sendable () throws -> Value) async throws -> Value {
        try await withCheckedThrowingContinuation { continuation in
            Thread { continuation.resume(with: Result { try work() }) }.start()
        }
    }

    /// One exchange on a new connection: `request` sent whole, the response read.
    static func exchange(_ port: Int, _ request: String, toHead: Bool = false) async throws -> Response {
        try await run {
            let connection = try RawConnection(port: port)
            connection.send(request)
            guard let response = connection.response(toHead: toHead) else {
                throw Failure(reason: "no response to \(request.prefix(60))")
            }
            return response
        }
    }
}
