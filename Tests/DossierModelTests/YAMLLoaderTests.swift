import DossierModel
import Testing

struct YAMLLoaderMarkTests {
    static let dossier = """
        id: RES-2026-014
        title: "TWEED – énergie durable"
        partners:
          - id: ucb
            name: Café 😀 SA
            country: BE
          - {id: ü, n: [1, 2]}
        """

    static func checkMarks(_ node: Node) throws {
        let entries = try #require(node.mapping)
        #expect(node.start == mark(1, 1))
        #expect(entries[0].key.start == mark(1, 1))
        #expect(entries[0].key.end == mark(1, 3))
        #expect(entries[0].value.start == mark(1, 5))
        #expect(entries[0].value.end == mark(1, 17))
        #expect(entries[1].key.start == mark(2, 1))
        #expect(entries[1].value.start == mark(2, 8))
        #expect(entries[1].value.end == mark(2, 33))
        #expect(entries[1].value.scalar?.text == "TWEED – énergie durable")

        let partners = try #require(node["partners"])
        #expect(entries[2].key.start == mark(3, 1))
        #expect(partners.start == mark(4, 3))
        let items = try #require(partners.sequence)
        let first = items[0]
        // A block mapping starts at its first key.
        #expect(first.start == mark(4, 5))
        let firstEntries = try #require(first.mapping)
        #expect(firstEntries[0].key.start == mark(4, 5))
        #expect(firstEntries[0].value.start == mark(4, 9))
        #expect(firstEntries[1].key.start == mark(5, 5))
        #expect(firstEntries[1].value.start == mark(5, 11))
        #expect(firstEntries[1].value.end == mark(5, 20))
        #expect(firstEntries[1].value.scalar?.text == "Café 😀 SA")
        #expect(firstEntries[2].key.start == mark(6, 5))
        #expect(firstEntries[2].value.start == mark(6, 14))
        // A block collection ends where its last child ends.
        #expect(first.end == mark(6, 16))

        let second = items[1]
        #expect(second.start == mark(7, 5))
        #expect(second.end == mark(7, 23))
        #expect(second["id"]?.start == mark(7, 10))
        #expect(second["id"]?.scalar?.text == "ü")
        let n = try #require(second.entry("n"))
        #expect(n.key.start == mark(7, 13))
        #expect(n.value.start == mark(7, 16))
        #expect(n.value.end == mark(7, 22))
        #expect(n.value.sequence?[1].start == mark(7, 20))
        #expect(partners.end == mark(7, 23))
        #expect(node.end == mark(7, 23))
    }

    @Test func marksOfKeysValuesAndItems() throws {
        try Self.checkMarks(try root(Self.dossier))
    }

    @Test func marksWithCRLFLineBreaks() throws {
        let crlf = Self.dossier.split(separator: "\n", omittingEmptySubsequences: false).joined(separator: "\r\n") + "\r\n"
        #expect(crlf.utf8.contains(13))
        try Self.checkMarks(try root(crlf))
    }

    @Test func byteOrderMarkIsSkippedWithoutShiftingColumns() throws {
        let documents = YAMLLoader.load([0xEF, 0xBB, 0xBF] + Array(Self.dossier.utf8))
        #expect(documents.count == 1)
        try Self.checkMarks(try #require(documents[0].root))
    }

    @Test func columnsCountUnicodeScalars() throws {
        let node = try root("k: {é: 1, 😀😀: 2, ü: 3}\n")
        let entries = try #require(node["k"]?.mapping)
        #expect(entries.map(\.key.start.column) == [5, 11, 18])
        #expect(entries.map(\.value.start.column) == [8, 15, 21])
    }

    @Test func crlfInsideBlockScalarsBecomesLF() throws {
        let node = try root("a: |\r\n  one\r\n  two\r\nb: x\r\n")
        #expect(node["a"]?.scalar?.text == "one\ntwo\n")
        #expect(node.entry("b")?.key.start == mark(4, 1))
    }

    @Test func documentStartIsItsMarkerOrFirstToken() {
        let documents = load("# comment\n\nid: 1\n---\nid: 2\n--- # again\nid: 3\n")
        #expect(documents.map(\.index) == [0, 1, 2])
        #expect(documents.map(\.start) == [mark(3, 1), mark(4, 1), mark(6, 1)])
        #expect(documents.allSatisfy { $0.problem == nil && $0.root != nil })
        #expect(documents[2].root?["id"]?.scalar?.value == .int(3))
    }
}

struct YAMLLoaderDocumentTests {
    @Test func syntaxErrorInThirdDocumentKeepsTheFirstTwo() throws {
        let documents = load("id: a\n---\nid: b\n---\nid: c\nname: [x, y\n---\nid: d\n")
        try #require(documents.count == 3)
        #expect(documents[0].root?["id"]?.scalar?.text == "a")
        #expect(documents[1].root?["id"]?.scalar?.text == "b")
        #expect(documents[2].index == 2)
        #expect(documents[2].root == nil)
        #expect(documents[2].start == mark(4, 1))
        let problem = try #require(documents[2].problem)
        #expect(problem.kind == .syntax)
        #expect(problem.mark.line >= 6)
        #expect(problem.detail["problem"] != nil)
        #expect(problem.message.hasPrefix("YAML syntax error: "))
    }

    @Test func syntaxErrorNamesItsContext() throws {
        let problem = try onlyProblem("id: a\ntitle: \"unterminated\n")
        #expect(problem.kind == .syntax)
        #expect(problem.related == [mark(2, 8)])
        #expect(problem.detail["context"] == "while scanning a quoted scalar")
        #expect(problem.message.contains("line 2, column 8"))
    }

    @Test(arguments: ["", "# only a comment\n", "\n\n   \n", "# a\n# b"])
    func emptyFile(text: String) throws {
        let problem = try onlyProblem(text)
        #expect(problem.kind == .empty)
        #expect(problem.mark == mark(1, 1))
        #expect(problem.detail["reason"] == "empty-file")
    }

    @Test func nullDocumentsInAStream() throws {
        let documents = load("id: a\n---\n---\nid: c\n--- ~\n")
        try #require(documents.count == 4)
        #expect(documents[0].problem == nil)
        #expect(documents[1].problem?.kind == .empty)
        #expect(documents[1].problem?.mark == mark(2, 1))
        #expect(documents[2].problem == nil)
        #expect(documents[2].root?["id"]?.scalar?.text == "c")
        #expect(documents[3].problem?.kind == .empty)
        #expect(documents[3].problem?.mark == mark(5, 5))
    }

    @Test(arguments: [
        ("- a\n- b\n", "list", "a list"), ("just text\n", "text", "text"), ("42\n", "number", "a number"),
        ("true\n", "boolean", "a boolean"), ("\"quoted\"\n", "text", "text"), ("[1, 2]\n", "list", "a list"),
    ])
    func rootThatIsNotAMapping(text: String, found: String, phrase: String) throws {
        let problem = try onlyProblem(text)
        #expect(problem.kind == .notAMapping)
        #expect(problem.mark == mark(1, 1))
        #expect(problem.detail["found"] == found)
        #expect(problem.message == "a document must be a mapping of `key: value` lines, found \(phrase)")
    }

    @Test func duplicateKeyNamesBothLines() throws {
        let text = """
            id: a
            partners:
              - id: x
                name: A
                name: B
            """
        let problem = try onlyProblem(text)
        #expect(problem.kind == .duplicateKey)
        #expect(problem.mark == mark(5, 5))
        #expect(problem.related == [mark(4, 5)])
        #expect(problem.message == "duplicate key `name` (first at line 4)")
        #expect(problem.detail["key"] == "name")
        #expect(problem.detail["firstLine"] == "4")
        #expect(problem.detail["firstColumn"] == "5")
    }

    @Test func onlyTheFirstDuplicateIsReported() throws {
        let problem = try onlyProblem("a: 1\nb: 2\na: 3\nb: 4\n")
        #expect(problem.mark == mark(3, 1))
        #expect(problem.related == [mark(1, 1)])
    }

    @Test func duplicateKeysInFlowAndLargeMappings() throws {
        #expect(try onlyProblem("m: {x: 1, y: 2, x: 3}").mark == mark(1, 17))
        let many = (0..<40).map { "k\($0): \($0)" }.joined(separator: "\n") + "\nk7: again\nk40: new\n"
        let problem = try onlyProblem(many)
        #expect(problem.kind == .duplicateKey)
        #expect(problem.mark == mark(41, 1))
        #expect(problem.related == [mark(8, 1)])
        let large = (0..<40).map { "k\($0): \($0)" }.joined(separator: "\n") + "\n\"k39\": x\n"
        #expect(try onlyProblem(large).related == [mark(40, 1)])
    }

    @Test func keysWithEqualTextAndDifferentValuesAreDistinct() throws {
        let node = try root("1: int\n\"1\": text\ntrue: bool\n'true': text\n")
        #expect(node.mapping?.count == 4)
        #expect(try onlyProblem("a: 1\n\"a\": 2\n").kind == .duplicateKey)
    }

    @Test func aDocumentProblemDoesNotSpillIntoTheNext() throws {
        let documents = load("a: 1\na: 2\n---\nb: *nope\n---\nc: 3\n")
        try #require(documents.count == 3)
        #expect(documents[0].problem?.kind == .duplicateKey)
        #expect(documents[1].problem?.kind == .syntax)
        #expect(documents[1].problem?.detail["reason"] == "undefined-alias")
        #expect(documents[1].problem?.mark == mark(4, 4))
        #expect(documents[1].problem?.end == mark(4, 9))
        #expect(documents[2].problem == nil)
        #expect(documents[2].root?["c"]?.scalar?.value == .int(3))
    }

    @Test func anchorsAndAliasesAreExpanded() throws {
        let text = """
            base: &base
              country: BE
              region: BE-WAL
            amount: &amount 160000
            partners:
              - *base
              - id: x
                address: *base
                budget_eur: *amount
            """
        let node = try root(text)
        // An anchored block mapping still starts at its first key.
        #expect(node["base"]?.start == mark(2, 3))
        let partners = try #require(node["partners"]?.sequence)
        let copy = partners[0]
        #expect(copy["country"]?.scalar?.text == "BE")
        #expect(copy["region"]?.scalar?.text == "BE-WAL")
        // The copy itself is located at its alias, its children at the anchored original.
        #expect(copy.start == mark(6, 5))
        #expect(copy.end == mark(6, 10))
        #expect(copy.entry("country")?.key.start == mark(2, 3))
        #expect(partners[1]["address"]?["region"]?.scalar?.text == "BE-WAL")
        let budget = try #require(partners[1]["budget_eur"])
        #expect(budget.scalar?.value == .int(160_000))
        #expect(budget.start == mark(9, 17))
    }

    @Test func anchorsAreRedefinableAndPerDocument() throws {
        let documents = load("a: &x 1\nb: *x\nc: &x 2\nd: *x\n---\ne: *x\n")
        #expect(documents[0].root?["b"]?.scalar?.value == .int(1))
        #expect(documents[0].root?["d"]?.scalar?.value == .int(2))
        #expect(documents[1].problem?.detail["reason"] == "undefined-alias")
    }

    @Test func recursiveAliasIsRefused() throws {
        let problem = try onlyProblem("a: &x [1, *x]\n")
        #expect(problem.kind == .syntax)
        #expect(problem.detail["reason"] == "recursive-alias")
        #expect(problem.mark == mark(1, 11))
    }
}

struct YAMLLoaderEncodingTests {
    @Test func invalidUTF8IsLocatedAtTheFirstBadByte() throws {
        let bytes = Array("id: a\ntitle: Caf".utf8) + [0xE9] + Array(" au lait\n".utf8)
        let problem = try onlyProblem(bytes)
        #expect(problem.kind == .invalidEncoding)
        #expect(problem.mark == mark(2, 11))
        #expect(problem.detail["byte"] == "0xE9")
        #expect(problem.detail["reason"] == "utf8")
    }

    @Test func invalidUTF8AfterNonASCIIText() throws {
        // é and 😀 are single columns; the stray continuation byte is column 8.
        let bytes = Array("id: é😀 ".utf8) + [0x80]
        #expect(try onlyProblem(bytes).mark == mark(1, 8))
        // Overlong encoding and an encoded surrogate are not UTF-8 either.
        #expect(try onlyProblem(Array("a: ".utf8) + [0xC0, 0xAF]).kind == .invalidEncoding)
        #expect(try onlyProblem(Array("a: ".utf8) + [0xED, 0xA0, 0x80]).kind == .invalidEncoding)
        #expect(try onlyProblem(Array("a: x\r\nb: ".utf8) + [0xF5]).mark == mark(2, 4))
    }

    @Test func invalidUTF8EndsTheFileAtItsDocument() throws {
        let bytes = Array("id: a\n---\nid: b\ntitle: Caf".utf8) + [0xE9] + Array("\n---\nid: c\n".utf8)
        let documents = YAMLLoader.load(bytes)
        try #require(documents.count == 2)
        #expect(documents[0].problem == nil)
        #expect(documents[1].index == 1)
        #expect(documents[1].start == mark(2, 1))
        #expect(documents[1].problem?.kind == .invalidEncoding)
        #expect(documents[1].problem?.mark == mark(4, 11))
    }

    @Test func invalidUTF8AfterAnExplicitDocumentEndStartsANewDocument() throws {
        let bytes = Array("id: a\n...\n# ".utf8) + [0xFF]
        let documents = YAMLLoader.load(bytes)
        try #require(documents.count == 2)
        #expect(documents[0].root != nil)
        #expect(documents[1].problem?.kind == .invalidEncoding)
        #expect(documents[1].start == mark(3, 3))
    }

    @Test func syntaxErrorBeforeTheBadByteWins() throws {
        let bytes = Array("a: [1\nb: ".utf8) + [0xFF]
        let problem = try onlyProblem(bytes)
        #expect(problem.kind == .syntax || problem.kind == .invalidEncoding)
        let early = Array("a: b: c\nd: ".utf8) + [0xFF]
        #expect(try onlyProblem(early).kind == .syntax)
    }

    @Test func badByteInsideAKeyOrFlowListIsStillAnEncodingProblem() throws {
        let key = Array("a: 1\nCaf".utf8) + [0xE9] + Array(": x\n".utf8)
        #expect(try onlyProblem(key).kind == .invalidEncoding)
        #expect(try onlyProblem(key).mark == mark(2, 4))
        let list = Array("k: [1, 2".utf8) + [0xFF] + Array("]\n".utf8)
        #expect(try onlyProblem(list).kind == .invalidEncoding)
        let quoted = Array("k: \"ab".utf8) + [0xFF] + Array("\"\n".utf8)
        #expect(try onlyProblem(quoted).kind == .invalidEncoding)
        #expect(try onlyProblem([0xFF]).mark == mark(1, 1))
    }

    @Test func utf16IsRefusedWhole() throws {
        let text = "id: a\ntitle: b\n"
        let le: [UInt8] = text.utf16.flatMap { unit -> [UInt8] in [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        let be: [UInt8] = text.utf16.flatMap { unit -> [UInt8] in [UInt8(unit >> 8), UInt8(unit & 0xFF)] }
        let littleEndian: [UInt8] = [0xFF, 0xFE] + le
        let bigEndian: [UInt8] = [0xFE, 0xFF] + be
        let withoutBOM = le
        for bytes in [littleEndian, bigEndian, withoutBOM] {
            let problem = try onlyProblem(bytes)
            #expect(problem.kind == .invalidEncoding)
            #expect(problem.detail["reason"] == "utf16")
            #expect(problem.message.contains("UTF-16"))
            #expect(problem.message.contains("save it as UTF-8"))
        }
    }

    @Test func nulBytesMeanABinaryFile() throws {
        let problem = try onlyProblem(Array("id: a\nx: ".utf8) + [0, 0, 1, 2])
        #expect(problem.kind == .invalidEncoding)
        #expect(problem.detail["reason"] == "binary")
        #expect(problem.mark == mark(2, 4))
    }

    @Test func controlCharactersAreSyntaxErrors() throws {
        let problem = try onlyProblem("id: a\u{7}\n")
        #expect(problem.kind == .syntax)
        #expect(problem.detail["reason"] == "control-character")
        #expect(problem.detail["character"] == "U+0007")
        #expect(problem.mark == mark(1, 6))
    }

    /// The check reads printable ASCII eight bytes at a time: a bad character is found at its
    /// column wherever it falls in a group of eight, and the characters next to the edges of the
    /// printable range pass.
    @Test(arguments: ["\u{1}", "\u{1F}", "\u{7F}", "\u{80}", "\u{9F}"])
    func aControlCharacterIsFoundAtEveryOffset(bad: String) throws {
        for before in 0..<17 {
            let text = "id: " + String(repeating: "a", count: before) + bad + String(repeating: "z", count: 20) + "\n"
            let problem = try onlyProblem(text)
            #expect(problem.detail["reason"] == "control-character", "\(before)")
            #expect(problem.mark == mark(1, 5 + before), "\(before)")
        }
        #expect(load("id: \u{20}~\u{7E} !" + String(repeating: "~", count: 30) + "\n")[0].problem == nil)
    }

    @Test(arguments: [
        ("a:\n\tb: 1\n", Mark(line: 2, column: 1)),
        ("a: 1\n\tb: 2\n", Mark(line: 2, column: 1)),
        ("x:\n  a: 1\n \tb: 2\n", Mark(line: 3, column: 2)),
        ("a: |\n\t x\n", Mark(line: 2, column: 1)),
        ("a:\n  - x\n  -\ty\n", Mark(line: 3, column: 4)),
    ])
    func tabsUsedAsIndentationAreNamed(text: String, at expected: Mark) throws {
        let problem = try onlyProblem(text)
        #expect(problem.kind == .syntax)
        #expect(problem.detail["reason"] == "tab-indentation")
        #expect(problem.mark == expected)
        #expect(problem.message.contains("tab character is used for indentation"))
    }

    @Test func otherSyntaxErrorsOnLinesWithTabsAreNotBlamedOnThem() throws {
        let problem = try onlyProblem("a: [1,\n\t2, 3 : : ]\n")
        #expect(problem.kind == .syntax)
        #expect(problem.detail["reason"] == "libyaml")
    }

    @Test func tabsInsideValuesAreFine() throws {
        let node = try root("a: \"x\ty\"\nb: x\ty\nc: 1\t# comment\n")
        #expect(node["a"]?.scalar?.text == "x\ty")
        #expect(node["b"]?.scalar?.text == "x\ty")
        #expect(node["c"]?.scalar?.value == .int(1))
    }
}

struct YAMLLoaderLimitTests {
    /// The classic alias bomb: nine levels of ten aliases, 10⁹ strings once expanded.
    static let billionLaughs: String = {
        var lines = ["a: &a [\"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\"]"]
        let names = Array("abcdefghi")
        for i in 1..<names.count {
            let previous = names[i - 1]
            lines.append(
                "\(names[i]): &\(names[i]) [" + Array(repeating: "*\(previous)", count: 10).joined(separator: ", ") + "]")
        }
        return lines.joined(separator: "\n") + "\n"
    }()

    @Test func billionLaughsIsRefused() throws {
        let problem = try onlyProblem(Self.billionLaughs)
        #expect(problem.kind == .limit)
        #expect(problem.detail["reason"] == "alias-nodes")
        #expect(problem.detail["limit"] == "1000000")
        #expect(problem.mark.line == 6)
    }

    @Test func aliasBudgetIsConfigurable() throws {
        // Each `*a` stands for 4 nodes (the list and its 3 items): 20 in all.
        let text = "a: &a [1, 2, 3]\nb: [*a, *a]\nc: [*a, *a, *a]\n"
        #expect(load(text, limits: LoadLimits(maxAliasNodes: 20))[0].problem == nil)
        let refused = load(text, limits: LoadLimits(maxAliasNodes: 19))
        #expect(refused.count == 1)
        #expect(refused[0].problem?.kind == .limit)
        #expect(refused[0].problem?.mark == mark(3, 13))
        #expect(refused[0].problem?.end == mark(3, 15), "the alias token alone is marked")
        #expect(load(text, limits: LoadLimits(maxAliasNodes: 7))[0].problem?.mark == mark(2, 9))
    }

    @Test func nestingBeyondTheDepthLimitIsRefused() throws {
        let depth = 300
        let text = "v: " + String(repeating: "[", count: depth) + String(repeating: "]", count: depth) + "\n"
        let problem = try onlyProblem(text)
        #expect(problem.kind == .limit)
        #expect(problem.detail["reason"] == "depth")
        // The root mapping is depth 1, so the 256th bracket is the 257th level.
        #expect(problem.mark == mark(1, 3 + 256))
        let fits = "v: " + String(repeating: "[", count: 255) + String(repeating: "]", count: 255) + "\n"
        #expect(load(fits)[0].problem == nil)
    }

    @Test func deepBlockNestingAndAliasesCountToo() throws {
        let limits = LoadLimits(maxDepth: 4)
        #expect(load("a:\n  b:\n    c:\n      d: 1\n", limits: limits)[0].problem == nil)
        #expect(load("a:\n  b:\n    c:\n      d:\n        e: 1\n", limits: limits)[0].problem?.kind == .limit)
        let viaAlias = load("a: &x [[1]]\nb: [[*x]]\n", limits: limits)
        #expect(viaAlias[0].problem?.detail["reason"] == "depth")
        #expect(viaAlias[0].problem?.mark == mark(2, 6))
    }

    @Test func limitEndsTheFile() throws {
        let text = "a: 1\n---\nv: [[[[1]]]]\n---\nc: 3\n"
        let documents = load(text, limits: LoadLimits(maxDepth: 3))
        try #require(documents.count == 2)
        #expect(documents[0].problem == nil)
        #expect(documents[1].problem?.kind == .limit)
        #expect(documents[1].start == mark(2, 1))
    }

    @Test func documentAndNodeLimits() throws {
        let documents = load("a: 1\n---\na: 2\n---\na: 3\n", limits: LoadLimits(maxDocuments: 2))
        try #require(documents.count == 3)
        #expect(documents[2].problem?.kind == .limit)
        #expect(documents[2].problem?.detail["reason"] == "documents")
        #expect(documents[2].start == mark(4, 1))

        let nodes = load("a: [1, 2, 3, 4]\n", limits: LoadLimits(maxNodes: 5))
        #expect(nodes[0].problem?.detail["reason"] == "nodes")
        #expect(nodes[0].problem?.mark == mark(1, 11))
    }

    @Test func hugeLimitsNeverTrap() throws {
        // Thirty levels of ten aliases: 10³⁰ nodes on paper, counted without overflow.
        var lines = ["l0: &l0 [x, x]"]
        for i in 1...30 {
            lines.append("l\(i): &l\(i) [" + Array(repeating: "*l\(i - 1)", count: 10).joined(separator: ", ") + "]")
        }
        let text = lines.joined(separator: "\n") + "\n"
        let unlimited = LoadLimits(maxDepth: .max, maxDocuments: .max, maxNodes: .max, maxAliasNodes: .max)
        let documents = load(text, limits: unlimited)
        #expect(documents.count == 1)
        #expect(documents[0].root?["l30"]?.sequence?.count == 10)
        #expect(try onlyProblem(text).kind == .limit)
    }

    @Test func manyDocumentsLoad() {
        let text = (0..<500).map { "id: \($0)" }.joined(separator: "\n---\n")
        let documents = load(text)
        #expect(documents.count == 500)
        #expect(documents.last?.root?["id"]?.scalar?.value == .int(499))
        #expect(documents.map(\.index) == Array(0..<500))
    }
}
