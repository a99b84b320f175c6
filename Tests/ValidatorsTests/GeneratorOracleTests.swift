import Foundation
import TestSupport
import Testing
import Validators

/// Mutation tests over the shared generator's oracle: each generated dossier breaks exactly the
/// rules its manifest names (catalogue 1.1), on a seed other than the benchmark's 7.
/// (`scripts/corpus-check.py` does the same through the CLI, on any seed.)
@Suite struct GeneratorOracleTests {
    static let seed = 2121
    /// 1 600 dossiers: at least 150 of each of the six kinds (drawn 2:2:2:2:1:1).
    static let count = 1600

    @Test func everyGeneratedDossierBreaksExactlyTheRulesItsManifestNames() async throws {
        guard GeneratedCorpus.available("the generator's oracle") else { return }
        let corpus = try GeneratedCorpus(count: Self.count, seed: Self.seed)
        defer { corpus.remove() }
        let dossiers = try corpus.dossiers.map { ($0, try corpus.bytes(of: $0)) }
        let mismatches = await withTaskGroup(of: String?.self) { group in
            for (dossier, bytes) in dossiers {
                group.addTask {
                    let found = Fixtures.checker.check(fileBytes: bytes, language: .en).flatMap(\.findings)
                    let rules = Array(Set(found.map(\.rule))).sorted()
                    guard rules != dossier.expected else { return nil }
                    let detail = found.prefix(4).map { "\($0.location) \($0.rule) \($0.message)" }.joined(separator: " | ")
                    return "\(dossier.path): expected \(dossier.expected), got \(rules): \(detail)"
                }
            }
            var mismatches: [String] = []
            for await mismatch in group { if let mismatch { mismatches.append(mismatch) } }
            return mismatches.sorted()
        }
        let perKind = Dictionary(grouping: corpus.dossiers, by: \.kind).mapValues(\.count)
        #expect(perKind.count == 6 && perKind.values.allSatisfy { $0 >= 150 }, "dossiers per kind: \(perKind)")
        #expect(corpus.dossiers.contains { !$0.expected.isEmpty }, "the sample holds dossiers that break rules")
        #expect(
            mismatches.isEmpty,
            "\(mismatches.count) of \(dossiers.count) differ:\n\(mismatches.prefix(20).joined(separator: "\n"))")
    }
}
