import Foundation
import Policy

/// The files a run checks: those named, and the YAML files found below named folders.
enum InputFiles {
    struct Entry {
        /// As reports show it: relative to the working directory.
        var path: String
        /// Set when a named path cannot be checked at all.
        var problem: String?
        /// Found in a folder (or named under `--dossiers-only`): checked only if it has a `dossier:` header.
        var needsHeader: Bool
    }

    /// The files `paths` name, in order; folders are searched recursively for `*.yaml` and `*.yml`
    /// (hidden files and folders left out). Files whose path relative to `excludeBase` matches an
    /// `exclude` glob are left out, named ones only when `namedToo`.
    static func collect(
        _ paths: [String], workingDirectory cwd: String, exclude: [Glob] = [], excludeBase: String? = nil, namedToo: Bool = false
    ) -> [Entry] {
        let manager = FileManager.default
        func excluded(_ absolute: String) -> Bool {
            guard !exclude.isEmpty, let base = excludeBase, let relative = PathNames.below(absolute, base: base) else {
                return false
            }
            return exclude.contains { $0.matches(relative) }
        }
        var entries: [Entry] = []
        var seen: Set<String> = []
        func add(_ absolute: String, found: Bool, problem: String? = nil) {
            guard seen.insert(absolute).inserted else { return }
            entries.append(
                Entry(path: PathNames.display(absolute, relativeTo: cwd), problem: problem, needsHeader: found || namedToo))
        }
        for path in paths {
            let absolute = PathNames.absolute(path, against: cwd)
            var isDirectory: ObjCBool = false
            guard manager.fileExists(atPath: absolute, isDirectory: &isDirectory) else {
                entries.append(Entry(path: normalise(path), problem: "no such file or folder", needsHeader: false))
                continue
            }
            guard isDirectory.boolValue else {
                if !(namedToo && excluded(absolute)) { add(absolute, found: false) }
                continue
            }
            var found: [String] = []
            let walker = manager.enumerator(
                at: URL(fileURLWithPath: absolute), includingPropertiesForKeys: [], options: [.skipsHiddenFiles])
            while let url = walker?.nextObject() as? URL {
                let file = PathNames.normalised(url.path)
                let isFolder = Self.isFolder(file)
                if excluded(file) {
                    if isFolder { walker?.skipDescendants() }
                    continue
                }
                if !isFolder, file.hasSuffix(".yaml") || file.hasSuffix(".yml") { found.append(file) }
            }
            for file in found.sorted() { add(file, found: true) }
        }
        return entries
    }

    /// Whether the path names a folder (through a symbolic link too, as the walk's resource values
    /// said): `stat` directly, as `URL.resourceValues` cost 0.3 million instructions a file, a
    /// tenth of a second of a 2 000-dossier run spent before the first dossier is checked.
    static func isFolder(_ path: String) -> Bool {
        var status = stat()
        return stat(path, &status) == 0 && (status.st_mode & S_IFMT) == S_IFDIR
    }

    /// `./examples//a.yaml` → `examples/a.yaml`, so paths read the same in every format.
    static func normalise(_ path: String) -> String {
        var parts = path.split(separator: "/", omittingEmptySubsequences: true).filter { $0 != "." }
        if parts.isEmpty { parts = ["."] }
        return (path.hasPrefix("/") ? "/" : "") + parts.joined(separator: "/")
    }

    /// Whether a YAML text has a top-level `dossier:` key in some document (a line that starts with it).
    static func hasDossierHeader(_ text: String) -> Bool {
        // The lines one by one, stopping at the header (near the top of a dossier): splitting the
        // whole text first cost more than checking the dossier.
        var remaining = text[...]
        while !remaining.isEmpty {
            let end = remaining.firstIndex(where: \.isNewline) ?? remaining.endIndex
            let line = remaining[..<end]
            remaining = end == remaining.endIndex ? remaining[end...] : remaining[remaining.index(after: end)...]
            if line.isEmpty { continue }
            var rest = line[...]
            if rest.hasPrefix("---") { rest = rest.dropFirst(3).drop { $0 == " " || $0 == "\t" } }
            if rest.first == "\"" || rest.first == "'" {
                let quote = rest.first!
                rest = rest.dropFirst()
                guard rest.hasPrefix("dossier"), rest.dropFirst(7).first == quote else { continue }
                rest = rest.dropFirst(8)
            } else {
                guard rest.hasPrefix("dossier") else { continue }
                rest = rest.dropFirst(7)
            }
            if rest.drop(while: { $0 == " " || $0 == "\t" }).first == ":" { return true }
        }
        return false
    }
}
