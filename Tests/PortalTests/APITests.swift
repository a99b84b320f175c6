import Foundation
import Portal
import TestSupport
import Testing
import Yams

/// The JSON API on a live portal: reports identical to `check --format json`, hostile input,
/// the limits, the OpenAPI document.
@Suite(.serialized) struct APITests {
    /// Every bundled example through the API equals `check --format json` of the same file, run in
    /// the file's folder so that both name it by its file name (`?name=`): nothing is normalised.
    @Test func everyExampleGivesTheReportOfCheck() async throws {
        let portal = try await RunningPortal.start()
        defer { Task { await portal.stop() } }
        let examples = Fixtures.exampleFiles
        #expect(examples.count > 50)
        for example in examples {
            let url = Fixtures.repositoryFile(example)
            let name = url.lastPathComponent
            let answer = try await portal.post("/api/v1/check?name=\(name)", try Data(contentsOf: url))
            #expect(answer.status == 200, "\(example)")
            #expect(answer.header("Content-Type") == "application/json; charset=utf-8")
            let cli = try await Program.dossiercheck(["check", "--format", "json", name], in: url.deletingLastPathComponent())
            #expect(cli.status == 0 || cli.status == 1, "\(example): \(cli.stderr)")
            #expect(
                answer.text == String(decoding: cli.stdout, as: UTF8.self), "\(example): the API's report differs from check's")
        }
    }

    /// Without `name`, the report names the file `dossier.yaml`; with `lang`, the messages follow it.
    @Test func theDefaultNameAndTheLanguage() async throws {
        let portal = try await RunningPortal.start()
        defer { Task { await portal.stop() } }
        let url = Fixtures.repositoryFile("examples/reseau-dossier/invalid-eligible-one-cent-over-cap.yaml")
        let bytes = try Data(contentsOf: url)
        let answer = try await portal.post("/api/v1/check?lang=de", bytes)
        let files = try #require(answer.json?["files"] as? [[String: Any]])
        #expect(files.first?["path"] as? String == "dossier.yaml")
        let folder = try Fixtures.temporaryFolder()
        try bytes.write(to: folder.appending(path: "dossier.yaml"))
        let cli = try await Program.dossiercheck(["check", "--format", "json", "--lang", "de", "dossier.yaml"], in: folder)
        #expect(answer.text == String(decoding: cli.stdout, as: UTF8.self))
        #expect(answer.text.contains("\"language\": \"de\""))

        let path = try await portal.post("/api/v1/check?name=../../etc/passwd", bytes)
        #expect(
            (path.json?["files"] as? [[String: Any]])?.first?["path"] as? String == "passwd", "only the last component is kept")
        let badLanguage = try await portal.post("/api/v1/check?lang=xx", bytes)
        #expect(badLanguage.status == 400)
        #expect((badLanguage.json?["error"] as? [String: Any])?["code"] as? String == "bad-request")
        let empty = try await portal.post("/api/v1/check", Data())
        #expect(empty.status == 400)
        let wrongMethod = try await portal.get("/api/v1/check")
        #expect(wrongMethod.status == 405)
        #expect(wrongMethod.header("Allow") == "POST")
    }

    /// Hostile files: each is answered with its report (the same as `check`'s), with the finding
    /// that refuses it, and the portal still answers afterwards.
    @Test func hostileFilesAreReportedAndThePortalGoesOn() async throws {
        let portal = try await RunningPortal.start()
        defer { Task { await portal.stop() } }
        let header = "dossier: 1\nkind: reseau-dossier\nid: R-1\ntitle: T\nlanguage: en\n"
        var bomb = "dossier: 1\nkind: reseau-dossier\na0: &a0 [x, x, x, x, x, x, x, x, x, x]\n"
        for level in 1...9 {
            bomb += "a\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 10).joined(separator: ", ") + "]\n"
        }
        var utf16: [UInt8] = [0xFF, 0xFE]
        for unit in (header + "members: []\n").utf16 { utf16 += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        let cases: [(String, [UInt8], String)] = [
            ("broken YAML", Array((header + "members: [unclosed\n  - {\n").utf8), "HDR-004"),
            ("binary", (0..<4096).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }, "HDR-004"),
            ("UTF-16", utf16, "HDR-004"),
            ("alias bomb", Array(bomb.utf8), "HDR-004"),
            (
                "too deep",
                Array(
                    (header + "deep: " + String(repeating: "[", count: 2000) + String(repeating: "]", count: 2000) + "\n").utf8),
                "HDR-004"
            ),
            ("wrong types", Array("dossier: 1\nkind: 42\nid: [1]\n".utf8), "HDR-001"),
            (
                "amounts as text",
                Array(try Data(contentsOf: Fixtures.repositoryFile("examples/reseau-dossier/invalid-amounts-as-text.yaml"))), ""
            ),
        ]
        for (what, bytes, rule) in cases {
            let answer = try await portal.post("/api/v1/check?name=d.yaml", Data(bytes))
            #expect(answer.status == 200, "\(what)")
            let findings = ((answer.json?["files"] as? [[String: Any]])?.first?["documents"] as? [[String: Any]] ?? [])
                .flatMap { $0["findings"] as? [[String: Any]] ?? [] }
            #expect(!findings.isEmpty, "\(what): no finding")
            if !rule.isEmpty {
                #expect(
                    findings.contains { $0["rule"] as? String == rule },
                    "\(what): no \(rule) in \(findings.map { $0["rule"] ?? "" })")
            }
            let folder = try Fixtures.temporaryFolder()
            try Data(bytes).write(to: folder.appending(path: "d.yaml"))
            let cli = try await Program.dossiercheck(["check", "--format", "json", "d.yaml"], in: folder)
            #expect(answer.text == String(decoding: cli.stdout, as: UTF8.self), "\(what): differs from check")
            let health = try await portal.get("/healthz")
            #expect(health.status == 200, "the portal answers after \(what)")
        }
    }

    /// A body over the limit: 413, whether its length is declared or it comes in chunks; nothing is checked.
    @Test func anOversizedBodyIs413() async throws {
        let portal = try await RunningPortal.start(maxBodySize: 64 << 10)
        defer { Task { await portal.stop() } }
        let big = Data(repeating: UInt8(ascii: "a"), count: 200 << 10)
        let answer = try await portal.post("/api/v1/check", big)
        #expect(answer.status == 413)
        #expect((answer.json?["error"] as? [String: Any])?["code"] as? String == "too-large")
        #expect(answer.header("Content-Security-Policy") == SecurityHeaders.contentSecurityPolicy)
        let page = try await portal.post("/check", big, contentType: "multipart/form-data; boundary=x")
        #expect(page.status == 413)
        #expect(page.text.contains("<!DOCTYPE html>"))
        // Chunked, with no length declared: refused while reading (curl sends it so).
        if FileManager.default.isExecutableFile(atPath: "/usr/bin/curl") {
            let folder = try Fixtures.temporaryFolder()
            try big.write(to: folder.appending(path: "big.yaml"))
            let run = try await Program.run(
                URL(fileURLWithPath: "/usr/bin/curl"),
                [
                    "-s", "-o", "/dev/null", "-w", "%{http_code}", "-H", "Transfer-Encoding: chunked", "--data-binary",
                    "@big.yaml",
                    "\(portal.base.absoluteString)/api/v1/check",
                ],
                in: folder)
            #expect(String(decoding: run.stdout, as: UTF8.self) == "413")
        }
        #expect(try await portal.get("/healthz").status == 200)
    }

    /// Past the time limit: 503 `timeout` (and the check is stopped, see `AmplificationTests`);
    /// while a check runs, the concurrency limit refuses the next with 503 `busy` and Retry-After.
    @Test func theTimeAndConcurrencyLimits() async throws {
        // 250 dossiers in one file: more than a second to check in a debug build, a few ms to send.
        let one = try String(
            contentsOf: Fixtures.repositoryFile("examples/reseau-dossier/valid-hydrowal-term1.yaml"), encoding: .utf8)
        let many = Data(Array(repeating: one, count: 250).joined(separator: "\n---\n").utf8)
        let quick = try await RunningPortal.start(maxBodySize: 4 << 20, requestTimeout: .milliseconds(300), maxConcurrent: 1)
        let slow = try await quick.post("/api/v1/check", many)
        await quick.stop()
        #expect(slow.status == 503)
        #expect((slow.json?["error"] as? [String: Any])?["code"] as? String == "timeout")

        let portal = try await RunningPortal.start(maxBodySize: 4 << 20, requestTimeout: .seconds(30), maxConcurrent: 1)
        defer { Task { await portal.stop() } }
        // A small check may hold the slot just when the big one arrives, which is then refused
        // itself: it is sent again until it holds the slot.
        let first = Task {
            while true {
                let answer = try await portal.post("/api/v1/check", many)
                if answer.status != 503 { return answer }
            }
        }
        // Small checks while the big one holds the only slot (its upload may take a while on a loaded machine).
        var busy: RunningPortal.Answer?
        for _ in 0..<100 where busy == nil {
            try await Task.sleep(for: .milliseconds(50))
            let next = try await portal.post("/api/v1/check", Data(one.utf8))
            if next.status == 503 { busy = next }
        }
        #expect((busy?.json?["error"] as? [String: Any])?["code"] as? String == "busy")
        #expect(busy?.header("Retry-After") == "1")
        _ = try await first.value
        // Once the first check has ended, its slot is free again.
        var health = 0
        for _ in 0..<200 where health != 200 {
            try await Task.sleep(for: .milliseconds(50))
            health = try await portal.get("/healthz").status
        }
        #expect(health == 200)
    }

    /// The access log: one JSON line per request with the body's size and SHA-256, never its content.
    @Test func theAccessLogHoldsNoContent() async throws {
        let portal = try await RunningPortal.start()
        let url = Fixtures.repositoryFile("examples/reseau-dossier/invalid-eligible-one-cent-over-cap.yaml")
        let bytes = try Data(contentsOf: url)
        _ = try await portal.post("/api/v1/check?name=secret-name.yaml", bytes)
        _ = try await portal.get("/rules")
        await portal.stop()
        let lines = portal.log
        #expect(lines.count == 2)
        let first = try #require(try JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as? [String: Any])
        #expect(first["method"] as? String == "POST")
        #expect(first["path"] as? String == "/api/v1/check")
        #expect(first["status"] as? Int == 200)
        #expect(first["bodyBytes"] as? Int == bytes.count)
        #expect(first["bodySha256"] as? String == SHA256.hex(Array(bytes)))
        #expect(first["durationMs"] is Double || first["durationMs"] is Int)
        for line in lines {
            #expect(!line.contains("secret-name"), "the query is not logged")
            #expect(!line.contains("RES-2026"), "no content is logged")
            #expect(!line.contains("\n"))
        }
    }

    /// The OpenAPI document parses, is 3.1, and lists exactly the API routes the portal serves.
    @Test func theOpenAPIDocumentListsTheRoutes() async throws {
        let portal = try await RunningPortal.start()
        defer { Task { await portal.stop() } }
        let answer = try await portal.get("/api/v1/openapi.yaml")
        #expect(answer.status == 200)
        #expect(answer.header("Content-Type")?.hasPrefix("application/yaml") == true)
        let document = try #require(try Yams.load(yaml: answer.text) as? [String: Any])
        #expect(document["openapi"] as? String == "3.1.0")
        let paths = try #require(document["paths"] as? [String: [String: Any]])
        var documented: Set<String> = []
        for (path, operations) in paths {
            for method in operations.keys { documented.insert("\(method.uppercased()) \(path)") }
        }
        let served = Set(Portal.routes.filter { $0.contains(" /api/") || $0.hasSuffix(" /healthz") })
        #expect(documented == served)
        // Every documented route answers (not 404).
        for route in documented {
            let parts = route.split(separator: " ")
            let answer = try await portal.request(
                String(parts[0]), String(parts[1]), body: parts[0] == "POST" ? Data("dossier: 1\n".utf8) : nil)
            #expect(answer.status != 404, "\(route)")
        }
        // Every $ref resolves.
        let text = answer.text
        let components = try #require(document["components"] as? [String: [String: Any]])
        for match in text.matches(of: /\$ref: '#\/components\/(\w+)\/(\w+)'/) {
            #expect(components[String(match.1)]?[String(match.2)] != nil, "\(match.0)")
        }
    }

    /// The served OpenAPI document passes a real OpenAPI 3.1 validator (PyPI openapi-spec-validator),
    /// which refuses the same document without its `info`.
    @Test func theOpenAPIDocumentIsValidOpenAPI31() async throws {
        if let reason = PythonValidator.unavailable(module: "openapi_spec_validator") {
            PythonValidator.skip("OpenAPI validation", because: reason)
            return
        }
        let portal = try await RunningPortal.start()
        defer { Task { await portal.stop() } }
        let text = try await portal.get("/api/v1/openapi.yaml").text
        let folder = FileManager.default.temporaryDirectory.appending(path: "openapi-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let served = folder.appending(path: "openapi.yaml")
        let broken = folder.appending(path: "broken.yaml")
        try Data(text.utf8).write(to: served)
        try Data(text.replacingOccurrences(of: "\ninfo:", with: "\ninf0:").utf8).write(to: broken)
        let valid = try PythonValidator.validate(["openapi", served.path])
        #expect(valid.status == 0, "\(valid.output)")
        let refused = try PythonValidator.validate(["openapi", broken.path])
        #expect(refused.status == 1)
        #expect(refused.output.contains("'info' is a required property"), "\(refused.output)")
    }

    /// `GET /api/v1/rules` is `rules list --format json`.
    @Test func theRulesAreThoseOfRulesList() async throws {
        let portal = try await RunningPortal.start()
        defer { Task { await portal.stop() } }
        let root = Fixtures.packageRoot
        for (query, arguments) in [("?lang=fr", ["--lang", "fr"]), ("?kind=zim-nemo", ["--kind", "zim-nemo"])] {
            let answer = try await portal.get("/api/v1/rules\(query)")
            let cli = try await Program.dossiercheck(["rules", "list", "--format", "json"] + arguments, in: root)
            #expect(answer.status == 200)
            #expect(answer.text == String(decoding: cli.stdout, as: UTF8.self))
        }
        #expect(try await portal.get("/api/v1/rules?kind=nothing").status == 404)
    }
}
