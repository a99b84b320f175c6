/// The rule sets and code tables shipped inside the binary (from `rules/` and `data/`).
public enum BundledData {
    /// Rule-set files, by file name (`reseau-dossier.yaml`), in name order.
    public static var ruleFiles: [(name: String, contents: String)] {
        embeddedFiles.filter { $0.name.hasPrefix("rules/") }.map { (String($0.name.dropFirst("rules/".count)), $0.contents) }
    }

    /// The rule files as the build compiled them (`compile-rules`; read with `CompiledRuleSets`).
    public static var compiledRules: [UInt8] { Array(compiledRuleForm.utf8) }

    /// A data file from `data/`, by name (`iso3166.tsv`).
    public static func dataFile(_ name: String) -> String? {
        embeddedFiles.first { $0.name == "data/" + name }?.contents
    }
}
