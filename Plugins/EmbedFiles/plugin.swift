import Foundation
import PackagePlugin

/// Compiles the package's `rules/*.yaml` and `data/*` into the `BundledData` target,
/// so an installed `dossiercheck` carries its rule sets and code tables with it.
@main
struct EmbedFiles: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let root = context.package.directoryURL
        let inputs = try ["rules", "data"].flatMap { folder -> [URL] in
            let dir = root.appending(path: folder)
            let names = (try? FileManager.default.contentsOfDirectory(atPath: dir.path())) ?? []
            return names.sorted().filter { !$0.hasPrefix(".") }.map { dir.appending(path: $0) }
        }
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedFiles.swift")
        return [
            .buildCommand(
                displayName: "Embedding \(inputs.count) rule and data files",
                executable: try context.tool(named: "embed-files").url,
                arguments: [output.path()] + inputs.map { $0.path() },
                inputFiles: inputs,
                outputFiles: [output]
            )
        ]
    }
}
