import Foundation

/// The files a run checks: those named, and the YAML files found below named folders.
enum InputFiles {
    struct Entry {
        var path: String
        /// Set when a named path cannot be checked at all.
        var problem: String?
    }

    static func collect(_ paths: [String]) -> [Entry] {
        var entries: [Entry] = []
        let manager = FileManager.default
        for path in paths {
            var isDirectory: ObjCBool = false
            guard manager.fileExists(atPath: path, isDirectory: &isDirectory) else {
                entries.append(Entry(path: path, problem: "no such file or folder"))
                continue
            }
            guard isDirectory.boolValue else {
                entries.append(Entry(path: path, problem: nil))
                continue
            }
            var found: [String] = []
            if let walker = manager.enumerator(atPath: path) {
                for case let relative as String in walker where relative.hasSuffix(".yaml") || relative.hasSuffix(".yml") {
                    let full = (path as NSString).appendingPathComponent(relative)
                    var isFolder: ObjCBool = false
                    if manager.fileExists(atPath: full, isDirectory: &isFolder), !isFolder.boolValue { found.append(full) }
                }
            }
            entries += found.sorted().map { Entry(path: normalise($0), problem: nil) }
        }
        return entries
    }

    /// `./examples//a.yaml` → `examples/a.yaml`, so paths read the same in every format.
    static func normalise(_ path: String) -> String {
        var parts = path.split(separator: "/", omittingEmptySubsequences: true).filter { $0 != "." }
        if parts.isEmpty { parts = ["."] }
        return (path.hasPrefix("/") ? "/" : "") + parts.joined(separator: "/")
    }
}
