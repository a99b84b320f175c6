import Foundation
import PackagePlugin

/// Compiles the package's `rules/*.yaml` and `data/*` into the `BundledData` target, so an
/// installed `dossiercheck` carries its rule sets and code tables with it; for any other target,
/// the files of its own `Assets/` folder (the portal's style sheet, script and OpenAPI document).
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
        return [
            .buildCommand(
                displayName: "Embedding \(inputs.count) files into \(target.name)",
                executable: try context.tool(named: "embed-files").url,
                arguments: [output.path(percentEncoded: false)] + inputs.map { $0.path(percentEncoded: false) },
                inputFiles: inputs,
                outputFiles: [output]
            )
        ]
    }
}
