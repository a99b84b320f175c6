import Foundation
import TestSupport
import Testing

/// How a report names a file, wherever it lies (README "Command line", paths): relative to the
/// working directory below it, `../…` beside it, absolute only when the two share nothing but the
/// root; spaces kept as they are; a symlinked working directory changes nothing.
@Suite struct PathPlacementTests {
    private func reportedPath(_ arguments: [String], in folder: URL) throws -> String {
        let run = try Fixtures.run(["check", "--format", "json"] + arguments, in: folder)
        #expect(run.status == 1, "\(run.stderr)")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let files = try #require(report["files"] as? [[String: Any]])
        return try #require(files.first?["path"] as? String)
    }

    /// `<tmp>/placement/folder with spaces/d.yaml` (an invalid dossier) and an empty sibling folder.
    private func layout() throws -> (top: URL, spaced: URL, sibling: URL) {
        let top = try Fixtures.temporaryFolder()
        let spaced = top.appending(path: "folder with spaces")
        let sibling = top.appending(path: "sibling")
        for folder in [spaced, sibling] { try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true) }
        let invalid = Fixtures.packageRoot.appending(path: "examples/tki-project/invalid-missing-programme-line.yaml")
        try FileManager.default.copyItem(at: invalid, to: spaced.appending(path: "d.yaml"))
        return (top, spaced, sibling)
    }

    @Test func belowTheWorkingDirectoryPathsAreRelative() throws {
        let (top, spaced, _) = try layout()
        defer { try? FileManager.default.removeItem(at: top) }
        #expect(try reportedPath(["d.yaml"], in: spaced) == "d.yaml")
        #expect(try reportedPath(["folder with spaces/d.yaml"], in: top) == "folder with spaces/d.yaml")
        #expect(try reportedPath(["folder with spaces"], in: top) == "folder with spaces/d.yaml")
        // An absolute path below the working directory is shown relative to it too.
        #expect(try reportedPath([spaced.appending(path: "d.yaml").path], in: top) == "folder with spaces/d.yaml")
    }

    @Test func besideTheWorkingDirectoryPathsClimb() throws {
        let (top, _, sibling) = try layout()
        defer { try? FileManager.default.removeItem(at: top) }
        #expect(try reportedPath(["../folder with spaces/d.yaml"], in: sibling) == "../folder with spaces/d.yaml")
    }

    @Test func sharingOnlyTheRootPathsAreAbsolute() throws {
        let (top, spaced, _) = try layout()
        defer { try? FileManager.default.removeItem(at: top) }
        let file = spaced.appending(path: "d.yaml").resolvingSymlinksInPath().path
        #expect(try reportedPath([file], in: URL(fileURLWithPath: "/")) == String(file.dropFirst()))
        let tops = Set(file.split(separator: "/").prefix(1))
        let elsewhere = ["/proc", "/usr", "/etc"].first { !tops.contains(Substring($0.dropFirst())) } ?? "/"
        #expect(try reportedPath([file], in: URL(fileURLWithPath: elsewhere)) == file)
    }

    @Test func aSymlinkedWorkingDirectoryChangesNothing() throws {
        let (top, spaced, _) = try layout()
        defer { try? FileManager.default.removeItem(at: top) }
        let link = top.appending(path: "link to folder")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: spaced)
        #expect(try reportedPath(["d.yaml"], in: link) == "d.yaml")
        #expect(try reportedPath(["."], in: link) == "d.yaml")
    }
}
