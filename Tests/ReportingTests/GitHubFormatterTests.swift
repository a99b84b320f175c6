import Testing

@testable import Reporting

@Suite struct GitHubFormatterTests {
    @Test func oneAnnotationPerOpenFindingWithEscapes() {
        let lines = GitHubFormatter().format(SampleReports.synthetic()).split(separator: "\n").map(String.init)
        #expect(lines.count == 3, "\(lines)")
        #expect(
            lines.contains(
                "::error file=dossiers/missing.yaml,title=unreadable::cannot read dossiers/missing.yaml: no such file or folder"))
        let cap = lines.first { $0.contains("title=RES-003") } ?? ""
        #expect(
            cap == "::error file=dossiers/réseau test.yaml,line=9,col=39,endLine=9,endColumn=48,title=RES-003::"
                + "year 1: eligible costs of 160 000,01 € exceed 160 000 € by 0,01 € — \"100%25\", <b>, a|b, x:y"
                + "%0Aat: financial_plan.years[0].eligible_costs_eur%0Ahelp: at most 160 000 € of eligible costs a year")
        #expect(
            !lines.contains { $0.contains("RES-008") || $0.contains("HDR-003") },
            "suppressed and waived findings are not annotated")
        #expect(lines.last?.hasPrefix("checked 1 dossier in 2 files: 1 error") == true)
    }

    @Test func propertiesEscapeCommasAndColons() {
        #expect(GitHubFormatter.property("a,b:c%\n") == "a%2Cb%3Ac%25%0A")
        #expect(GitHubFormatter.data("a,b:c%\r\n") == "a,b:c%25%0D%0A")
    }

    @Test func infoIsANotice() {
        #expect(GitHubFormatter.command(.info) == "notice")
        #expect(GitHubFormatter.command(.warning) == "warning")
    }
}
