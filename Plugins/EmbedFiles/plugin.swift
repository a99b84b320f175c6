import Foundation
import PackagePlugin

/// Compiles the package's `rules/*.yaml` and `data/*` into the `BundledData` target, so an
/// installed `dossiercheck` carries its rule sets and code tables with it; for any other target,
/// the files of its own `Assets/` folder (the portal's style sheet, script and OpenAPI document).
/// For `BundledData`, also the rule files' compiled form (`compile-rules`).
@main
struct EmbedFiles: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let root = context.package.directoryURL
        let folders =
            target.name == "BundledData"
            ? ["rules", "data"].map { root.appending(path: $0) } : [root.appending(path: "Sources/\(target.name)/Assets")]
        let inputs = folders.flatMap { dir -> [URL] in
            let names = (try? FileManager.default.contentsOfDirectory(atPath: dir.path(percentEncoded: false))) ?? []
            return names.sorted().filter { !$0.hasPrefix(".") }.map { dir.appending(path: $0) }
        }
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedFiles.swift")
        let embedding = Command.buildCommand(
            displayName: "Embedding \(inputs.count) files into \(target.name)",
            executable: try context.tool(named: "embed-files").url,
            arguments: [output.path(percentEncoded: false)] + inputs.map { $0.path(percentEncoded: false) },
            inputFiles: inputs,
            outputFiles: [output]
        )
        guard target.name == "BundledData" else { return [embedding] }
        // The rule files read, checked and written in their compiled form (`CompiledRuleSets`): a run
        // gets its kind's rules without parsing YAML or CEL. `compile-rules` checks the files as a
        // load does and fails the build with every error of a broken file, located.
        let rules = inputs.filter { $0.deletingLastPathComponent().lastPathComponent == "rules" && $0.pathExtension == "yaml" }
        let iso = root.appending(path: "data/iso3166.tsv")
        let compiled = context.pluginWorkDirectoryURL.appending(path: "CompiledRuleForm.swift")
        let compiling = Command.buildCommand(
            displayName: "Compiling \(rules.count) rule files into \(target.name) (a broken rule file fails the build)",
            executable: try context.tool(named: "compile-rules").url,
            arguments: [compiled.path(percentEncoded: false), iso.path(percentEncoded: false)]
                + rules.map { $0.path(percentEncoded: false) },
            inputFiles: rules + [iso],
            outputFiles: [compiled]
        )
        return [embedding, compiling]
    }
}
