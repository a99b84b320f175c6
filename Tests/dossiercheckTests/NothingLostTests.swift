import Foundation
import TestSupport
import Testing

/// When some files cannot be read, the others are still checked and reported, every unreadable
/// one appears in every output format with its error, and the exit status (2) says so.
@Suite struct NothingLostTests {
    /// A valid dossier, one with an RES-003 error, a missing file, and a named pipe (which a
    /// checker that simply opened it would wait on forever).
    static func project() throws -> ScratchProject {
        let project = try ScratchProject([
            "a-valid.yaml": try ScratchProject.example("valid-hydrowal-term1"),
            "c-over-cap.yaml": ScratchProject.overCap,
        ])
        let fifo = project.root.appending(path: "b-pipe.yaml").path
        #expect(mkfifo(fifo, 0o644) == 0)
        return project
    }

    static let arguments = ["check", "a-valid.yaml", "b-pipe.yaml", "missing.yaml", "c-over-cap.yaml"]
    static let pipeError = "it is not a regular file (a device, pipe or socket)"
    static let missingError = "no such file or folder"

    @Test func jsonReportsEveryFile() throws {
        let run = try Self.project().run(Self.arguments + ["--format", "json"])
        #expect(run.status == 2)
        let report = try ScratchProject.json(run)
        let files = try #require(report["files"] as? [[String: Any]])
        #expect(files.map { $0["path"] as? String } == ["a-valid.yaml", "b-pipe.yaml", "missing.yaml", "c-over-cap.yaml"])
        #expect(files.map { $0["error"] as? String } == [nil, Self.pipeError, Self.missingError, nil])
        #expect(files.map { ($0["documents"] as? [Any])?.count } == [1, 0, 0, 1])
        #expect(SeenFinding.of(run).map(\.rule) == ["RES-003"])
        let summary = ScratchProject.summary(report)
        #expect(summary["files"] == 4)
        #expect(summary["unreadable"] == 2)
        #expect(summary["dossiers"] == 2)
        #expect(summary["errors"] == 1)
    }

    @Test func textReportsEveryFile() throws {
        let run = try Self.project().run(Self.arguments + ["--lang", "en"])
        #expect(run.status == 2)
        #expect(run.stdout.contains("error: cannot read b-pipe.yaml: \(Self.pipeError)"), "\(run.stdout)")
        #expect(run.stdout.contains("error: cannot read missing.yaml: \(Self.missingError)"))
        #expect(run.stdout.contains("error[RES-003]"))
        #expect(run.stdout.contains("c-over-cap.yaml:114:37"))
        #expect(run.stdout.contains("2 unreadable"))
    }

    @Test func sarifReportsEveryFile() throws {
        let run = try Self.project().run(Self.arguments + ["--format", "sarif"])
        #expect(run.status == 2)
        let sarif = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let sarifRun = try #require((sarif["runs"] as? [[String: Any]])?.first)
        let invocation = try #require((sarifRun["invocations"] as? [[String: Any]])?.first)
        #expect(invocation["executionSuccessful"] as? Bool == false)
        let notifications = try #require(invocation["toolExecutionNotifications"] as? [[String: Any]])
        let texts = notifications.compactMap { ($0["message"] as? [String: Any])?["text"] as? String }
        #expect(texts == ["cannot read b-pipe.yaml: \(Self.pipeError)", "cannot read missing.yaml: \(Self.missingError)"])
        let results = try #require(sarifRun["results"] as? [[String: Any]])
        #expect(results.compactMap { $0["ruleId"] as? String } == ["RES-003"])
    }

    @Test func junitReportsEveryFile() throws {
        let run = try Self.project().run(Self.arguments + ["--format", "junit"])
        #expect(run.status == 2)
        #expect(
            run.stdout.contains(
                "<error type=\"unreadable\" message=\"cannot read b-pipe.yaml: \(Self.pipeError)\">"), "\(run.stdout)")
        #expect(run.stdout.contains("<error type=\"unreadable\" message=\"cannot read missing.yaml: \(Self.missingError)\">"))
        #expect(run.stdout.contains("<failure"))
        #expect(run.stdout.contains("RES-003"))
    }

    @Test func githubReportsEveryFile() throws {
        let run = try Self.project().run(Self.arguments + ["--format", "github"], environment: ["GITHUB_STEP_SUMMARY": ""])
        #expect(run.status == 2)
        let lines = run.stdout.split(separator: "\n").map(String.init)
        #expect(
            lines.contains("::error file=b-pipe.yaml,title=unreadable::cannot read b-pipe.yaml: \(Self.pipeError)"),
            "\(run.stdout)")
        #expect(lines.contains("::error file=missing.yaml,title=unreadable::cannot read missing.yaml: \(Self.missingError)"))
        #expect(lines.contains { $0.hasPrefix("::error file=c-over-cap.yaml,line=114,col=37,") })
    }

    @Test func markdownReportsEveryFile() throws {
        let run = try Self.project().run(Self.arguments + ["--format", "markdown"])
        #expect(run.status == 2)
        #expect(run.stdout.contains("| `b-pipe.yaml` | cannot read: \(Self.pipeError) | | | | | |"), "\(run.stdout)")
        #expect(run.stdout.contains("| `missing.yaml` | cannot read: \(Self.missingError) | | | | | |"))
        #expect(run.stdout.contains("**2 unreadable**"))
        #expect(run.stdout.contains("RES-003"))
    }

    @Test func aFolderOfFilesKeepsGoingPastAnUnreadableOne() throws {
        let project = try ScratchProject([
            "d/a.yaml": ScratchProject.overCap, "d/c.yaml": ScratchProject.overCap,
        ])
        #expect(mkfifo(project.root.appending(path: "d/b.yaml").path, 0o644) == 0)
        let run = try project.run(["check", "d", "--format", "json"])
        // A pipe found in a folder cannot show a `dossier:` header, but it is not skipped silently either.
        #expect(run.status == 2)
        let files = try #require(try ScratchProject.json(run)["files"] as? [[String: Any]])
        #expect(files.map { $0["path"] as? String } == ["d/a.yaml", "d/b.yaml", "d/c.yaml"])
        #expect(files.map { $0["error"] as? String } == [nil, Self.pipeError, nil])
        #expect(SeenFinding.of(run).map(\.rule) == ["RES-003", "RES-003"])
    }

    @Test func permissionDenied() throws {
        guard getuid() != 0 else { return } // root reads every file
        let project = try ScratchProject(["locked.yaml": ScratchProject.overCap, "open.yaml": ScratchProject.overCap])
        let locked = project.root.appending(path: "locked.yaml").path
        #expect(chmod(locked, 0) == 0)
        defer { chmod(locked, 0o644) }
        let run = try project.run(["check", "locked.yaml", "open.yaml", "--format", "json"])
        #expect(run.status == 2)
        let files = try #require(try ScratchProject.json(run)["files"] as? [[String: Any]])
        #expect(files.map { $0["error"] as? String } == ["permission denied", nil])
    }
}
