import Foundation

/// Figures written for files other programs read: locale-free, exact for money.
enum FigureText {
    /// `0.2857` (4 decimals); empty for nil.
    static func ratio(_ value: Double?) -> String {
        guard let value else { return "" }
        return String(format: "%.4f", value)
    }

    /// The exact decimal (`160000.01`); empty for nil.
    static func amount(_ value: Decimal?) -> String {
        guard let value else { return "" }
        return value.description
    }
}
