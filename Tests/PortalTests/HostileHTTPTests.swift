import Foundation
import Testing

@testable import Portal

/// HTTP as the standards say, asserted on the raw bytes the portal answers on a loopback socket:
/// framing errors, `Expect`, methods, `HEAD`, HTTP/1.0, long request-targets, the access log, and
/// slow senders. Every read has a timeout; every test is bounded in connections and time.
@Suite(.serialized) struct HostileHTTPTests {
    static let dossier = "dossier: 1\nkind: reseau-dossier\nid: R-1\ntitle: T\nlanguage: en\n"

    @Test func malformedFramingAndUnsupportedCodingsAre400() async throws {
        let portal = try await RunningPortal.start()
        defer { Task { await portal.stop() } }
        let requests = [
            "a bad chunk size":
                "POST /api/v1/check HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\nZZ\r\nabc\r\n0\r\n\r\n",
            "a bad chunk size to the form":
                "POST /check HTTP/1.1\r\nHost: a\r\nContent-Type: multipart/form-data; boundary=x\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nabcde\r\nQ\r\n",
            "gzip": "POST /api/v1/check HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: gzip\r\n\r\nabc",
            "gzip then chunked":
                "POST /api/v1/check HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: gzip, chunked\r\n\r\n3\r\nabc\r\n0\r\n\r\n",
            "two lengths": "POST /api/v1/check HTTP/1.1\r\nHost: a\r\nContent-Length: 3\r\nContent-Length: 4\r\n\r\nabcd",
            "a length and chunked":
                "POST /api/v1/check HTTP/1.1\r\nHost: a\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n0\r\n\r\n",
            "a bad request line": "GET / HTTP/1.1 extra\r\nHost: a\r\n\r\n",
        ]
        for (what, request) in requests {
            let (response, closed) = try await RawHTTP.run {
                let connection = try RawConnection(port: portal.port)
                connection.send(request)
                let response = connection.response(timeout: 5)
                return (response, connection.closes(within: 5))
            }
            #expect(response?.status == 400, "\(what): \(response.map { "\($0.status) \($0.text)" } ?? "no response")")
            #expect(closed, "\(what): the connection stays open after a framing error")
        }
        #expect(try await portal.get("/healthz").status == 200)
    }

    @Test func expect100ContinueIsAnsweredBeforeTheBody() async throws {
        let portal = try await RunningPortal.start()
        defer { Task { await portal.stop() } }
        let body = Self.dossier
        let (interim, final) = try await RawHTTP.run {
            let connection = try RawConnection(port: portal.port)
            connection.send(
                "POST /api/v1/check HTTP/1.1\r\nHost: a\r\nContent-Type: application/yaml\r\nContent-Length: \(body.utf8.count)\r\nExpect: 100-continue\r\n\r\n"
            )
            let interim = connection.response(timeout: 5)
            connection.send(body)
            return (interim, connection.response(timeout: 10))
        }
        #expect(interim?.status == 100)
        #expect(final?.status == 200)
        #expect(final?.text.contains("\"summary\"") == true)

        // Too large by its declared length: the final answer at once, no 100, and the connection ends.
        let (refused, closed) = try await RawHTTP.run {
            let connection = try RawConnection(port: portal.port)
            connection.send("POST /api/v1/check HTTP/1.1\r\nHost: a\r\nContent-Length: 999999999\r\nExpect: 100-continue\r\n\r\n")
            return (connection.response(timeout: 5), connection.closes(within: 5))
        }
        #expect(refused?.status == 413)
        #expect(closed)
        let other = try await RawHTTP.exchange(
            portal.port, "POST /api/v1/check HTTP/1.1\r\nHost: a\r\nContent-Length: 3\r\nExpect: something-else\r\n\r\n")
        #expect(other.status == 417)
    }

    @Test func wrongMethodsAre405WithAllowAndHeadGoesWhereGetGoes() async throws {
        let portal = try await RunningPortal.start()
        defer { Task { await portal.stop() } }
        let cases: [(String, String, String)] = [
            ("PUT", "/", "GET, HEAD"), ("POST", "/rules", "GET, HEAD"), ("DELETE", "/rules/HDR-001", "GET, HEAD"),
            ("GET", "/api/v1/check", "POST"), ("PUT", "/api/v1/check", "POST"), ("POST", "/healthz", "GET, HEAD"),
            ("PATCH", "/check", "POST, GET, HEAD"), ("POST", "/templates/reseau-dossier.yaml", "GET, HEAD"),
        ]
        for (method, path, allow) in cases {
            let response = try await RawHTTP.exchange(
                portal.port, "\(method) \(path) HTTP/1.1\r\nHost: a\r\nContent-Length: 0\r\n\r\n")
            #expect(response.status == 405, "\(method) \(path)")
            #expect(response.headers["allow"] == allow, "\(method) \(path)")
        }
        #expect(
            try await RawHTTP.exchange(portal.port, "PUT /nowhere HTTP/1.1\r\nHost: a\r\nContent-Length: 0\r\n\r\n").status == 404
        )

        for path in [
            "/", "/rules", "/rules/HDR-001", "/healthz", "/static/portal.css", "/api/v1/rules", "/templates/reseau-dossier.yaml",
        ] {
            let (head, get) = try await RawHTTP.run {
                let connection = try RawConnection(port: portal.port)
                connection.send("HEAD \(path) HTTP/1.1\r\nHost: a\r\n\r\n")
                let head = connection.response(timeout: 10, toHead: true)
                // The same connection still frames the next answer right: HEAD sent no body.
                connection.send("GET \(path) HTTP/1.1\r\nHost: a\r\n\r\n")
                return (head, connection.response(timeout: 10))
            }
            #expect(head?.status == 200, "HEAD \(path)")
            #expect(get?.status == 200, "GET \(path) after HEAD")
            #expect(head?.headers["content-length"] == get.map { String($0.body.count) }, "HEAD \(path)")
            #expect(head?.headers["content-type"] == get?.headers["content-type"], "HEAD \(path)")
        }
    }

    @Test func http10ClosesUnlessKeepAliveIsAskedFor() async throws {
        let portal = try await RunningPortal.start()
        defer { Task { await portal.stop() } }
        let (plain, closed) = try await RawHTTP.run {
            let connection = try RawConnection(port: portal.port)
            connection.send("GET /healthz HTTP/1.0\r\n\r\n")
            return (connection.response(timeout: 5), connection.closes(within: 5))
        }
        #expect(plain?.status == 200)
        #expect(plain?.headers["connection"] == "close")
        #expect(closed, "an HTTP/1.0 connection without keep-alive is closed after the response")

        let (first, second) = try await RawHTTP.run {
            let connection = try RawConnection(port: portal.port)
            connection.send("GET /healthz HTTP/1.0\r\nConnection: keep-alive\r\n\r\n")
            let first = connection.response(timeout: 5)
            connection.send("GET /healthz HTTP/1.0\r\nConnection: keep-alive\r\n\r\n")
            return (first, connection.response(timeout: 5))
        }
        #expect(first?.headers["connection"] == "keep-alive")
        #expect(second?.status == 200, "keep-alive asked for: the connection serves a second request")

        let (closing, closedToo) = try await RawHTTP.run {
            let connection = try RawConnection(port: portal.port)
            connection.send("GET /healthz HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n")
            return (connection.response(timeout: 5), connection.closes(within: 5))
        }
        #expect(closing?.headers["connection"] == "close")
        #expect(closedToo)
    }

    /// A long request-target is 414 with a short page; a path is never echoed into a link; the
    /// access log's fields are capped.
    @Test func longTargetsAreRefusedAndPathsNeverEchoed() async throws {
        let portal = try await RunningPortal.start()
        defer { Task { await portal.stop() } }
        let long = "/" + String(repeating: "a", count: 24_000)
        let refused = try await RawHTTP.exchange(portal.port, "GET \(long) HTTP/1.1\r\nHost: a\r\n\r\n")
        #expect(refused.status == 414)
        #expect(refused.body.count < 8192)
        #expect(!refused.text.contains("aaaaaaaaaa"))
        let api = try await RawHTTP.exchange(
            portal.port,
            "POST /api/v1/check?name=\(String(repeating: "n", count: 5000)) HTTP/1.1\r\nHost: a\r\nContent-Length: 0\r\n\r\n")
        #expect(api.status == 414)
        #expect(api.text.contains("\"uri-too-long\""))

        for path in ["//evil.example/x", "/x/..//evil.example", "/%2F%2Fevil.example", "/rules/%22onmouseover=alert(1)"] {
            let response = try await RawHTTP.exchange(portal.port, "GET \(path) HTTP/1.1\r\nHost: a\r\n\r\n")
            #expect(response.status == 404, "\(path)")
            #expect(!response.text.contains("evil.example"), "\(path) is echoed")
            #expect(!response.text.contains("onmouseover"), "\(path) is echoed")
            #expect(response.text.contains("href=\"/?lang=fr\""), "\(path): the language links go to the front page")
        }
        let rules = try await portal.get("/rules?lang=de")
        #expect(rules.text.contains("href=\"/rules?lang=fr\""), "a fixed address keeps its own language links")

        let path = "/" + String(repeating: "p", count: 4000)
        _ = try await RawHTTP.exchange(portal.port, "GET \(path) HTTP/1.1\r\nHost: a\r\n\r\n")
        let line = try #require(portal.log.last { $0.contains("ppppp") })
        #expect(line.utf8.count < 600, "the access log line is \(line.utf8.count) bytes")
        _ = try await RawHTTP.exchange(portal.port, "\(String(repeating: "M", count: 3000)) / HTTP/1.1\r\nHost: a\r\n\r\n")
        #expect(portal.log.allSatisfy { $0.utf8.count < 600 })
    }

    /// The answers the connection gives itself — 400 for malformed framing or an unsupported
    /// transfer coding, 417 for an expectation it does not meet, 408 for a body that does not
    /// arrive in time — are access-logged like the router's, once each, with the same capped fields
    /// (a request whose head cannot be read has a null method and path).
    @Test func refusalsAreAccessLogged() async throws {
        let portal = try await RunningPortal.start(requestTimeout: .seconds(2))
        defer { Task { await portal.stop() } }
        let long = String(repeating: "p", count: 3000)
        let refusals: [(request: String, line: String)] = [
            (
                "POST /api/v1/check HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\nZZ\r\nabc\r\n0\r\n\r\n",
                #""method":"POST","path":"/api/v1/check","status":400,"#
            ),
            (
                "POST /check?name=secret HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: gzip\r\n\r\nabc",
                #""method":"POST","path":"/check","status":400,"#
            ),
            ("GET / HTTP/1.1 extra\r\nHost: a\r\n\r\n", #""method":null,"path":null,"status":400,"#),
            (
                "PUT /\(long) HTTP/1.1\r\nHost: a\r\nContent-Length: 3\r\nExpect: something-else\r\n\r\n",
                #""method":"PUT","path":"/\#(long.prefix(255))\u2026","status":417,"#
            ),
        ]
        for (request, expected) in refusals {
            let before = portal.log.count
            let closed = try await RawHTTP.run {
                let connection = try RawConnection(port: portal.port)
                connection.send(request)
                return connection.closes(within: 10)
            }
            #expect(closed)
            // The router's handling of a request the connection refused ends too: it must not log it again.
            try await Task.sleep(for: .milliseconds(500))
            let lines = portal.log.dropFirst(before)
            #expect(lines.count == 1, "\(request.prefix(40)): \(lines)")
            #expect(lines.first?.contains(expected) == true, "\(request.prefix(40)): \(lines)")
            #expect(lines.first.map { $0.contains("secret") || $0.utf8.count > 600 } == false)
            #expect(lines.first?.contains(#""bodyBytes":null,"bodySha256":null}"#) == true)
        }

        // 408: a request pipelined behind a check that takes its whole 2 s, whose body stops
        // coming. The router takes it only once the check is answered; the connection refuses it
        // a second past its own time limit, before the router's deadline for it.
        var heavy = "dossier: 1\nkind: reseau-dossier\nid: R-1\ntitle: T\nlanguage: en\n"
        for key in 0..<60_000 { heavy += "k\(key): 1\n" }
        let before = portal.log.count
        let (first, second) = try await RawHTTP.run { [heavy] in
            let connection = try RawConnection(port: portal.port)
            connection.send(
                "POST /api/v1/check HTTP/1.1\r\nHost: a\r\nContent-Type: application/yaml\r\nContent-Length: \(heavy.utf8.count)\r\n\r\n"
                    + heavy + "POST /api/v1/check?name=late HTTP/1.1\r\nHost: a\r\nContent-Length: 100\r\n\r\nd")
            return (connection.response(timeout: 20)?.status, connection.response(timeout: 20)?.status)
        }
        #expect(first == 503)
        #expect(second == 408)
        try await Task.sleep(for: .milliseconds(500))
        let lines = portal.log.dropFirst(before)
        #expect(lines.count == 2, "\(lines)")
        #expect(lines.contains { $0.contains(#""path":"/api/v1/check","status":503,"#) }, "\(lines)")
        #expect(lines.contains { $0.contains(#""path":"/api/v1/check","status":408,"#) }, "\(lines)")
    }

    /// A body trickled to a route that does not read it ends its connection shortly after the
    /// request's time limit (the idle timeout would never come: a byte arrives every half second).
    @Test func aTrickledBodyEndsItsConnection() async throws {
        let portal = try await RunningPortal.start(requestTimeout: .seconds(1))
        defer { Task { await portal.stop() } }
        let (response, closedAfter) = try await RawHTTP.run { () -> (RawHTTP.Response?, Double?) in
            let connection = try RawConnection(port: portal.port)
            connection.send("POST /nope HTTP/1.1\r\nHost: a\r\nContent-Length: 1000000\r\n\r\n")
            let response = connection.response(timeout: 5)
            let start = Date()
            for _ in 0..<16 {
                guard connection.send("x") else { return (response, Date().timeIntervalSince(start)) }
                if connection.closes(within: 0.5) { return (response, Date().timeIntervalSince(start)) }
            }
            return (response, nil)
        }
        #expect(response?.status == 404)
        #expect(closedAfter != nil, "the connection of a trickled body was still open after 8 s")
    }

    /// Eight connections trickling their bodies do not take the check slots (4 here): a real check
    /// is answered while they trickle.
    @Test func slowBodiesDoNotHoldCheckSlots() async throws {
        let portal = try await RunningPortal.start(requestTimeout: .seconds(5), maxConcurrent: 4)
        defer { Task { await portal.stop() } }
        let slow = try await RawHTTP.run { () -> [RawConnection] in
            try (0..<8).map { _ in
                let connection = try RawConnection(port: portal.port)
                connection.send(
                    "POST /api/v1/check HTTP/1.1\r\nHost: a\r\nContent-Type: application/yaml\r\nContent-Length: 100000\r\n\r\nd")
                return connection
            }
        }
        try await Task.sleep(for: .milliseconds(300))
        let answer = try await portal.post("/api/v1/check", Data(Self.dossier.utf8))
        #expect(answer.status == 200, "a real check answered \(answer.status) while slow bodies trickle")
        let busy = try await RawHTTP.run { slow.map { $0.send("y") } }
        #expect(busy.allSatisfy { $0 }, "the slow senders are still connected")
        // They end by the request's time limit: 503 timeout, never a check slot.
        let ends = try await RawHTTP.run { slow.map { $0.response(timeout: 10)?.status } }
        #expect(ends.allSatisfy { $0 == 503 }, "\(ends)")
    }
}
