import ArgumentParser
import Checking
import Dispatch
import Foundation
import Portal
import Validators

/// The pre-check portal: a web page and a JSON API over the same engine as `check`.
struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the pre-check portal: a web page where applicants check a dossier, and a JSON API.",
        discussion: """
            Binds to 127.0.0.1 unless --host says otherwise: put a reverse proxy in front for TLS. \
            Nothing an applicant sends is written to disk or logged beyond its size and SHA-256; \
            each request is logged to standard error as one JSON line. Stops on SIGTERM or SIGINT.
            """)

    @Option(help: "The address to listen on.")
    var host = "127.0.0.1"

    @Option(help: "The port to listen on (0: a free one, printed at start).")
    var port = 8080

    @Option(help: ArgumentHelp("Largest request body read; past it, 413.", valueName: "size"))
    var maxBodySize = ByteCount(2 << 20)

    @Option(
        help: ArgumentHelp(
            "Longest a request may take, reading and checking the dossier; past it, 503 (10s, 500ms, 1m).", valueName: "time"))
    var requestTimeout = TimeLimit(milliseconds: 10_000)

    @Option(
        help: ArgumentHelp(
            "Most dossiers read and checked at once (default: 4 per core); past it, 503 with Retry-After.", valueName: "n"))
    var maxConcurrent: Int?

    @OptionGroup var rules: RuleOptions

    @OptionGroup(title: "Limits (past one, a dossier or rule is refused with a located finding)")
    var limits: LimitOptions

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be between 0 and 65535") }
        guard maxBodySize.bytes >= 1 else { throw ValidationError("--max-body-size must be at least 1 byte") }
        guard requestTimeout.milliseconds >= 1 else { throw ValidationError("--request-timeout must be at least 1ms") }
        if let maxConcurrent, maxConcurrent < 1 { throw ValidationError("--max-concurrent must be at least 1") }
        guard !host.isEmpty else { throw ValidationError("--host must name an address") }
    }

    func run() throws {
        let checker = try rules.makeConfiguredChecker(limits: limits.evaluation)
        let configuration = PortalConfiguration(
            host: host, port: port, maxBodySize: maxBodySize.bytes, requestTimeout: requestTimeout.duration,
            maxConcurrent: maxConcurrent ?? 4 * ProcessInfo.processInfo.activeProcessorCount, version: Dossiercheck.version)
        let portal = Portal(
            configuration: configuration,
            engine: PortalEngine(checker: checker, limits: limits.check, version: Dossiercheck.version))
        let host = self.host
        let outcome = Outcome()
        let done = DispatchSemaphore(value: 0)
        // The server runs in Swift concurrency; this thread waits for it to stop (SIGTERM, SIGINT).
        Task {
            do {
                try await portal.run { port in
                    let shown = host.contains(":") ? "[\(host)]" : host
                    Terminal.error("dossiercheck: serving the pre-check portal on http://\(shown):\(port)/")
                }
            } catch {
                outcome.failure = "\(error)"
            }
            done.signal()
        }
        done.wait()
        if let failure = outcome.failure {
            Terminal.error("error: the portal stopped: \(failure)")
            throw ExitStatus.unusable
        }
    }

    /// How the server ended, handed from its task to the waiting thread.
    private final class Outcome: @unchecked Sendable {
        var failure: String?
    }
}

extension TimeLimit: ExpressibleByArgument {}
