import ArgumentParser
import Describe
import Validators

/// The JSON Schema of a kind, for editors with the YAML language server.
struct SchemaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schema",
        abstract: "Write the JSON Schema (draft 2020-12) of a kind's structure, for completion and hover docs in editors.",
        discussion: """
            Save it beside your dossiers and make `# yaml-language-server: $schema=KIND.schema.json` the \
            first line of a dossier: editors with the YAML language server then complete keys, show each \
            field's documentation and the rules that judge it, and flag wrong types and unknown keys.
            """)

    @OptionGroup var options: KindOutputOptions

    @OptionGroup var rules: RuleOptions

    func validate() throws {
        try OutputPath.validate(options.output, option: "--output")
    }

    func run() throws {
        let checker = try rules.makeChecker()
        let outline = try KindArgument.outline(options.kind, in: checker)
        try options.write(SchemaWriter(outline: outline, language: options.lang).write().serialized() + "\n", what: "the schema")
    }
}
