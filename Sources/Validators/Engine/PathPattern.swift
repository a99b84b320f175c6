/// A path through a document that may fan out: `financial_plan.years[*].year`,
/// `operational_cell_budget.*` (every value of a mapping), `members[0]`.
public struct PathPattern: Sendable, Equatable, CustomStringConvertible {
    public enum Step: Sendable, Equatable {
        case key(String)
        case anyKey
        case index(Int)
        case anyIndex
    }

    public var steps: [Step]
    public var description: String

    /// Parses the pattern; nil when it is malformed.
    public init?(_ text: String) {
        description = text
        steps = []
        if text.isEmpty { return }
        for segment in text.split(separator: ".", omittingEmptySubsequences: false) {
            var rest = Substring(segment)
            let name = rest.prefix { $0 != "[" }
            rest = rest.dropFirst(name.count)
            if name == "*" {
                steps.append(.anyKey)
            } else if !name.isEmpty {
                guard name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" }) else { return nil }
                steps.append(.key(String(name)))
            } else if steps.isEmpty || rest.isEmpty {
                return nil
            }
            while !rest.isEmpty {
                guard rest.first == "[", let close = rest.firstIndex(of: "]") else { return nil }
                let inside = rest[rest.index(after: rest.startIndex)..<close]
                if inside == "*" {
                    steps.append(.anyIndex)
                } else if let index = Int(inside), index >= 0 {
                    steps.append(.index(index))
                } else {
                    return nil
                }
                rest = rest[rest.index(after: close)...]
            }
        }
    }

    /// Steps written back as a path: `a.b[*]`.
    public static func text<S: Sequence>(_ steps: S) -> String where S.Element == Step {
        var text = ""
        for step in steps {
            switch step {
            case .key(let key): text += (text.isEmpty ? "" : ".") + key
            case .anyKey: text += (text.isEmpty ? "" : ".") + "*"
            case .index(let index): text += "[\(index)]"
            case .anyIndex: text += "[*]"
            }
        }
        return text
    }
}
