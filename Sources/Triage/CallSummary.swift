import Foundation
import Validators

/// The call at a glance: counts by kind, the most frequent findings by rule, the distribution
/// of the SME share, and the money asked for.
public struct CallSummary: Sendable {
    public struct KindCount: Sendable {
        /// Nil for documents that name no kind (or could not be parsed).
        public var kind: String?
        public var dossiers: Int
        public var admissible: Int
        public var eligible: Decimal?
        public var requested: Decimal?
    }

    public struct RuleCount: Sendable {
        public var rule: String
        public var severity: Severity
        /// Dossiers with at least one finding of the rule.
        public var dossiers: Int
        public var findings: Int
    }

    /// Dossiers whose SME share falls in [from, to) (the last bin includes 1).
    public struct ShareBin: Sendable {
        public var from: Double
        public var to: Double
        public var dossiers: Int
    }

    public var dossiers: Int
    public var admissible: Int
    public var unparsable: Int
    public var byKind: [KindCount]
    /// Every rule with a finding, most dossiers first.
    public var rules: [RuleCount]
    public var smeShare: [ShareBin]
    /// Parsed dossiers without organisations, left out of `smeShare`.
    public var withoutPartners: Int
    public var eligible: Decimal
    public var requested: Decimal

    public var inadmissible: Int { dossiers - admissible }

    public init(_ dossiers: [TriagedDossier], bins: Int = 10) {
        self.dossiers = dossiers.count
        admissible = dossiers.count { $0.admissible }
        unparsable = dossiers.count { $0.parseError != nil }

        var kinds: [String?] = []
        var byKind: [String?: KindCount] = [:]
        for dossier in dossiers {
            if byKind[dossier.kind] == nil {
                kinds.append(dossier.kind)
                byKind[dossier.kind] = KindCount(kind: dossier.kind, dossiers: 0, admissible: 0, eligible: nil, requested: nil)
            }
            byKind[dossier.kind]!.dossiers += 1
            if dossier.admissible { byKind[dossier.kind]!.admissible += 1 }
            if let eligible = dossier.figures?.eligible {
                byKind[dossier.kind]!.eligible = (byKind[dossier.kind]!.eligible ?? 0) + eligible
            }
            if let requested = dossier.figures?.requested {
                byKind[dossier.kind]!.requested = (byKind[dossier.kind]!.requested ?? 0) + requested
            }
        }
        self.byKind = kinds.sorted { ($0 ?? "\u{10FFFF}") < ($1 ?? "\u{10FFFF}") }.compactMap { byKind[$0] }

        var rules: [String: RuleCount] = [:]
        for dossier in dossiers {
            var seen: Set<String> = []
            for located in dossier.findings {
                let finding = located.finding
                if rules[finding.rule] == nil {
                    rules[finding.rule] = RuleCount(rule: finding.rule, severity: finding.severity, dossiers: 0, findings: 0)
                }
                rules[finding.rule]!.findings += 1
                if seen.insert(finding.rule).inserted { rules[finding.rule]!.dossiers += 1 }
            }
        }
        self.rules = rules.values.sorted {
            ($0.dossiers, $0.findings, $1.rule) > ($1.dossiers, $1.findings, $0.rule)
        }

        var counts = [Int](repeating: 0, count: bins)
        var without = 0
        for dossier in dossiers where dossier.parseError == nil {
            guard let share = dossier.figures?.smeShare else {
                without += 1
                continue
            }
            counts[Self.bin(share, bins: bins)] += 1
        }
        smeShare = counts.enumerated().map {
            ShareBin(from: Double($0.offset) / Double(bins), to: Double($0.offset + 1) / Double(bins), dossiers: $0.element)
        }
        withoutPartners = without
        eligible = dossiers.compactMap { $0.figures?.eligible }.reduce(0, +)
        requested = dossiers.compactMap { $0.figures?.requested }.reduce(0, +)
    }

    /// The bin of a share: [k/n, (k+1)/n), the last one closed. Computed on exact counts'
    /// ratio with a small tolerance, so 0.3 falls in [0.3, 0.4).
    static func bin(_ share: Double, bins: Int) -> Int {
        min(bins - 1, max(0, Int((share * Double(bins) + 1e-9).rounded(.down))))
    }
}
