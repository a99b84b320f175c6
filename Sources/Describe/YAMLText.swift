import Foundation
import Reporting

/// Text written into YAML so that it reads back as the same text.
enum YAMLText {
    /// Plain when that reads back as this text under YAML 1.2, else double-quoted.
    static func scalar(_ text: String) -> String {
        let reserved: Set<String> = ["true", "false", "null", "~", "True", "False", "Null", "TRUE", "FALSE", "NULL", ""]
        let plain =
            !reserved.contains(text) && Double(text) == nil && Int(text) == nil
            && text.first.map { $0.isLetter || $0 == "_" || $0 == "<" || $0 == "§" } == true
            && !text.contains(": ") && !text.contains(" #") && !text.contains(where: { "\n\t\"{}[],&*!|'%@`".contains($0) })
            && text.last != ":" && text.last != " "
        // JSON's string escapes are YAML's double-quoted ones.
        return plain ? text : JSONValue.string(text).serialized()
    }

    /// Words wrapped into lines of at most `width` characters (a longer word stands alone). Only
    /// spaces and line ends break, and never inside a figure (`160 000,01 €`, `€ 1.000`, `80 %`).
    static func wrap(_ text: String, width: Int) -> [String] {
        var words: [String] = []
        for word in text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" }).map(String.init) {
            if let previous = words.last, holdsTogether(previous, word) {
                words[words.count - 1] = previous + " " + word
            } else {
                words.append(word)
            }
        }
        var lines: [String] = []
        var line = ""
        for word in words {
            if !line.isEmpty, line.count + 1 + word.count > width {
                lines.append(line)
                line = ""
            }
            line += (line.isEmpty ? "" : " ") + word
        }
        if !line.isEmpty { lines.append(line) }
        return lines
    }

    /// Whether two words are parts of one figure: digit groups, a currency or percent sign.
    static func holdsTogether(_ previous: String, _ next: String) -> Bool {
        if previous == "€" { return next.first?.isNumber == true }
        guard previous.last?.isNumber == true, let first = next.first else { return false }
        return first.isNumber && next.prefix(while: \.isNumber).count == 3 || first == "€" || first == "%"
    }
}
