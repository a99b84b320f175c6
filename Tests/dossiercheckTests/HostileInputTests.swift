import Foundation
import TestSupport
import Testing

/// Hostile and broken input (issue: "no crash, no hang, no silent pass"): each limit refuses
/// with a located finding and an exit status that says so, and each can be raised; input that
/// is not what it claims is handled as the format says or reported.
@Suite struct HostileInputTests {
    /// A Réseau dossier that passes every rule (the bundled example), with `line` replacing the
    /// line that starts with `prefix`.
    static func valid(replacing prefix: String? = nil, with line: String = "") throws -> String {
        let text = try ScratchProject.example("valid-hydrowal-term1")
        guard let prefix else { return text }
        var lines = text.components(separatedBy: "\n")
        let index = try #require(lines.firstIndex { $0.hasPrefix(prefix) }, "no line starts with \(prefix)")
        lines[index] = line
        return lines.joined(separator: "\n")
    }

    static let header = "dossier: 1\nkind: reseau-dossier\nid: R-1\ntitle: T\nlanguage: en\n"

    func check(_ files: [String: String], _ arguments: [String]) throws -> Fixtures.Run {
        let project = try ScratchProject(files)
        return try project.run(["check", "--format", "json"] + arguments)
    }

    func check(bytes: [UInt8], _ extra: [String] = []) throws -> Fixtures.Run {
        let project = try ScratchProject()
        try Data(bytes).write(to: project.root.appending(path: "d.yaml"))
        return try project.run(["check", "--format", "json", "d.yaml"] + extra)
    }

    /// A load limit's refusal: exit status 1, and one HDR-004 finding at `line:column` whose help
    /// names the flag that raises the limit and its value now.
    func expectRefused(
        _ run: Fixtures.Run, _ message: String, at line: Int, _ column: Int, flag: String, now: String,
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        #expect(run.status == 1, sourceLocation: sourceLocation)
        let help = "if the file is genuine, raise the limit with \(flag) (now \(now))"
        #expect(
            SeenFinding.of(run) == [SeenFinding("HDR-004", message, at: line, column, help: help)], sourceLocation: sourceLocation
        )
    }

    // MARK: - 1. limits

    @Test func aFileAboveTheSizeLimitIsNotRead() throws {
        let text = try Self.valid()
        let refused = try check(["d.yaml": text], ["d.yaml", "--max-file-size", "4KiB"])
        expectRefused(
            refused, "the file is \(text.utf8.count) bytes, more than the 4 KiB a file may have: it is not read", at: 1, 1,
            flag: "--max-file-size", now: "4 KiB")
        let raised = try check(["d.yaml": text], ["d.yaml", "--max-file-size", "64KiB"])
        #expect(raised.status == 0)
        #expect(SeenFinding.of(raised) == [])
    }

    @Test func theDefaultSizeLimitIs16MiBAndTheFileIsNeverRead() throws {
        let project = try ScratchProject()
        // A sparse file of NUL bytes: read, it would be a binary file; refused by its size, it is never read.
        let url = project.root.appending(path: "huge.yaml")
        #expect(FileManager.default.createFile(atPath: url.path, contents: nil))
        let handle = try FileHandle(forWritingTo: url)
        try handle.truncate(atOffset: 16 << 20 + 1)
        try handle.close()
        let run = try project.run(["check", "--format", "json", "huge.yaml"])
        expectRefused(
            run, "the file is 16777217 bytes, more than the 16 MiB a file may have: it is not read", at: 1, 1,
            flag: "--max-file-size", now: "16 MiB")
    }

    @Test func sizeArgumentsTakeUnits() throws {
        let text = try Self.valid()
        for size in ["1000000", "1MB", "1M", "1 MiB", "977KiB"] {
            #expect(try check(["d.yaml": text], ["d.yaml", "--max-file-size", size]).status == 0, "\(size)")
        }
        for bad in ["0", "-1", "1 TB", "lots", ""] {
            let run = try check(["d.yaml": text], ["d.yaml", "--max-file-size", bad])
            #expect(run.status == 2, "\(bad): \(run.stderr)")
        }
    }

    @Test func nestingBeyondTheDepthLimit() throws {
        let text = Self.header + "v: " + String(repeating: "[", count: 300) + String(repeating: "]", count: 300) + "\n"
        let refused = try check(["d.yaml": text], ["d.yaml"])
        expectRefused(refused, "lists and mappings nest deeper than 256 levels here", at: 6, 259, flag: "--max-depth", now: "256")
        let raised = try check(["d.yaml": text], ["d.yaml", "--max-depth", "400"])
        #expect(SeenFinding.of(raised).map(\.rule).contains("HDR-003"), "read: `v` is an unknown key")
        #expect(!(SeenFinding.of(raised).map(\.rule).contains("HDR-004")))
    }

    @Test func billionLaughsIsRefused() throws {
        var lines = ["a: &a [\"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\"]"]
        let names = Array("abcdefghi")
        for i in 1..<names.count {
            lines.append(
                "\(names[i]): &\(names[i]) [" + Array(repeating: "*\(names[i - 1])", count: 10).joined(separator: ", ") + "]")
        }
        let run = try check(["d.yaml": Self.header + lines.joined(separator: "\n") + "\n"], ["d.yaml"])
        expectRefused(
            run,
            "aliases expand to more than 1000000 nodes in this file (an alias bomb such as \"billion laughs\"?): the file is refused",
            at: 11, 36, flag: "--max-alias-nodes", now: "1000000")
    }

    @Test func theAliasLimitCanBeRaised() throws {
        // Each `*a` stands for 4 nodes (the list and its 3 items): 20 in all.
        let text = Self.header + "a: &a [1, 2, 3]\nb: [*a, *a]\nc: [*a, *a, *a]\n"
        let refused = try check(["d.yaml": text], ["d.yaml", "--max-alias-nodes", "19"])
        expectRefused(
            refused,
            "aliases expand to more than 19 nodes in this file (an alias bomb such as \"billion laughs\"?): the file is refused",
            at: 8, 13, flag: "--max-alias-nodes", now: "19")
        let raised = try check(["d.yaml": text], ["d.yaml", "--max-alias-nodes", "20"])
        #expect(!(SeenFinding.of(raised).map(\.rule).contains("HDR-004")))
    }

    @Test func documentsBeyondTheLimitEndTheFile() throws {
        let text = [try Self.valid(), try Self.valid(), try Self.valid()].joined(separator: "\n---\n")
        let refused = try check(["d.yaml": text], ["d.yaml", "--max-documents", "2"])
        expectRefused(refused, "the file holds more than 2 documents", at: 472, 1, flag: "--max-documents", now: "2")
        let report = try ScratchProject.json(refused)
        let documents = try #require((report["files"] as? [[String: Any]])?.first?["documents"] as? [[String: Any]])
        #expect(documents.count == 3, "the two documents before the limit are checked, the third carries it")
        #expect(try check(["d.yaml": text], ["d.yaml", "--max-documents", "3"]).status == 0)
        #expect(try check(["d.yaml": text], ["d.yaml"]).status == 0, "the default is 10000")
    }

    @Test func nodesBeyondTheLimitEndTheFile() throws {
        let text = Self.header + "v: [" + (1...100).map(String.init).joined(separator: ", ") + "]\n"
        let refused = try check(["d.yaml": text], ["d.yaml", "--max-nodes", "50"])
        expectRefused(refused, "the file holds more than 50 nodes", at: 6, 144, flag: "--max-nodes", now: "50")
        #expect(!(SeenFinding.of(try check(["d.yaml": text], ["d.yaml", "--max-nodes", "500"])).map(\.rule).contains("HDR-004")))
    }

    /// A rule set whose first rule does work quadratic in the number of items.
    static let slowRules = """
        ruleset: slow-set
        version: 1.0.0
        kind: slow-kind
        imports: [common]
        title: A rule set with a quadratic rule
        structure:
          items: {list: integer}
          note: text
        rules:
          - id: SLW-001
            severity: error
            title: Items are distinct
            source: §1
            for_each: items
            check: item.all(a, item.filter(b, b == a).size() == 1)
            message: "an item is repeated"
            examples:
              pass: ["items: [1, 2]"]
              fail: ["items: [1, 1]"]
          - id: SLW-002
            severity: warning
            title: The note is short
            source: §2
            when: has(self.note)
            let: {note: self.note}
            check: self.note.size() < 10
            message: "the note is too long: {note}"
            examples:
              pass: ["note: short"]
              fail: ["note: far too long a note"]

        """

    static func slowDossier(items: Int, note: String = "short") -> String {
        "dossier: 1\nkind: slow-kind\nid: S-1\ntitle: Slow\nlanguage: en\nnote: \(note)\n"
            + "items: [" + (0..<items).map(String.init).joined(separator: ", ") + "]\n"
    }

    @Test func aRuleThatRunsOutOfItsBudgetIsAnErrorWhereItStopped() throws {
        let files = ["rules/slow.yaml": Self.slowRules, "d.yaml": Self.slowDossier(items: 300)]
        let refused = try check(files, ["d.yaml", "--rules", "rules", "--max-evaluation-cost", "100000"])
        #expect(refused.status == 1)
        #expect(
            SeenFinding.of(refused) == [
                SeenFinding(
                    "SLW-001",
                    "evaluation budget exceeded: rule SLW-001 needed more than 100000 evaluation steps on this dossier and was stopped here, "
                        + "so the dossier is not checked against it",
                    at: 7, 1, path: "items",
                    help: "if the dossier is genuine, raise the budget with --max-evaluation-cost (now 100000)")
            ])
        let passed = try check(files, ["d.yaml", "--rules", "rules"])
        #expect(passed.status == 0, "the default budget, 10000000 steps, is enough: \(passed.stdout)")
        #expect(SeenFinding.of(passed) == [])
    }

    @Test func valuesInMessagesAreCut() throws {
        let files = [
            "rules/slow.yaml": Self.slowRules, "d.yaml": Self.slowDossier(items: 2, note: String(repeating: "x", count: 5000)),
        ]
        let cut = try check(files, ["d.yaml", "--rules", "rules", "--max-message-length", "20"])
        #expect(cut.status == 0, "a warning")
        #expect(
            SeenFinding.of(cut) == [
                SeenFinding("SLW-002", "the note is too long: " + String(repeating: "x", count: 19) + "…", at: 1, 1)
            ])
        let byDefault = SeenFinding.of(try check(files, ["d.yaml", "--rules", "rules"]))
        #expect(byDefault.map(\.message) == ["the note is too long: " + String(repeating: "x", count: 999) + "…"])
    }

    @Test func limitsMustBePositive() throws {
        for flag in [
            "--max-depth", "--max-alias-nodes", "--max-documents", "--max-nodes", "--max-evaluation-cost", "--max-message-length",
        ] {
            let run = try check(["d.yaml": try Self.valid()], ["d.yaml", flag, "0"])
            #expect(run.status == 2)
            #expect(run.stderr.contains("\(flag) must be at least 1"), "\(run.stderr)")
        }
    }

    // MARK: - 2. input that is not what it claims

    @Test func invalidUTF8IsLocatedAtTheFirstBadByte() throws {
        var bytes = Array(Self.header.utf8) + Array("network: {name: \"R".utf8)
        bytes += [0xE9] + Array("seau\"}\n".utf8)
        let run = try check(bytes: bytes)
        #expect(run.status == 1)
        #expect(
            SeenFinding.of(run) == [
                SeenFinding(
                    "HDR-004",
                    "the file is not valid UTF-8: byte 0xE9 at line 6, column 19 does not form a UTF-8 character "
                        + "(was it saved as Latin-1 or Windows-1252?); save it as UTF-8", at: 6, 19)
            ])
    }

    @Test(arguments: ["little-endian with BOM", "big-endian with BOM", "little-endian without BOM"])
    func utf16IsRefused(variant: String) throws {
        let text = try Self.valid()
        let units = Array(text.utf16)
        let bytes: [UInt8] =
            switch variant {
            case "little-endian with BOM": [0xFF, 0xFE] + units.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
            case "big-endian with BOM": [0xFE, 0xFF] + units.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
            default: units.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
            }
        let run = try check(bytes: bytes)
        #expect(run.status == 1)
        #expect(
            SeenFinding.of(run) == [
                SeenFinding("HDR-004", "the file is UTF-16 (or UTF-32), but a dossier must be UTF-8: save it as UTF-8", at: 1, 1)
            ])
    }

    @Test func aUTF8ByteOrderMarkIsSkippedAndLinesStayRight() throws {
        #expect(try check(bytes: [0xEF, 0xBB, 0xBF] + Array(try Self.valid().utf8)).status == 0)
        let overCap = ScratchProject.overCap
        let plain = SeenFinding.of(try check(bytes: Array(overCap.utf8)))
        let withMark = SeenFinding.of(try check(bytes: [0xEF, 0xBB, 0xBF] + Array(overCap.utf8)))
        #expect(plain.map(\.rule) == ["RES-003"])
        #expect(withMark == plain)
    }

    @Test func aBinaryFileWithAYAMLName() throws {
        // The start of a PNG image.
        let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52]
        let run = try check(bytes: png)
        #expect(run.status == 1)
        #expect(
            SeenFinding.of(run) == [
                SeenFinding(
                    "HDR-004", "the file contains NUL bytes (first at line 3, column 1): it is a binary file, not YAML text",
                    at: 3, 1)
            ])
    }

    @Test func tabsInIndentationAreNamed() throws {
        let run = try check(["d.yaml": Self.header + "network:\n\tname: R\n"], ["d.yaml"])
        #expect(run.status == 1)
        #expect(
            SeenFinding.of(run) == [
                SeenFinding(
                    "HDR-004",
                    "a tab character is used for indentation at line 7, column 1: YAML indents with spaces only, replace the tab "
                        + "with spaces (libyaml: found character that cannot start any token)", at: 7, 1)
            ])
    }

    @Test(arguments: ["\r\n", "\r"])
    func otherLineEndingsKeepLineNumbersRight(lineEnd: String) throws {
        let overCap = ScratchProject.overCap
        let plain = SeenFinding.of(try check(bytes: Array(overCap.utf8)))
        let converted = overCap.replacingOccurrences(of: "\n", with: lineEnd)
        #expect(SeenFinding.of(try check(bytes: Array(converted.utf8))) == plain)
        #expect(plain.map(\.rule) == ["RES-003"])
        #expect(plain.map { [$0.line, $0.column] } == [[114, 37]])
        #expect(plain.map(\.path) == ["financial_plan.years[2].eligible_costs_eur"])
    }

    /// YAML 1.1 readings the format (YAML 1.2 core schema) does not share: each value is read as
    /// the format says, and what does not fit its field is an HDR-002 finding at it.
    @Test(arguments: [
        ("  fte: 1.0", "  fte: .inf", "`animator.fte` is .inf; a finite number is expected", 225, 8, "animator.fte"),
        ("  fte: 1.0", "  fte: .nan", "`animator.fte` is .nan; a finite number is expected", 225, 8, "animator.fte"),
        ("  fte: 1.0", "  fte: -.inf", "`animator.fte` is -.inf; a finite number is expected", 225, 8, "animator.fte"),
        ("  fte: 1.0", "  fte: \"1.0\"", "`animator.fte` must be a number; found \"1.0\"", 225, 8, "animator.fte"),
        ("  fte: 1.0", "  fte: 1_0", "`animator.fte` must be a number; found 1_0", 225, 8, "animator.fte"),
        (
            "    - {year: 1,",
            "    - {year: 1, eligible_costs_eur: .nan, other_programmes_eur: 0, subsidy_requested_eur: 120000}",
            "`financial_plan.years[0].eligible_costs_eur` is .nan; a finite number is expected", 187, 37,
            "financial_plan.years[0].eligible_costs_eur"
        ),
        (
            "    - {year: 1,",
            "    - {year: 1, eligible_costs_eur: .Inf, other_programmes_eur: 0, subsidy_requested_eur: 120000}",
            "`financial_plan.years[0].eligible_costs_eur` is .Inf; a finite number is expected", 187, 37,
            "financial_plan.years[0].eligible_costs_eur"
        ),
        (
            "    - {year: 1,",
            "    - {year: 1, eligible_costs_eur: 1_000, other_programmes_eur: 0, subsidy_requested_eur: 120000}",
            "`financial_plan.years[0].eligible_costs_eur` must be an amount in euro (a plain number); found 1_000", 187, 37,
            "financial_plan.years[0].eligible_costs_eur"
        ),
        (
            "submitted:", "submitted: 2026-02-30", "`submitted` is `2026-02-30`, which is not a calendar date (write YYYY-MM-DD)",
            7, 12, "submitted"
        ),
        (
            "submitted:", "submitted: 2026-3-2", "`submitted` is `2026-3-2`, which is not a calendar date (write YYYY-MM-DD)", 7,
            12, "submitted"
        ),
    ])
    func yaml11Surprises(prefix: String, line: String, message: String, row: Int, column: Int, path: String) throws {
        let run = try check(["d.yaml": try Self.valid(replacing: prefix, with: line)], ["d.yaml", "--lang", "en"])
        #expect(run.status == 1)
        #expect(SeenFinding.of(run) == [SeenFinding("HDR-002", message, at: row, column, path: path)])
    }

    @Test(arguments: ["yes", "no", "on", "off", "y", "True"])
    func yesNoOnOffAreTextNotBooleans(word: String) throws {
        let text =
            Self.header
            + "members:\n  - {id: a, name: A, category: research-centre, country: BE, region: BE-WAL, accredited: \(word)}\n"
        let run = try check(["d.yaml": text], ["d.yaml"])
        let types = SeenFinding.of(run).filter { $0.rule == "HDR-002" }
        if word == "True" {
            #expect(types == [], "`True` is a boolean in the core schema")
        } else {
            #expect(
                types == [
                    SeenFinding(
                        "HDR-002", "`a`: `accredited` must be true or false; found \(word)", at: 7, 90,
                        path: "members[0].accredited")
                ])
        }
    }

    @Test func aNumberWrittenAsTextIsATypeFindingNotAConversion() throws {
        let line = "    - {year: 1, eligible_costs_eur: \"170000\", other_programmes_eur: 0, subsidy_requested_eur: 120000}"
        let run = try check(["d.yaml": try Self.valid(replacing: "    - {year: 1,", with: line)], ["d.yaml"])
        #expect(run.status == 1)
        #expect(
            SeenFinding.of(run) == [
                SeenFinding(
                    "HDR-002",
                    "`financial_plan.years[0].eligible_costs_eur` doit être un montant en euros (le nombre seul) ; valeur trouvée : \"170000\"",
                    at: 187, 37, path: "financial_plan.years[0].eligible_costs_eur")
            ], "RES-003 does not judge it: 170 000 would be over the cap")
    }

    @Test func aNumberWrittenAsTextInAFieldARuleCoversIsThatRulesFinding() throws {
        // `recognition_term` is RES-005's: it sees the value as written, and says it is text.
        let run = try check(
            ["d.yaml": try Self.valid(replacing: "  recognition_term:", with: "  recognition_term: \"1\"")],
            ["d.yaml", "--lang", "en"])
        #expect(run.status == 1)
        #expect(SeenFinding.of(run).map(\.rule) == ["RES-005"])
        #expect(SeenFinding.of(run).first?.message.hasSuffix("found \"1\"") == true, "\(SeenFinding.of(run))")
        #expect(SeenFinding.of(run).first.map { [$0.line, $0.column] } == [185, 21])
    }

    @Test func aLeadingZeroIsDecimalNotOctal() throws {
        // YAML 1.1 reads 0160001 as octal (57345, within the cap); the format reads 160001, over it.
        let line = "    - {year: 1, eligible_costs_eur: 0160001, other_programmes_eur: 0, subsidy_requested_eur: 120000}"
        let run = try check(["d.yaml": try Self.valid(replacing: "    - {year: 1,", with: line)], ["d.yaml"])
        #expect(run.status == 1)
        #expect(SeenFinding.of(run).map(\.rule) == ["RES-003"])
        #expect(SeenFinding.of(run).first?.message.contains("160 001 €") == true)
    }

    @Test func anAliasToAnUnknownAnchorIsLocated() throws {
        let run = try check(["d.yaml": Self.header + "members: *people\n"], ["d.yaml"])
        #expect(run.status == 1)
        #expect(
            SeenFinding.of(run) == [
                SeenFinding(
                    "HDR-004", "the alias `*people` refers to no anchor: `&people` must come before it in the same document",
                    at: 6, 10)
            ])
    }

    @Test func anErrorAtTheEndOfAFileWithoutAFinalLineBreakIsOnItsLastLine() throws {
        // libyaml adds a line break of its own at the end, and placed the error on line 9 of an 8-line file.
        let run = try check(["d.yaml": Self.header + "network:\n  name: N\n  legal"], ["d.yaml"])
        #expect(run.status == 1)
        #expect(
            SeenFinding.of(run) == [
                SeenFinding(
                    "HDR-004",
                    "YAML syntax error: could not find expected ':' (while scanning a simple key, which started at line 8, column 3)",
                    at: 8, 8)
            ])
        let quoted = try check(["d.yaml": Self.header + "title2: \"never closed"], ["d.yaml"])
        #expect(
            SeenFinding.of(quoted) == [
                SeenFinding(
                    "HDR-004",
                    "YAML syntax error: found unexpected end of stream (while scanning a quoted scalar, which started at line 6, column 9)",
                    at: 6, 22)
            ])
    }
}
