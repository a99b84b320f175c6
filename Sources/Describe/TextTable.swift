/// Columns of text, aligned: the first to the left, the others (figures) to the right unless said.
struct TextTable {
    var rows: [[String]] = []
    /// Columns aligned to the left (the first always is).
    var leftAligned: Set<Int> = [0]
    var indent = "  "

    func render() -> [String] {
        let count = rows.map(\.count).max() ?? 0
        var widths = [Int](repeating: 0, count: count)
        for row in rows {
            for (index, cell) in row.enumerated() { widths[index] = max(widths[index], cell.count) }
        }
        return rows.map { row in
            var line = indent
            for (index, cell) in row.enumerated() {
                let pad = String(repeating: " ", count: widths[index] - cell.count)
                if index > 0 { line += "  " }
                line += leftAligned.contains(index) ? cell + pad : pad + cell
            }
            return line.trimmingTrailingSpaces
        }
    }
}

extension String {
    var trimmingTrailingSpaces: String {
        var text = self
        while text.last == " " { text.removeLast() }
        return text
    }
}
