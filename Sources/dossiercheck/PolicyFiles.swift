import Checking
import Foundation
import Policy

/// The files around a run: waivers and baseline read, reports and baselines written. Errors
/// are printed and end the run (exit status 2).
enum PolicyFiles {
    static func waivers(_ path: String, workingDirectory cwd: String, knownRules: Set<String>) throws -> [Waiver] {
        let name = PathNames.display(path, relativeTo: cwd)
        return try reporting {
            try Waiver.parse(try read(path, name: name, what: "waivers file"), file: name, knownRules: knownRules)
        }
    }

    static func baseline(_ path: String, workingDirectory cwd: String) throws -> Baseline {
        let name = PathNames.display(path, relativeTo: cwd)
        return try reporting { try Baseline.parse(try read(path, name: name, what: "baseline file"), file: name) }
    }

    static func read(_ path: String, name: String, what: String) throws -> String {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue else {
            let hint = what == "baseline file" ? " (write one with --write-baseline \(name))" : ""
            throw PolicyFileError(file: name, mark: nil, message: "no such \(what)\(hint)")
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw PolicyFileError(file: name, mark: nil, message: "cannot read the \(what) (permission?)")
        }
        return String(decoding: data, as: UTF8.self)
    }

    static func write(_ text: String, to path: String, what: String) throws {
        try write(Data(text.utf8), to: path, what: what)
    }

    static func write(_ data: Data, to path: String, what: String) throws {
        do {
            try data.write(to: URL(fileURLWithPath: path))
        } catch {
            Terminal.error("error: cannot write \(what) to \(path): \(error.localizedDescription)")
            throw ExitStatus.unusable
        }
    }

    /// Appends to a file, creating it if needed (GitHub's step summary).
    static func append(_ text: String, to path: String) throws {
        if !FileManager.default.fileExists(atPath: path) { return try write(text, to: path, what: "the step summary") }
        guard let handle = FileHandle(forWritingAtPath: path) else {
            Terminal.error("error: cannot write the step summary to \(path)")
            throw ExitStatus.unusable
        }
        defer { try? handle.close() }
        handle.seekToEndOfFile()
        handle.write(Data(text.utf8))
    }

    private static func reporting<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as PolicyFileError {
            Terminal.error(error.description)
            throw ExitStatus.unusable
        }
    }

    /// Today in the local time zone, `YYYY-MM-DD`.
    static func today() -> String { CheckRun.today() }

    /// A folder as a `file://` URI ending in `/`.
    static func fileURI(directory: String) -> String {
        URL(fileURLWithPath: directory, isDirectory: true).absoluteString
    }
}
