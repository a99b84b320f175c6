/// ANSI colour for text meant for a terminal, or none: the same text either way.
struct TerminalStyle: Sendable {
    var color: Bool

    enum Tint: Int {
        case red = 31
        case green = 32
        case yellow = 33
        case blue = 34
        case cyan = 36
    }

    func paint(_ text: String, _ tint: Tint?, bold: Bool = false) -> String {
        guard color, !text.isEmpty, tint != nil || bold else { return text }
        var codes: [String] = []
        if bold { codes.append("1") }
        if let tint { codes.append(String(tint.rawValue)) }
        return "\u{1B}[\(codes.joined(separator: ";"))m\(text)\u{1B}[0m"
    }
}
