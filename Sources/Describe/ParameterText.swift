import Validators

/// A parameter's value written as in a rule file, on one line: `160000`, `[1, 2, 3]`, `{rate: 0.8}`.
public enum ParameterText {
    public static func render(_ value: ParameterValue) -> String {
        switch value {
        case .null: "null"
        case .bool(let b): b ? "true" : "false"
        case .integer(let i): String(i)
        case .decimal(let text): text
        case .text(let text): YAMLText.scalar(text)
        case .list(let items): "[" + items.map(render).joined(separator: ", ") + "]"
        case .map(let entries): "{" + entries.map { "\(YAMLText.scalar($0.0)): \(render($0.1))" }.joined(separator: ", ") + "}"
        }
    }
}
