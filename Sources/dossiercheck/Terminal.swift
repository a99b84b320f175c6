import Foundation

/// The process's terminal: where errors go and whether colour is welcome.
enum Terminal {
    static func error(_ text: String) {
        FileHandle.standardError.write(Data((text.hasSuffix("\n") ? text : text + "\n").utf8))
    }

    static func write(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    /// Colour only on a terminal, and never when NO_COLOR is set (no-color.org).
    static var wantsColor: Bool {
        if let value = ProcessInfo.processInfo.environment["NO_COLOR"], !value.isEmpty { return false }
        return isatty(STDOUT_FILENO) == 1
    }

    /// The width text reports are laid out for: the terminal's, when standard output is one;
    /// else `COLUMNS` (set by shells, and by hand for a report written to a file or a pipe); else 100.
    static var columns: Int {
        columns(environment: ProcessInfo.processInfo.environment, terminalWidth: terminalWidth)
    }

    static func columns(environment: [String: String], terminalWidth: Int?) -> Int {
        if let terminalWidth, terminalWidth > 0 { return terminalWidth }
        if let text = environment["COLUMNS"], let value = Int(text.trimmingCharacters(in: .whitespaces)), value > 0 {
            return value
        }
        return defaultColumns
    }

    static let defaultColumns = 100

    /// Standard output's terminal width (TIOCGWINSZ); nil when it is not a terminal.
    static var terminalWidth: Int? {
        guard isatty(STDOUT_FILENO) == 1 else { return nil }
        var size = winsize()
        guard ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return nil }
        return Int(size.ws_col)
    }
}
