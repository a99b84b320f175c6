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
        files.contains { Self.fails($0, at: failOn) }
    }

    public var summary: Summary {
        var summary = Summary()
        summary.skipped = skipped
        for file in files { summary.count(file) }
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

        public init() {}

        /// Adds a file's dossiers and findings to the counts.
        public mutating func count(_ file: FileReport) {
            files += 1
            if file.readError != nil { unreadable += 1 }
            dossiers += file.documents.count
            for document in file.documents {
                baselined += document.baselined
                notYetCheckable += document.notYetCheckable.count
                for reported in document.findings {
                    switch reported.status {
                    case .open:
                        switch reported.finding.severity {
                        case .error: errors += 1
                        case .warning: warnings += 1
                        case .info: infos += 1
                        }
                    case .suppressed(let suppression):
                        switch suppression.kind {
                        case .inSource: suppressed += 1
                        case .external: waived += 1
                        }
                    }
                }
            }
        }
    }

    /// Gives every finding its fingerprint: rule, dossier and node path, and which occurrence of
    /// that triple it is in the run — never the line, so a finding keeps it when lines move.
    public mutating func assignFingerprints() {
        var fingerprints = Fingerprints()
        for f in files.indices { fingerprints.assign(&files[f]) }
    }

    /// Whether some open finding of the file is at or above the fail threshold.
    public static func fails(_ file: FileReport, at failOn: FailThreshold) -> Bool {
        file.documents.contains { $0.findings.contains { $0.isOpen && failOn.fails($0.finding.severity) } }
    }

    /// The fingerprints of a run's findings, given a file at a time in the run's order (a report
    /// written as its files come): how often each rule, dossier and path came before.
    public struct Fingerprints: Sendable {
        private var seen: [String: Int] = [:]

        public init() {}

        public mutating func assign(_ file: inout FileReport) {
            for d in file.documents.indices {
                let dossier = file.documents[d].fingerprintKey(file: file.path)
                for i in file.documents[d].findings.indices {
                    let finding = file.documents[d].findings[i].finding
                    let key = [finding.rule, dossier, finding.path].joined(separator: "\u{0}")
                    let occurrence = seen[key, default: 0]
                    seen[key] = occurrence + 1
                    file.documents[d].findings[i].fingerprint = Fingerprint.of(key + "\u{0}\(occurrence)")
                }
            }
        }
    }
}
