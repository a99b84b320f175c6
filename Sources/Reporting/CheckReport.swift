import Validators

/// Everything one run checked: files, their dossiers and findings, and what the run's policy
/// (suppressions, waivers, baseline, fail threshold) made of them.
public struct CheckReport: Sendable {
    public var tool: ToolInfo
    public var files: [FileReport]
    /// YAML files found in folders that hold no `dossier:` header, skipped.
    public var skipped: Int
    /// The severity from which findings fail the run (JUnit `<failure>`, exit status 1).
    public var failOn: FailThreshold
    /// Whether a baseline was applied, so that every open finding is a new one.
    public var baselineApplied: Bool

    public init(
        tool: ToolInfo, files: [FileReport], skipped: Int = 0, failOn: FailThreshold = .error, baselineApplied: Bool = false
    ) {
        self.tool = tool
        self.files = files
        self.skipped = skipped
        self.failOn = failOn
        self.baselineApplied = baselineApplied
        assignFingerprints()
    }

    /// Every dossier of every file, with its file.
    public var dossiers: [(file: FileReport, dossier: DossierResult)] {
        files.flatMap { file in file.documents.map { (file, $0) } }
    }

    /// Whether some open finding is at or above the fail threshold.
    public var fails: Bool {
        dossiers.contains { $0.dossier.findings.contains { $0.isOpen && failOn.fails($0.finding.severity) } }
    }

    public var summary: Summary {
        var summary = Summary()
        summary.files = files.count
        summary.skipped = skipped
        for file in files {
            if file.readError != nil { summary.unreadable += 1 }
            summary.dossiers += file.documents.count
            for document in file.documents {
                summary.baselined += document.baselined
                summary.notYetCheckable += document.notYetCheckable.count
                for reported in document.findings {
                    switch reported.status {
                    case .open:
                        switch reported.finding.severity {
                        case .error: summary.errors += 1
                        case .warning: summary.warnings += 1
                        case .info: summary.infos += 1
                        }
                    case .suppressed(let suppression):
                        switch suppression.kind {
                        case .inSource: summary.suppressed += 1
                        case .external: summary.waived += 1
                        }
                    }
                }
            }
        }
        return summary
    }

    /// Counts of a run. Suppressed, waived and baselined findings are counted apart from the open ones.
    public struct Summary: Sendable, Equatable {
        public var files = 0
        public var unreadable = 0
        public var skipped = 0
        public var dossiers = 0
        public var errors = 0
        public var warnings = 0
        public var infos = 0
        public var suppressed = 0
        public var waived = 0
        public var baselined = 0
        /// Rules not evaluated because their verdict depends on placeholders, summed over the dossiers.
        public var notYetCheckable = 0
    }

    /// Gives every finding its fingerprint: rule, dossier and node path, and which occurrence of
    /// that triple it is in the run — never the line, so a finding keeps it when lines move.
    public mutating func assignFingerprints() {
        var seen: [String: Int] = [:]
        for f in files.indices {
            for d in files[f].documents.indices {
                let dossier = files[f].documents[d].fingerprintKey(file: files[f].path)
                for i in files[f].documents[d].findings.indices {
                    let finding = files[f].documents[d].findings[i].finding
                    let key = [finding.rule, dossier, finding.path].joined(separator: "\u{0}")
                    let occurrence = seen[key, default: 0]
                    seen[key] = occurrence + 1
                    files[f].documents[d].findings[i].fingerprint = Fingerprint.of(key + "\u{0}\(occurrence)")
                }
            }
        }
    }
}
