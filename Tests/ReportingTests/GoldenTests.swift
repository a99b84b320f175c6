import Foundation
import TestSupport
import Testing

@testable import Reporting

/// Every format of the synthetic report against its canned output in `Golden/`.
/// Set `UPDATE_GOLDEN=1` to rewrite them after a deliberate change (and review the diff).
@Suite struct GoldenTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appending(path: "Golden")

    @Test(arguments: OutputFormat.allCases)
    func formatMatchesItsGoldenFile(_ format: OutputFormat) throws {
        let options = FormatOptions(color: false, sourceRoot: "file:///work/project/")
        let output = format.formatter(options).format(SampleReports.synthetic())
        let file = Self.folder.appending(path: "synthetic.\(format.rawValue)")
        if ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1" {
            try FileManager.default.createDirectory(at: Self.folder, withIntermediateDirectories: true)
            try Data(output.utf8).write(to: file)
        }
        let expected = try String(contentsOf: file, encoding: .utf8)
        #expect(output == expected, "\(format) output differs from Golden/\(file.lastPathComponent); UPDATE_GOLDEN=1 rewrites it")
    }

    /// The JSON text is written a file at a time; it must be the whole report's value, serialized.
    @Test func jsonWrittenFileByFileIsTheReportsValue() throws {
        let formatter = JSONFormatter()
        for report in [
            SampleReports.synthetic(), try SampleReports.examples(), CheckReport(tool: SampleReports.synthetic().tool, files: []),
        ] {
            #expect(formatter.format(report) == formatter.json(report).serialized() + "\n")
        }
    }

    @Test func colourIsOnlyForText() {
        let painted = OutputFormat.text.formatter(FormatOptions(color: true)).format(SampleReports.synthetic())
        #expect(painted.contains("\u{1B}[1;31m"))
        for format in OutputFormat.allCases where format != .text {
            #expect(!format.formatter(FormatOptions(color: true)).format(SampleReports.synthetic()).contains("\u{1B}["))
        }
    }
}
