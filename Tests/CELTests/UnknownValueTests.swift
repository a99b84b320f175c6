import Testing

@testable import CEL

/// Unknown values (cel-spec partial evaluation): a map entry still to be filled in reads as
/// unknown, which `&&`, `||`, `all` and `exists` absorb as they absorb errors.
@Suite struct UnknownValueTests {
    /// `{"known": 1, "names": ["a"]}` with `id` still to be filled in.
    static let dossier: CELValue = {
        var map = CELMap(strings: [("known", .int(1)), ("names", .list([.string("a")]))])
        map.unknownKeys = ["id"]
        return .map(map)
    }()

    func outcome(_ source: String) throws -> Result<CELValue, CELError> {
        try CELEnvironment().compile(source).evaluate(["self": Self.dossier])
    }

    func isUnknown(_ source: String) throws -> Bool {
        if case .failure(let error) = try outcome(source) { return error.isUnknown }
        return false
    }

    @Test(arguments: [
        "self.id", "has(self.id)", "'id' in self", "self.?id", "self[?'id']", "self['id']", "self.id == 'x'",
        "size(self.id)", "true && self.id == 'x'", "false || self.id == 'x'", "self.names.all(n, n == self.id)",
        "self.names.exists(n, n == self.id)", "['id', 'known'].filter(f, !(f in self))", "has(self.id) ? 1 : 2",
        "self.id == 'x' && self.nope == 1", "self.nope == 1 || self.id == 'x'",
    ])
    func readingAValueStillToBeFilledInIsUnknown(_ source: String) throws {
        #expect(try isUnknown(source))
    }

    @Test(arguments: [
        ("false && self.id == 'x'", CELValue.bool(false)), ("true || self.id == 'x'", .bool(true)),
        ("self.id == 'x' && self.known == 2", .bool(false)), ("[1, 2].exists(n, n == 2 || self.id == 'x')", .bool(true)),
        ("has(self.known)", .bool(true)), ("has(self.absent)", .bool(false)), ("'absent' in self", .bool(false)),
        ("self.?absent.hasValue()", .bool(false)), ("size(self.names)", .int(1)),
    ])
    func whatDoesNotDependOnItIsKnown(_ source: String, _ expected: CELValue) throws {
        guard case .success(let value) = try outcome(source) else {
            Issue.record("\(source) gave no value")
            return
        }
        #expect(value == expected)
    }

    @Test func anErrorStaysAnErrorWithoutUnknowns() throws {
        guard case .failure(let error) = try outcome("self.absent == 1") else {
            Issue.record("no error")
            return
        }
        #expect(!error.isUnknown)
    }
}
