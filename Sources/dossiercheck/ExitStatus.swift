import ArgumentParser

/// The documented exit codes.
enum ExitStatus {
    /// Some finding is an error: the dossier is not admissible as it stands.
    static let findings = ExitCode(1)
    /// Usage errors, broken rule files, files that cannot be read at all.
    static let unusable = ExitCode(2)
}
