import Foundation
import TestSupport
import Testing

/// The portal in a real headless Chromium (Debian's `chromium`, which scripts/test.sh installs),
/// driven by scripts/portal-browser-check.py: upload a failing example, read the findings list,
/// switch the messages to French, follow a rule link. The screenshot is kept as a CI artefact in
/// `.ci-artifacts/portal.png`. Without Chromium the test skips with a message, except under
/// CI=true, where it fails.
@Suite struct BrowserTests {
    static let script = Fixtures.repositoryFile("scripts/portal-browser-check.py")
    static let screenshot = Fixtures.packageRoot.appending(path: ".ci-artifacts/portal.png")

    static var chromium: String? {
        ["/usr/bin/chromium", "/usr/bin/chromium-browser"].first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    @Test func anApplicantChecksADossierInABrowser() async throws {
        guard let chromium = Self.chromium else {
            if ProcessInfo.processInfo.environment["CI"] == "true" {
                Issue.record("chromium is not installed (scripts/test.sh installs Debian's `chromium`; required when CI=true)")
            } else {
                print("SKIPPED: the portal was not checked in a browser: chromium is not installed (run scripts/test.sh).")
            }
            return
        }
        let portal = try await RunningPortal.start()
        defer { Task { await portal.stop() } }
        let example = Fixtures.repositoryFile("examples/reseau-dossier/invalid-eligible-one-cent-over-cap.yaml")
        let shot = try Fixtures.temporaryFolder().appending(path: "portal.png")
        let run = try await Program.run(
            URL(fileURLWithPath: "/usr/bin/env"),
            [
                "python3", Self.script.path, "\(portal.base.absoluteString)/?lang=en", example.path, "--screenshot", shot.path,
                "--chromium", chromium,
            ])
        try #require(run.status == 0, "portal-browser-check.py failed: \(run.stderr)")
        let output = try #require(try JSONSerialization.jsonObject(with: run.stdout) as? [String: Any])
        let observed = output.compactMapValues { $0 as? [String: Any] }

        let start = try #require(observed["start"])
        #expect(start["lang"] as? String == "en")
        #expect(start["stylesheetLoaded"] as? Bool == true, "the style sheet loads under the content security policy")
        let checked = try #require(observed["checked"])
        #expect(checked["url"] as? String == "/check")
        #expect(checked["admissible"] as? String == "no")
        #expect(checked["rules"] as? [String] == ["RES-003"])
        #expect(checked["frames"] as? Int == 1, "the source line with the place marked")
        #expect((checked["messages"] as? [String])?.first?.contains("160 000,01") == true)
        #expect((checked["textLength"] as? Int ?? 0) > 1000, "the text box holds the dossier, to correct and check again")
        #expect((checked["externalResources"] as? [String])?.isEmpty == true, "nothing loaded from outside")

        let french = try #require(observed["french"])
        #expect(french["lang"] as? String == "fr")
        #expect(french["verdict"] as? String == "Non recevable en l'état")
        #expect(french["rules"] as? [String] == ["RES-003"])
        #expect((french["messages"] as? [String])?.first?.contains("plafond annuel") == true)

        let rule = try #require(observed["rule"])
        #expect(rule["url"] as? String == "/rules/RES-003")
        #expect(rule["explanation"] as? String == "RES-003")
        #expect((rule["explainText"] as? String)?.hasPrefix("RES-003") == true)

        let png = try Data(contentsOf: shot)
        #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47]), "the screenshot is a PNG")
        try FileManager.default.createDirectory(
            at: Self.screenshot.deletingLastPathComponent(), withIntermediateDirectories: true)
        try png.write(to: Self.screenshot, options: .atomic)
        print("screenshot of the portal: \(Self.screenshot.path)")
    }
}
