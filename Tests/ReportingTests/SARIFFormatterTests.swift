import Foundation
import Policy
import TestSupport
import Testing

@testable import Reporting

@Suite struct SARIFFormatterTests {
    func parsed(_ report: CheckReport) throws -> [String: Any] {
        let text = SARIFFormatter(sourceRoot: "file:///work/project/").format(report)
        return try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    @Test func syntheticReportIsValidSARIF() throws {
        try SchemaValidator.expectValid(
            SARIFFormatter(sourceRoot: "file:///work/project/").format(SampleReports.synthetic()), as: .sarif,
            "the synthetic report")
    }

    @Test func bundledExamplesGiveValidSARIF() throws {
        try SchemaValidator.expectValid(SARIFFormatter().format(try SampleReports.examples()), as: .sarif, "the examples' report")
    }

    /// Issue #21: SARIF names the rule catalogue version, as the JSON report's `tool.catalogue` does,
    /// in the driver's property bag (valid SARIF 2.1.0: `syntheticReportIsValidSARIF`).
    @Test func theDriverNamesTheCatalogueVersion() throws {
        let sarif = try parsed(SampleReports.synthetic())
        let run = try #require((sarif["runs"] as? [[String: Any]])?.first)
        let driver = try #require((run["tool"] as? [String: Any])?["driver"] as? [String: Any])
        let properties = try #require(driver["properties"] as? [String: Any])
        #expect(properties["catalogue"] as? String == "1.1")
        let sets = try #require(properties["ruleSets"] as? [[String: Any]])
        #expect(sets.map { $0["catalogue"] as? String } == ["1.1", "1.1"])
        let json = try #require(
            try JSONSerialization.jsonObject(with: Data(JSONFormatter().format(SampleReports.synthetic()).utf8)) as? [String: Any]
        )
        #expect((json["tool"] as? [String: Any])?["catalogue"] as? String == "1.1")
    }

    @Test func resultsCarryRuleLocationFingerprintAndSuppressions() throws {
        let sarif = try parsed(SampleReports.synthetic())
        #expect(sarif["version"] as? String == "2.1.0")
        let run = try #require((sarif["runs"] as? [[String: Any]])?.first)
        #expect(run["columnKind"] as? String == "unicodeCodePoints")
        let driver = try #require((run["tool"] as? [String: Any])?["driver"] as? [String: Any])
        let rules = try #require(driver["rules"] as? [[String: Any]])
        let cap = try #require(rules.first { $0["id"] as? String == "RES-003" })
        #expect(cap["name"] as? String == "EligibleCostsAtMost160000AYear")
        #expect((cap["shortDescription"] as? [String: Any])?["text"] as? String == "Eligible costs at most 160 000 € a year")
        #expect(((cap["help"] as? [String: Any])?["text"] as? String)?.contains("\"Clusterbeleid in Europa\", §7.4.2") == true)
        #expect((cap["defaultConfiguration"] as? [String: Any])?["level"] as? String == "error")
        let disabled = try #require(rules.first { $0["id"] as? String == "RES-010" })
        #expect((disabled["defaultConfiguration"] as? [String: Any])?["enabled"] as? Bool == false)

        let results = try #require(run["results"] as? [[String: Any]])
        #expect(results.count == 3)
        let open = try #require(results.first { $0["ruleId"] as? String == "RES-003" })
        #expect(open["level"] as? String == "error")
        #expect(open["ruleIndex"] as? Int == 0)
        let location = try #require((open["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])
        let artifact = try #require(location["artifactLocation"] as? [String: Any])
        #expect(artifact["uri"] as? String == "dossiers/r%C3%A9seau%20test.yaml")
        #expect(artifact["uriBaseId"] as? String == "%SRCROOT%")
        let region = try #require(location["region"] as? [String: Any])
        #expect(region["startLine"] as? Int == 9 && region["startColumn"] as? Int == 39 && region["endColumn"] as? Int == 48)
        let fingerprint = try #require((open["partialFingerprints"] as? [String: String])?[Fingerprint.sarifKey])
        #expect(fingerprint.count == 16)
        #expect(open["suppressions"] == nil)

        let kinds = results.compactMap { ($0["suppressions"] as? [[String: Any]])?.first?["kind"] as? String }
        #expect(kinds.sorted() == ["external", "inSource"])
        let waived = try #require(results.first { $0["ruleId"] as? String == "HDR-003" })
        let suppression = try #require((waived["suppressions"] as? [[String: Any]])?.first)
        #expect(suppression["justification"] as? String == "Jury decision of 14 March 2026")

        let invocation = try #require((run["invocations"] as? [[String: Any]])?.first)
        #expect(invocation["executionSuccessful"] as? Bool == false, "a file could not be read")
    }
}
