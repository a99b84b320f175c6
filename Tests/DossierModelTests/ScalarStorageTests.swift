import DossierModel
import Testing

/// A scalar keeps a text value that is its own text once; what it gives back never shows it.
struct ScalarStorageTests {
    @Test func aTextValueIsTheTextAsGiven() {
        let scalar = Scalar(text: "Brussels", style: .plain, tag: nil, value: .string("Brussels"))
        #expect(scalar.value == .string("Brussels"))
        #expect(scalar.textValue == "Brussels")
        #expect(!scalar.isNull)
    }

    @Test func aTextValueOtherThanTheTextStaysItsOwn() {
        // Canonically equal but not the same code units: the value keeps its own spelling.
        let scalar = Scalar(text: "e\u{301}", style: .doubleQuoted, tag: nil, value: .string("\u{E9}"))
        #expect(Array(scalar.textValue!.utf8) == Array("\u{E9}".utf8))
        var other = Scalar(text: "a", style: .plain, tag: "!custom", value: .string("b"))
        #expect(other.value == .string("b"))
        other.value = .string("a")
        #expect(other.value == .string("a"))
    }

    @Test func changingTheTextKeepsTheValue() {
        var scalar = Scalar(text: "one", style: .plain, tag: nil, value: .string("one"))
        scalar.text = "two"
        #expect(scalar.text == "two")
        #expect(scalar.value == .string("one"))
    }

    @Test func otherValuesAreKept() {
        let values: [Scalar.Value] = [.null, .bool(true), .int(-7), .double(2.5)]
        for value in values {
            let scalar = Scalar(text: "x", style: .plain, tag: nil, value: value)
            #expect(scalar.value == value)
            #expect(scalar.textValue == nil)
            #expect(scalar.isNull == (value == .null))
        }
    }

    @Test func loadedTextScalarsGiveTheirText() throws {
        let documents = YAMLLoader.load(Array("a: plain text\nb: \"quoted\"\nc: 5\nd: ~\n".utf8))
        let root = try #require(documents.first?.root)
        #expect(root["a"]?.scalar?.value == .string("plain text"))
        #expect(root["b"]?.scalar?.value == .string("quoted"))
        #expect(root["c"]?.scalar?.value == .int(5))
        #expect(root["d"]?.scalar?.isNull == true)
        #expect(root["a"]?.scalarText == "plain text")
    }
}
