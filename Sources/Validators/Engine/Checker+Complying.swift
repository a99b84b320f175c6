import CEL
import Foundation

extension Checker {
    /// The name of the `let` in which a check computes the value that would comply at the place
    /// its `at` points to (docs/rule-files.md): an editor offers to write it there.
    public static let complyingLet = "complying"

    /// The remedy a failed check's `complying` value gives: a number, text or boolean.
    static func complying(_ values: [String: CELValue], language: Language) -> Finding.Remedy? {
        guard let value = values[complyingLet] else { return nil }
        let yaml: String
        switch value {
        case .int(let i): yaml = String(i)
        case .uint(let u): yaml = String(u)
        case .bool(let b): yaml = b ? "true" : "false"
        case .double(let d) where d.isFinite: yaml = String(d)
        case .decimal(let d): yaml = "\(d)"
        case .string(let text):
            yaml = "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
        default: return nil
        }
        return .setValue(yaml: yaml, shown: MessageTemplate.render("{v}", values: ["v": value], language: language))
    }
}
