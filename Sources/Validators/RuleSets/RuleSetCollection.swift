import Dispatch
import Foundation

/// Reads rule files and lays local ones over the bundled ones.
public enum RuleSetCollection {
    /// All rule errors of all files, so a rule author sees every mistake at once.
    public struct Errors: Error, Sendable, CustomStringConvertible {
        public var errors: [RuleFileError]
        public var description: String { errors.map(\.description).joined(separator: "\n") }

        public init(errors: [RuleFileError]) { self.errors = errors }

        /// Throws nothing when `errors` is empty, the error itself when there is one, else all of them.
        static func throwing(_ errors: [RuleFileError]) throws {
            guard let first = errors.first else { return }
            if errors.count == 1 { throw first }
            throw Errors(errors: errors)
        }

        /// The errors `error` carries (one `RuleFileError`, or several); nil for any other error.
        static func of(_ error: any Error) -> [RuleFileError]? {
            if let error = error as? RuleFileError { return [error] }
            if let error = error as? Errors { return error.errors }
            return nil
        }
    }

    /// Parses every file; throws `Errors` with every broken file's error.
    public static func parse(_ files: [(name: String, contents: String)]) throws -> [RuleSet] {
        let (sets, errors) = parseEach(files)
        if !errors.isEmpty { throw Errors(errors: errors) }
        return sets
    }

    /// Parses every file: the sets of those that parse, and every error of each that does not, in
    /// the order of `files`. With `keepingPartial`, the sets of files with errors in some rules are
    /// kept too, without those rules, so that the rest of them can still be checked.
    /// Files are parsed side by side: the bundled ones are parsed at every start.
    public static func parseEach(_ files: [(name: String, contents: String)], keepingPartial: Bool = false) -> (
        sets: [RuleSet], errors: [RuleFileError]
    ) {
        let outcomes = Outcomes(count: files.count)
        DispatchQueue.concurrentPerform(iterations: files.count) { index in
            let file = files[index]
            do {
                let (set, errors, checkable) = try RuleSetParser.parseCollecting(file.contents, file: file.name)
                outcomes[index] = (errors.isEmpty || (keepingPartial && checkable) ? set : nil, errors)
            } catch {
                outcomes[index] = (nil, Errors.of(error) ?? [RuleFileError(file: file.name, mark: nil, message: "\(error)")])
            }
        }
        var sets: [RuleSet] = []
        var errors: [RuleFileError] = []
        for case (let set, let found)? in outcomes.values {
            if let set { sets.append(set) }
            errors += found
        }
        return (sets, errors)
    }

    /// One slot per file, written by the parsing threads.
    private final class Outcomes: @unchecked Sendable {
        typealias Outcome = (set: RuleSet?, errors: [RuleFileError])
        private var slots: [Outcome?]
        private let lock = NSLock()

        init(count: Int) { slots = Array(repeating: nil, count: count) }

        subscript(index: Int) -> Outcome? {
            get { lock.withLock { slots[index] } }
            set { lock.withLock { slots[index] = newValue } }
        }

        var values: [Outcome?] { lock.withLock { slots } }
    }

    /// `local` sets replace bundled sets of the same name, and add the others.
    public static func overriding(_ base: [RuleSet], with local: [RuleSet]) -> [RuleSet] {
        let replaced = Set(local.map(\.name))
        return base.filter { !replaced.contains($0.name) } + local
    }
}
