/// One sheet of a workbook as the report writers describe it: a header row and rows of typed
/// cells, with the column widths and whether the header stays in view and carries filters.
public struct SpreadsheetSheet: Sendable {
    /// A cell's value and how a spreadsheet shows it. Numbers are kept as the text of their
    /// value (`160000.01`), so money is written exactly as the report computed it.
    public enum Cell: Sendable, Equatable {
        case empty
        case text(String)
        case integer(Int)
        case euro(String)
        case percent(Double)
        case number(Double)
    }

    public var name: String
    public var header: [String]
    public var rows: [[Cell]]
    /// Column widths in characters, one per header column.
    public var widths: [Int]
    /// The header row (and the first `frozenColumns` columns) stay in view while scrolling.
    public var frozenColumns: Int
    /// Filter buttons on the header row.
    public var filters: Bool

    public init(name: String, header: [String], rows: [[Cell]], widths: [Int], frozenColumns: Int = 0, filters: Bool = true) {
        self.name = name
        self.header = header
        self.rows = rows
        self.widths = widths
        self.frozenColumns = frozenColumns
        self.filters = filters
    }
}
