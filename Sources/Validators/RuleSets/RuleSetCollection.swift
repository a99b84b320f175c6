import Dispatch
import Foundation

/// Reads rule files and lays local ones over the bundled ones.
public enum RuleSetCollection {
    /// All rule errors of all files, so a rule author sees every mistake at once.
    public struct Errors: Error, Sendable, CustomStringConvertible {
        public var errors: [RuleFileError]
        public var description: String { errors.map(\.description).joined(separator: "\n") }
    }

    /// Parses every file; throws `Errors` with every broken file's error.
    public static func parse(_ files: [(name: String, contents: String)]) throws -> [RuleSet] {
        let (sets, errors) = parseEach(files)
        if !errors.isEmpty { throw Errors(errors: errors) }
        return sets
    }

    /// Parses every file: the sets of those that parse, and the error of each that does not, in the
    /// order of `files`. Files are parsed side by side: the bundled ones are parsed at every start.
    public static func parseEach(_ files: [(name: String, contents: String)]) -> (sets: [RuleSet], errors: [RuleFileError]) {
        let outcomes = Outcomes(count: files.count)
        DispatchQueue.concurrentPerform(iterations: files.count) { index in
            let file = files[index]
            do {
                outcomes[index] = .success(try RuleSetParser.parse(file.contents, file: file.name))
            } catch let error as RuleFileError {
                outcomes[index] = .failure(error)
            } catch {
                outcomes[index] = .failure(RuleFileError(file: file.name, mark: nil, message: "\(error)"))
            }
        }
        var sets: [RuleSet] = []
        var errors: [RuleFileError] = []
        for outcome in outcomes.values {
            switch outcome {
            case .success(let set): sets.append(set)
            case .failure(let error): errors.append(error)
            case nil: break
            }
        }
        return (sets, errors)
    }

    /// One slot per file, written by the parsing threads.
    private final class Outcomes: @unchecked Sendable {
        private var slots: [Result<RuleSet, RuleFileError>?]
        private let lock = NSLock()

        init(count: Int) { slots = Array(repeating: nil, count: count) }

        subscript(index: Int) -> Result<RuleSet, RuleFileError>? {
            get { lock.withLock { slots[index] } }
            set { lock.withLock { slots[index] = newValue } }
        }

        var values: [Result<RuleSet, RuleFileError>?] { lock.withLock { slots } }
    }

    /// `local` sets replace bundled sets of the same name, and add the others.
    public static func overriding(_ base: [RuleSet], with local: [RuleSet]) -> [RuleSet] {
        let replaced = Set(local.map(\.name))
        return base.filter { !replaced.contains($0.name) } + local
    }
}
