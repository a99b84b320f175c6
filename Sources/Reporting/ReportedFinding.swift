import Validators

/// A finding as a report shows it: with its stable fingerprint and whether it still counts.
public struct ReportedFinding: Sendable {
    public var finding: Finding
    public var status: Status
    /// Stable across runs and line moves (see `CheckReport.assignFingerprints`).
    public var fingerprint: String

    public init(_ finding: Finding, status: Status = .open, fingerprint: String = "") {
        self.finding = finding
        self.status = status
        self.fingerprint = fingerprint
    }

    public enum Status: Sendable, Equatable {
        /// Counts: reported, and judged against the fail threshold.
        case open
        /// Reported as suppressed (a comment in the dossier) or waived (a waivers file), counted apart.
        case suppressed(Suppression)
    }

    public var isOpen: Bool { status == .open }

    public var suppression: Suppression? {
        if case .suppressed(let suppression) = status { return suppression }
        return nil
    }
}

/// Why a finding does not count: a justified exception, never a silent drop.
public struct Suppression: Sendable, Equatable {
    public enum Kind: String, Sendable {
        /// A `# dossiercheck-disable RULE: reason` comment in the dossier.
        case inSource
        /// A waiver a jury granted, from the waivers file.
        case external
    }

    public var kind: Kind
    public var reason: String
    /// The file that says so (the dossier, or the waivers file) and the line there.
    public var file: String
    public var line: Int
    /// The day a waiver ends (`YYYY-MM-DD`), for waivers.
    public var expires: String?

    public init(kind: Kind, reason: String, file: String, line: Int, expires: String? = nil) {
        self.kind = kind
        self.reason = reason
        self.file = file
        self.line = line
        self.expires = expires
    }
}
