import DossierModel
import Reporting

/// A YAML document as the JSON an editor's YAML language server validates against a schema
/// (YAML 1.2 core schema: `2026-03-01` and `yes` are text, `1.5e6` a number).
enum DossierJSON {
    static func json(_ node: Node) -> JSONValue {
        switch node.content {
        case .scalar(let scalar):
            switch scalar.value {
            case .null: return .null
            case .bool(let b): return .bool(b)
            case .int(let i): return .int(Int(i))
            case .double(let d): return .number(d == d.rounded() && abs(d) < 1e15 ? String(Int64(d)) + ".0" : String(d))
            case .string(let s): return .string(s)
            }
        case .sequence(let items): return .array(items.map(json))
        case .mapping(let entries): return .object(entries.map { ($0.key.scalar?.text ?? "", json($0.value)) })
        }
    }

    /// The documents of a YAML text, as JSON.
    static func documents(_ yaml: String) -> [JSONValue] {
        YAMLLoader.load(Array(yaml.utf8)).compactMap { $0.root.map(json) }
    }
}
