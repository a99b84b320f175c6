/// Path arithmetic on strings (no file system): absolute forms, and paths as the reports show them.
public enum PathNames {
    /// `path` made absolute against `directory`, with `.`, `..` and doubled slashes removed.
    public static func absolute(_ path: String, against directory: String) -> String {
        normalised(path.hasPrefix("/") ? path : directory + "/" + path)
    }

    /// An absolute path with `.`, `..` and doubled slashes removed.
    public static func normalised(_ path: String) -> String {
        var parts: [Substring] = []
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            if part == "." { continue }
            if part == ".." {
                if !parts.isEmpty { parts.removeLast() }
                continue
            }
            parts.append(part)
        }
        return "/" + parts.joined(separator: "/")
    }

    /// How a report names an absolute path: relative to `base` when it lies below it, or in a
    /// sibling folder (`../x`) when the two share more than the root; absolute otherwise.
    public static func display(_ absolute: String, relativeTo base: String) -> String {
        let target = absolute.split(separator: "/")
        let from = base.split(separator: "/")
        var common = 0
        while common < target.count, common < from.count, target[common] == from[common] { common += 1 }
        if common == from.count { return common == target.count ? "." : target[common...].joined(separator: "/") }
        if common == 0 { return absolute }
        return (Array(repeating: "..", count: from.count - common) + target[common...].map(String.init)).joined(separator: "/")
    }

    /// `absolute` relative to `base`, or nil when it does not lie below it.
    public static func below(_ absolute: String, base: String) -> String? {
        let prefix = base.hasSuffix("/") ? base : base + "/"
        if absolute == base { return "" }
        return absolute.hasPrefix(prefix) ? String(absolute.dropFirst(prefix.count)) : nil
    }
}
