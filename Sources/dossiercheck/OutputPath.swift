import ArgumentParser
import Foundation
import Policy

/// A file a command is asked to write, checked in `validate()` — before any rule set is read or
/// any dossier checked — so that a typo in a folder name costs no run.
enum OutputPath {
    /// Throws a `ValidationError` (exit status 2) when `path` is a folder, lies in a folder that
    /// does not exist, or exists although it must not (`overwrite: false`, e.g. `init` without `--force`).
    static func validate(_ path: String?, option: String, overwrite: Bool = true) throws {
        guard let path else { return }
        let cwd = PathNames.normalised(FileManager.default.currentDirectoryPath)
        let absolute = PathNames.absolute(path, against: cwd)
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: absolute, isDirectory: &isDirectory) {
            if isDirectory.boolValue { throw ValidationError("\(option) \(path) is a folder; name a file in it") }
            if !overwrite { throw ValidationError("\(path) exists; give --force to overwrite it") }
            return
        }
        let folder = (absolute as NSString).deletingLastPathComponent
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw ValidationError("\(option) \(path): there is no folder \(PathNames.display(folder, relativeTo: cwd))")
        }
    }
}
