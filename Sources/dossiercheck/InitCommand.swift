import ArgumentParser
import Describe
import Foundation
import Reporting
import Validators

/// Before the first dossier: a template of the kind, from the rule sets themselves.
struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Write a template dossier for a kind, every section commented with what it must hold and the rules that apply.",
        discussion: """
            Each value to give is a placeholder (<fill in>, <invullen>, <à compléter>, <ausfüllen>); `check` \
            reports every one left as HDR-002 until it is filled in.
            """)

    @OptionGroup var options: KindOutputOptions

    @Flag(help: "Overwrite the output file if it exists.")
    var force = false

    @OptionGroup var rules: RuleOptions

    func validate() throws {
        try OutputPath.validate(options.output, option: "--output", overwrite: force)
    }

    func run() throws {
        let checker = try rules.makeConfiguredChecker()
        let outline = try KindArgument.outline(options.kind, call: options.call, in: checker)
        let template = TemplateWriter(outline: outline, language: options.lang).write()
        try options.write(template.text, what: "the template")
        if let output = options.output {
            let written = DescribeWords(options.lang).templateWritten(
                output, kind: options.kind, placeholders: template.slots.count)
            Terminal.error(TextWrap.lines(written, width: Terminal.columns).joined(separator: "\n"))
        }
    }
}
