import DossierModel
import Testing

/// libyaml ends a text without a final line break with one of its own; an error found there is
/// placed at the text's real end, never on a line the file does not have (found by fuzzing:
/// Tests/Fixtures/Regressions/yaml-check/error-past-the-last-line).
struct EndOfTextTests {
    @Test(arguments: [
        ("a: 1\nb:\n  n: 1\n  legal", Mark(line: 4, column: 8)),
        ("a:\n  b: 1\n  c", Mark(line: 3, column: 4)),
        ("k: 1\r\nv", Mark(line: 2, column: 2)),
        ("k: 1\rv", Mark(line: 2, column: 2)),
    ])
    func anErrorAtTheEndIsOnTheLastLine(text: String, expected: Mark) throws {
        let problem = try onlyProblem(text)
        #expect(problem.kind == .syntax)
        #expect(problem.mark == expected, "\(problem.message)")
    }

    @Test func withAFinalLineBreakTheEndIsTheEmptyLastLine() throws {
        // The place after the final line break is a real place: the start of the (empty) last line.
        #expect(try onlyProblem("a: 1\nb: \"open\n").mark == Mark(line: 3, column: 1))
    }
}
