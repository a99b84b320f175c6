import Foundation
import TestSupport
import Testing

@testable import Reporting

@Suite struct JUnitFormatterTests {
    @Test func syntheticReportIsValidJUnit() throws {
        for threshold in FailThreshold.allCases {
            try SchemaValidator.expectValid(
                JUnitFormatter().format(SampleReports.synthetic(failOn: threshold)), as: .junit, "--fail-on \(threshold)")
        }
    }

    @Test func bundledExamplesGiveValidJUnit() throws {
        try SchemaValidator.expectValid(JUnitFormatter().format(try SampleReports.examples()), as: .junit, "the examples' report")
    }

    @Test func aTestCasePerDossierAndRuleFailingAtTheThreshold() throws {
        let xml = JUnitFormatter().format(SampleReports.synthetic())
        // Three enabled rules for the dossier (RES-010 is disabled), one case for the unreadable file.
        #expect(xml.contains("<testsuites name=\"dossiercheck\" tests=\"4\" failures=\"1\" errors=\"1\">"))
        #expect(xml.contains("<testcase name=\"RES-003: Eligible costs at most 160 000 € a year\" classname=\"RES-2026-001\">"))
        #expect(
            xml.contains(
                "<failure type=\"error\" message=\"year 1: eligible costs of 160 000,01 € exceed 160 000 € by 0,01 € — &quot;100%&quot;, &lt;b&gt;, a|b, x:y\">"
            ))
        #expect(xml.contains("<skipped message=\"suppressed: accepted by the jury, minutes §4"))
        #expect(xml.contains("<skipped message=\"waived: Jury decision of 14 March 2026"))
        #expect(xml.contains("<error type=\"unreadable\""))
        #expect(!xml.contains("RES-010"))

        let never = JUnitFormatter().format(SampleReports.synthetic(failOn: .never))
        #expect(never.contains("failures=\"0\""))
        #expect(
            never.contains("<system-out>dossiers/réseau test.yaml:9:39: error[RES-003]"),
            "below the threshold, findings go to system-out")
    }
}
