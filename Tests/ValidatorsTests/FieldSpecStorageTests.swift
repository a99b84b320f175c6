import DossierModel
import Testing
import Validators

/// Field specs share their storage until one is changed: a change never shows in a copy.
struct FieldSpecStorageTests {
    @Test func aCopyKeepsItsValuesWhenTheOriginalChanges() {
        let original = FieldSpec(name: "budget", type: .amount, required: true, oneOf: ["a"], coveredBy: "RES-003")
        var changed = original
        changed.name = "costs"
        changed.type = .text
        changed.required = false
        changed.oneOf = nil
        changed.coveredBy = nil
        changed.presenceRule = "RES-001"
        changed.onlyIf = "true"
        changed.typeMark = Mark(line: 3, column: 5)
        #expect(original.name == "budget")
        #expect(original.type.vocabularyKey == "amount")
        #expect(original.required)
        #expect(original.oneOf == ["a"])
        #expect(original.coveredBy == "RES-003")
        #expect(original.presenceRule == nil)
        #expect(original.onlyIf == nil)
        #expect(original.typeMark == nil)
        #expect(changed.name == "costs")
        #expect(changed.type.vocabularyKey == "text")
        #expect(!changed.required)
        #expect(changed.oneOf == nil)
        #expect(changed.coveredBy == nil)
        #expect(changed.presenceRule == "RES-001")
        #expect(changed.onlyIf == "true")
        #expect(changed.typeMark == Mark(line: 3, column: 5))
    }

    @Test func specsInAnArrayChangeAlone() {
        var fields = [FieldSpec(name: "a", type: .text), FieldSpec(name: "b", type: .integer)]
        let before = fields
        fields[1].required = true
        #expect(!before[1].required)
        #expect(fields[1].required)
        #expect(!fields[0].required)
    }
}
