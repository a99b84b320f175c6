import Foundation
import TestSupport
import Testing

/// `--csv-dialect excel-eu`, read back by Python's csv module as Excel with Belgian, Dutch,
/// French or German settings reads it: a UTF-8 byte-order mark, `;` between fields, decimal
/// commas; every row's figures equal the JSON report's.
@Suite struct EuropeanCSVTests {
    static let reader = """
        import csv, io, json, sys
        raw = open(sys.argv[1], "rb").read()
        text = raw.decode("utf-8-sig")
        rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=";"))
        print(json.dumps({"bom": raw.startswith(b"\\xef\\xbb\\xbf"), "crlf": b"\\r\\n" in raw, "rows": rows}))
        """

    @Test func excelEuropeanDialectParsesBackWithTheReportsFigures() throws {
        let examples = try TriagedExamples.shared.get()
        let run = try Python.run(["-c", Self.reader, examples.csv.path])
        try #require(run.status == 0, "python csv: \(run.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: run.stdout) as? [String: Any])
        #expect(object["bom"] as? Bool == true, "starts with the UTF-8 byte-order mark")
        #expect(object["crlf"] as? Bool == true)
        let records = object["rows"] as? [[String]] ?? []
        let header = try #require(records.first)
        #expect(
            header == [
                "file", "document", "id", "title", "kind", "applicant", "admissible", "errors", "warnings", "infos", "partners",
                "sme_share", "research_share", "total_eligible_eur", "total_requested_eur", "public_share", "new_partners",
                "duplicate", "parse_error", "failed_rules", "id_from_broken_file",
            ])
        let rows = records.dropFirst().map { Dictionary(uniqueKeysWithValues: zip(header, $0)) }
        #expect(rows.count == examples.dossiers.count)
        #expect(records.dropFirst().allSatisfy { $0.count == header.count }, "every row has every field")
        var decimals = 0
        for (row, json) in zip(rows, examples.dossiers) {
            let id = json["id"] as? String ?? ""
            #expect(row["id"] == id)
            #expect(row["title"] == (json["title"] as? String ?? ""), "\(id): the title, accents and separators kept")
            #expect(row["failed_rules"] == (json["failedRules"] as? [String] ?? []).joined(separator: " "))
            #expect(row["id_from_broken_file"] == (json["identityFromBrokenFile"] as? Bool == true ? "yes" : ""))
            for (field, key) in [("total_eligible_eur", "eligible"), ("total_requested_eur", "requested")] {
                let written = row[field] ?? ""
                guard let expected = json[key] as? NSNumber else {
                    #expect(written.isEmpty)
                    continue
                }
                #expect(!written.contains("."), "\(id): \(field) \(written) has no decimal point")
                #expect(
                    Decimal(string: written.replacingOccurrences(of: ",", with: "."), locale: nil)
                        == Decimal(string: expected.stringValue, locale: nil), "\(id): \(field)")
                if written.contains(",") { decimals += 1 }
            }
            for (field, key) in [("sme_share", "smeShare"), ("research_share", "researchShare"), ("public_share", "publicShare")]
            {
                let written = row[field] ?? ""
                guard let expected = (json[key] as? NSNumber)?.doubleValue else {
                    #expect(written.isEmpty)
                    continue
                }
                #expect(written.contains(","), "\(id): \(field) \(written) has a decimal comma")
                #expect(
                    abs((Double(written.replacingOccurrences(of: ",", with: ".")) ?? -1) - expected) <= 0.000051,
                    "\(id): \(field)")
            }
        }
        #expect(decimals > 0 || rows.contains { ($0["sme_share"] ?? "").contains(",") })
    }

    @Test func fieldsHoldingTheSeparatorAreQuoted() throws {
        // A title with `;` and quotes, in a call of one dossier.
        let folder = try Fixtures.temporaryFolder()
        let source = try String(
            contentsOf: Fixtures.repositoryFile("examples/tki-project").appending(path: "valid-htsm-inline-metrologie.yaml"),
            encoding: .utf8)
        let text = source.split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.hasPrefix("title:") ? #"title: 'Ports; "twin" – Pôle'"# : String($0) }.joined(separator: "\n")
        try Data(text.utf8).write(to: folder.appending(path: "one.yaml"))
        let csv = folder.appending(path: "one.csv")
        let run = try Fixtures.run([
            "triage", folder.path, "--out", folder.appending(path: "one.html").path, "--csv", csv.path, "--csv-dialect",
            "excel-eu", "--no-progress",
        ])
        #expect(run.status == 0, "\(run.stderr)")
        let parsed = try Python.run(["-c", Self.reader, csv.path])
        let object = try JSONSerialization.jsonObject(with: parsed.stdout) as? [String: Any]
        let records = object?["rows"] as? [[String]] ?? []
        #expect(records.count == 2)
        #expect(records.last?[3] == #"Ports; "twin" – Pôle"#)
        let bad = try Fixtures.run([
            "triage", folder.path, "--out", folder.appending(path: "x.html").path, "--csv-dialect", "semicolon",
        ])
        #expect(bad.status == 64 || bad.status == 2, "an unknown dialect is a usage error: \(bad.status)")
    }
}
