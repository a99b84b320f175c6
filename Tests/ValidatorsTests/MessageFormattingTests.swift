import CEL
import Foundation
import Testing
import Validators

@Suite struct MessageFormattingTests {
    @Test(arguments: [
        (Language.en, "€160,000", "€0.01", "80%"),
        (.fr, "160 000 €", "0,01 €", "80 %"),
        (.de, "160.000 €", "0,01 €", "80 %"),
        (.nl, "€ 160.000", "€ 0,01", "80%"),
    ])
    func amountsAndPercentagesPerLanguage(_ language: Language, _ big: String, _ cent: String, _ percent: String) {
        #expect(NumberFormat.euro(160000, in: language) == big)
        #expect(NumberFormat.euro(Decimal(string: "0.01")!, in: language) == cent)
        #expect(NumberFormat.percent(Decimal(string: "0.8")!, in: language) == percent)
    }

    @Test func centsAreShownWithTwoDigits() {
        #expect(NumberFormat.euro(Decimal(string: "8000.25")!, in: .en) == "€8,000.25")
        #expect(NumberFormat.euro(Decimal(string: "8000.5")!, in: .fr) == "8 000,50 €")
    }

    @Test func placeholdersAreFilledAndFormatted() {
        let text = MessageTemplate.render(
            "{who} asks {amount:eur} ({share:percent}); {{literal}} {missing}",
            values: ["who": .string("sap"), "amount": .decimal(1_200_000), "share": .decimal(Decimal(string: "0.6")!)],
            language: .en)
        #expect(text == "sap asks €1,200,000 (60%); {literal} {missing}")
        #expect(MessageTemplate.placeholders(in: "a {x} b {y:eur}") == ["x", "y"])
    }

    @Test func listsAreJoined() {
        let text = MessageTemplate.render("{ids}", values: ["ids": .list([.string("a"), .string("b")])], language: .en)
        #expect(text == "a, b")
    }
}
