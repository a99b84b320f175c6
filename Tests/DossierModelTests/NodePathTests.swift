import DossierModel
import Testing

struct NodePathTests {
    @Test func rendersKeysAndIndexes() {
        let path: [PathComponent] = [.key("financial_plan"), .key("years"), .index(3), .key("eligible_costs_eur")]
        #expect(NodePath.render(path) == "financial_plan.years[3].eligible_costs_eur")
    }

    @Test func quotesKeysThatAreNotIdentifiers() {
        #expect(NodePath.render([.key("partners"), .index(0), .key("odd key")]) == "partners[0][\"odd key\"]")
        #expect(NodePath.render([.key("a-b"), .key("x")]) == "[\"a-b\"].x")
        #expect(NodePath.render([.key("say \"hi\"\\")]) == "[\"say \\\"hi\\\"\\\\\"]")
        #expect(NodePath.render([.key("2026")]) == "[\"2026\"]")
        #expect(NodePath.render([.key("")]) == "[\"\"]")
        #expect(NodePath.render([.key("é")]) == "[\"é\"]")
    }

    @Test func leadingIndexAndEmptyPath() {
        #expect(NodePath.render([.index(2), .key("id")]) == "[2].id")
        #expect(NodePath.render([]) == "")
    }

    @Test(arguments: ["a", "_x", "member_of_pole", "A1"])
    func identifiers(key: String) { #expect(NodePath.isIdentifier(key)) }

    @Test(arguments: ["", "1a", "a b", "a.b", "a-b", "é"])
    func notIdentifiers(key: String) { #expect(!NodePath.isIdentifier(key)) }
}
