import Checking
import Foundation
import Portal
import TestSupport
import Validators

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// A portal started for a test on a free loopback port (port 0, the bound one read back), its
/// access log kept in memory; stopped by cancelling its task.
final class RunningPortal: @unchecked Sendable {
    let port: Int
    private let task: Task<Void, any Error>

    static func start(
        maxBodySize: Int = 2 << 20, requestTimeout: Duration = .seconds(10), maxConcurrent: Int = 4,
        limits: CheckLimits = .default, checker: Checker = Fixtures.checker
    ) async throws -> RunningPortal {
        let configuration = PortalConfiguration(
            host: "127.0.0.1", port: 0, maxBodySize: maxBodySize, requestTimeout: requestTimeout, maxConcurrent: maxConcurrent,
            version: "0.1.0")
        let lines = Lines()
        let portal = Portal(
            configuration: configuration, engine: PortalEngine(checker: checker, limits: limits, version: "0.1.0"),
            log: { lines.append($0) })
        let (ports, continuation) = AsyncStream.makeStream(of: Int.self)
        let task = Task {
            try await portal.run(handlingSignals: false) { port in continuation.yield(port) }
        }
        var iterator = ports.makeAsyncIterator()
        guard let port = await iterator.next() else { throw CocoaError(.featureUnsupported) }
        return RunningPortal(port: port, task: task, lines: lines)
    }

    private init(port: Int, task: Task<Void, any Error>, lines: Lines) {
        self.port = port
        self.task = task
        self.logLinesStore = lines
    }

    private let logLinesStore: Lines

    /// The access log's lines so far.
    var log: [String] { logLinesStore.values }

    func stop() async {
        task.cancel()
        _ = try? await task.value
    }

    var base: URL { URL(string: "http://127.0.0.1:\(port)")! }

    struct Answer {
        var status: Int
        var headers: [String: String]
        var body: Data
        var text: String { String(decoding: body, as: UTF8.self) }
        func header(_ name: String) -> String? { headers.first { $0.key.lowercased() == name.lowercased() }?.value }
        var json: [String: Any]? { (try? JSONSerialization.jsonObject(with: body)) as? [String: Any] }
    }

    /// One request; redirects are not followed.
    func request(_ method: String, _ path: String, body: Data? = nil, headers: [String: String] = [:]) async throws -> Answer {
        var request = URLRequest(url: URL(string: path, relativeTo: base)!)
        request.httpMethod = method
        request.httpBody = body
        request.timeoutInterval = 60
        for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
        let session = URLSession(configuration: .ephemeral, delegate: NoRedirects(), delegateQueue: nil)
        defer { session.finishTasksAndInvalidate() }
        let (data, response) = try await session.data(for: request)
        let http = response as! HTTPURLResponse
        var fields: [String: String] = [:]
        for (key, value) in http.allHeaderFields { fields["\(key)"] = "\(value)" }
        return Answer(status: http.statusCode, headers: fields, body: data)
    }

    func get(_ path: String) async throws -> Answer { try await request("GET", path) }

    func post(_ path: String, _ body: Data, contentType: String = "application/yaml") async throws -> Answer {
        try await request("POST", path, body: body, headers: ["Content-Type": contentType])
    }

    private final class NoRedirects: NSObject, URLSessionTaskDelegate, @unchecked Sendable {
        func urlSession(
            _ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
            newRequest request: URLRequest,
            completionHandler: @escaping (URLRequest?) -> Void
        ) {
            completionHandler(nil)
        }
    }
}

/// Lines appended from any thread.
final class Lines: @unchecked Sendable {
    private let lock = NSLock()
    private var lines: [String] = []

    func append(_ line: String) {
        lock.lock()
        lines.append(line)
        lock.unlock()
    }

    var values: [String] {
        lock.lock()
        defer { lock.unlock() }
        return lines
    }
}

/// A program run without blocking a thread of Swift concurrency's pool (the portal under test
/// answers on that pool while the program runs).
enum Program {
    struct Run {
        var status: Int32
        var stdout: Data
        var stderr: String
    }

    static func run(_ executable: URL, _ arguments: [String], in directory: URL? = nil) async throws -> Run {
        try await withCheckedThrowingContinuation { continuation in
            Thread {
                do {
                    let process = Process()
                    process.executableURL = executable
                    process.arguments = arguments
                    if let directory { process.currentDirectoryURL = directory }
                    var environment = ProcessInfo.processInfo.environment
                    environment["NO_COLOR"] = "1"
                    process.environment = environment
                    let out = Pipe()
                    let err = Pipe()
                    process.standardOutput = out
                    process.standardError = err
                    try process.run()
                    // Standard error is read on a thread of its own, so neither pipe can fill up and block.
                    let errors = Lines()
                    let reader = Thread {
                        errors.append(String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self))
                    }
                    reader.start()
                    let stdout = out.fileHandleForReading.readDataToEndOfFile()
                    process.waitUntilExit()
                    while errors.values.isEmpty { usleep(1000) }
                    continuation.resume(
                        returning: Run(status: process.terminationStatus, stdout: stdout, stderr: errors.values.joined()))
                } catch {
                    continuation.resume(throwing: error)
                }
            }.start()
        }
    }

    /// `dossiercheck` with `arguments` in `directory`.
    static func dossiercheck(_ arguments: [String], in directory: URL) async throws -> Run {
        try await run(Fixtures.binary, arguments, in: directory)
    }
}
