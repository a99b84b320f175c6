import Foundation
import Policy

/// Finds and reads the project's `.dossiercheck.yaml`.
enum ConfigFile {
    /// The configuration `--config` names, else the first `.dossiercheck.yaml` found walking up
    /// from the working directory, else nil. Errors are printed and end the run (exit status 2).
    static func load(explicit: String?, workingDirectory cwd: String) throws -> Configuration? {
        let path: String
        if let explicit {
            path = PathNames.absolute(explicit, against: cwd)
            guard FileManager.default.fileExists(atPath: path) else {
                Terminal.error("error: --config \(explicit): no such file")
                throw ExitStatus.unusable
            }
        } else {
            guard let found = find(from: cwd) else { return nil }
            path = found
        }
        let name = PathNames.display(path, relativeTo: cwd)
        guard let data = FileManager.default.contents(atPath: path) else {
            Terminal.error("error: cannot read the configuration \(name)")
            throw ExitStatus.unusable
        }
        do {
            return try Configuration.parse(
                String(decoding: data, as: UTF8.self), file: name, directory: (path as NSString).deletingLastPathComponent)
        } catch let error as PolicyFileError {
            Terminal.error(error.description)
            throw ExitStatus.unusable
        }
    }

    /// The nearest `.dossiercheck.yaml` in `directory` or a folder above it.
    static func find(from directory: String) -> String? {
        var folder = PathNames.normalised(directory)
        while true {
            let candidate = folder == "/" ? "/" + Configuration.fileName : folder + "/" + Configuration.fileName
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: candidate, isDirectory: &isDirectory), !isDirectory.boolValue {
                return candidate
            }
            if folder == "/" { return nil }
            folder = (folder as NSString).deletingLastPathComponent
        }
    }
}
