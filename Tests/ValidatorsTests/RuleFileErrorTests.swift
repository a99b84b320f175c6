import BundledData
import DossierModel
import TestSupport
import Testing
import Validators

/// A broken rule file is rejected when it is loaded, with the place that is wrong.
@Suite struct RuleFileErrorTests {
    static let header = """
        ruleset: test-set
        version: 1.0.0
        kind: test-kind
        imports: [common]
        parameters:
          cap: 100
        rules:

        """

    static let goodRule = """
          - id: TST-001
            severity: error
            title: A test rule
            source: §1
            check: self.size() > 0
            message: "nothing here"

        """

    /// Loads the bundled sets plus `text` as a local file; returns the error it gives.
    func error(_ text: String) -> RuleFileError? {
        do {
            let bundled = try RuleSetCollection.parse(BundledData.ruleFiles.map { ("rules/" + $0.name, $0.contents) })
            let local = try RuleSetCollection.parse([("local/test.yaml", text)])
            _ = try Checker(ruleSets: RuleSetCollection.overriding(bundled, with: local), iso: Fixtures.iso)
            return nil
        } catch let errors as RuleSetCollection.Errors {
            return errors.errors.first
        } catch let error as RuleFileError {
            return error
        } catch {
            Issue.record("unexpected error \(error)")
            return nil
        }
    }

    @Test func aWellFormedSetLoads() {
        #expect(error(Self.header + Self.goodRule) == nil)
    }

    /// Issue 15's tutorial, followed from scratch: `{en: Eurostars project, call 2027, es: …}` reads
    /// as a key `call 2027`; the error says why.
    @Test func aCommaInAOneLineTextIsNamed() throws {
        let text = Self.header.replacingOccurrences(
            of: "imports: [common]\n", with: "imports: [common]\ntitle: {en: Test project, call 2027, nl: Testproject}\n")
        let found = try #require(error(text + Self.goodRule))
        #expect(
            found.message
                == "unknown key `call 2027` in `title`: a text per language is keyed by language tags (en, es, pt-BR …); in `{…}` a comma ends a text: quote a text that holds one"
        )
        #expect(found.mark?.line == 5)
    }

    @Test func brokenYAML() throws {
        let found = try #require(error(Self.header + "  - id: [TST-001\n"))
        #expect(found.file == "local/test.yaml")
        #expect(found.mark?.line == 9)
    }

    @Test func unknownKeyInARule() throws {
        let found = try #require(
            error(Self.header + Self.goodRule.replacingOccurrences(of: "source: §1", with: "source: §1\n    sevrity: error")))
        #expect(found.message.contains("unknown key `sevrity`"))
        #expect(found.mark == Mark(line: 12, column: 5))
    }

    @Test func expressionThatDoesNotParsePointsAtTheCharacter() throws {
        let found = try #require(
            error(
                Self.header + Self.goodRule.replacingOccurrences(of: "check: self.size() > 0", with: "check: self.size() > > 0")))
        #expect(found.message.contains("rule TST-001, `check`"))
        #expect(found.mark?.line == 12)
        #expect(
            (found.mark?.column ?? 0) >= 26, "at the second `>` or after it, not at the start: \(String(describing: found.mark))")
    }

    @Test func unknownParameter() throws {
        let found = try #require(
            error(Self.header + Self.goodRule.replacingOccurrences(of: "self.size() > 0", with: "self.size() > params.capp")))
        #expect(found.message.contains("unknown parameter `params.capp`"))
    }

    @Test func unknownName() throws {
        let text =
            Self.header + Self.goodRule.replacingOccurrences(of: "self.size() > 0", with: "self.size() > 0 && selff.size() > 0")
        let found = try #require(error(text))
        #expect(found.message.contains("unknown name `selff`"))
        // At the name, not at the start of the expression.
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let line = try #require(lines.firstIndex { $0.contains("selff") })
        let column = try #require(lines[line].range(of: "selff")).lowerBound.utf16Offset(in: lines[line]) + 1
        #expect(found.mark == Mark(line: line + 1, column: column))
    }

    @Test func duplicateRuleID() throws {
        let found = try #require(error(Self.header + Self.goodRule.replacingOccurrences(of: "TST-001", with: "RES-003")))
        #expect(found.message.contains("RES-003 is also defined"))
    }

    @Test func unknownImport() throws {
        let found = try #require(error(Self.header.replacingOccurrences(of: "[common]", with: "[commons]") + Self.goodRule))
        #expect(found.message.contains("imports `commons`"))
    }

    @Test func placeholderWithoutALet() throws {
        let found = try #require(
            error(Self.header + Self.goodRule.replacingOccurrences(of: "nothing here", with: "{count} things")))
        #expect(found.message.contains("`{count}`"))
    }

    @Test func badSeverity() throws {
        let found = try #require(
            error(Self.header + Self.goodRule.replacingOccurrences(of: "severity: error", with: "severity: fatal")))
        #expect(found.message.contains("severity is error, warning or info"))
        #expect(found.mark?.line == 9)
    }

    @Test func missingVersion() throws {
        let found = try #require(error(Self.header.replacingOccurrences(of: "version: 1.0.0\n", with: "") + Self.goodRule))
        #expect(found.message.contains("needs a `version:`"))
    }

    @Test func unknownTypeName() throws {
        let found = try #require(error(Self.header + Self.goodRule + "structure:\n  things: {list: thingy}\n"))
        #expect(found.message.contains("thingy"))
    }
}
