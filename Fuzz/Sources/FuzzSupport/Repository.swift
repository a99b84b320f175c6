import DossierModel
import Foundation
import Validators

/// The repository the fuzz targets live in, and what it bundles into the binary.
public enum Repository {
    /// The repository's root (this file is Fuzz/Sources/FuzzSupport/Repository.swift).
    public static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The rule sets of `rules/`, as the binary bundles them.
    public static let ruleSets: [RuleSet] = {
        let folder = root.appending(path: "rules")
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { $0.hasSuffix(".yaml") }
            .sorted()
        do {
            return try RuleSetCollection.parse(
                try names.map { ("rules/" + $0, try String(contentsOf: folder.appending(path: $0), encoding: .utf8)) })
        } catch {
            fatalError("the rule sets in \(folder.path) do not load: \(error)")
        }
    }()

    /// The ISO 3166 table of `data/`.
    public static let iso = ISO3166(
        table: (try? String(contentsOf: root.appending(path: "data/iso3166.tsv"), encoding: .utf8)) ?? "")
}
