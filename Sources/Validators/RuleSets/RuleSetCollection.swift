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

    /// Parses every file: the sets of those that parse, and the error of each that does not.
    public static func parseEach(_ files: [(name: String, contents: String)]) -> (sets: [RuleSet], errors: [RuleFileError]) {
        var sets: [RuleSet] = []
        var errors: [RuleFileError] = []
        for file in files {
            do {
                sets.append(try RuleSetParser.parse(file.contents, file: file.name))
            } catch let error as RuleFileError {
                errors.append(error)
            } catch {
                errors.append(RuleFileError(file: file.name, mark: nil, message: "\(error)"))
            }
        }
        return (sets, errors)
    }

    /// `local` sets replace bundled sets of the same name, and add the others.
    public static func overriding(_ base: [RuleSet], with local: [RuleSet]) -> [RuleSet] {
        let replaced = Set(local.map(\.name))
        return base.filter { !replaced.contains($0.name) } + local
    }
}
