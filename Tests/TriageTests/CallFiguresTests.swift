import Foundation
import TestSupport
import Testing

/// `dossiercheck triage` on a generated call of 200+ dossiers of every kind: every row's figures
/// in the CSV and the JSON agree with the figures computed here from the YAML (Yams) and the
/// generator's manifest, and so do the summary, duplicates and shared organisations.
@Suite struct CallFiguresTests {
    func prepared() throws -> TriagedCall? {
        guard GeneratedCall.available("triage of a generated call") else { return nil }
        return try TriagedCall.shared?.get()
    }

    static func number(_ value: Any?) -> Double? { (value as? NSNumber)?.doubleValue }

    static func decimal(_ value: Any?) -> Decimal? {
        guard let number = value as? NSNumber else { return nil }
        return Decimal(string: number.stringValue, locale: nil)
    }

    static func close(_ a: Double?, _ b: Double?, within tolerance: Double) -> Bool {
        switch (a, b) {
        case (nil, nil): true
        case (let x?, let y?): abs(x - y) <= tolerance
        default: false
        }
    }

    @Test func everyRowMatchesTheIndependentFigures() throws {
        guard let triaged = try prepared() else { return }
        let call = triaged.call
        #expect(triaged.dossiers.count == TriagedCall.count + 3)
        #expect(triaged.csv.rows.count == TriagedCall.count + 3)
        #expect(
            triaged.csv.header == [
                "file", "document", "id", "title", "kind", "applicant", "admissible", "errors", "warnings", "infos", "partners",
                "sme_share", "research_share", "total_eligible_eur", "total_requested_eur", "public_share", "new_partners",
                "duplicate", "parse_error", "failed_rules", "id_from_broken_file",
            ])
        let jsonByFile = Dictionary(
            triaged.dossiers.map { (triaged.absolute(($0["file"] as? String) ?? ""), $0) }, uniquingKeysWith: { a, _ in a })
        let csvByFile = Dictionary(
            triaged.csv.rows.map { (triaged.absolute($0["file"] ?? ""), $0) }, uniquingKeysWith: { a, _ in a })
        var kinds: Set<String> = []
        var compared = 0
        for entry in call.entries {
            let path = call.folder.appending(path: entry.path).standardizedFileURL.path
            let text = try String(contentsOfFile: path, encoding: .utf8)
            let row = try #require(jsonByFile[path], "no JSON row for \(entry.path)")
            let line = try #require(csvByFile[path], "no CSV row for \(entry.path)")
            let expectedErrors = entry.expected.filter { Fixtures.checker.rule($0)?.rule.severity == .error }
            let oracle = IndependentFigures(yaml: text)
            #expect((row["parseError"] is String) == (oracle == nil), "\(entry.id): parses here and there alike")
            #expect(
                row["admissible"] as? Bool == expectedErrors.isEmpty, "\(entry.id): admissible, expected errors \(expectedErrors)"
            )
            #expect(line["admissible"] == (expectedErrors.isEmpty ? "yes" : "no"), "\(entry.id): CSV admissible")
            #expect(((row["errors"] as? Int) ?? 0 > 0) == !expectedErrors.isEmpty, "\(entry.id): error count")
            guard let oracle else { continue }
            kinds.insert(oracle.kind)
            compared += 1
            #expect(row["id"] as? String == entry.id)
            #expect(row["kind"] as? String == entry.kind)
            #expect(row["partners"] as? Int == oracle.partners, "\(entry.id): partners")
            #expect(row["smes"] as? Int == oracle.smes, "\(entry.id): SMEs")
            #expect(row["researchUnits"] as? Int == oracle.researchUnits, "\(entry.id): research units")
            #expect(Self.close(Self.number(row["smeShare"]), oracle.smeShare, within: 1e-6), "\(entry.id): SME share")
            #expect(
                Self.close(Self.number(row["researchShare"]), oracle.researchShare, within: 1e-6), "\(entry.id): research share")
            #expect(
                Self.decimal(row["eligible"]) == oracle.eligible,
                "\(entry.id): eligible \(String(describing: row["eligible"])) vs \(String(describing: oracle.eligible))")
            #expect(Self.decimal(row["requested"]) == oracle.requested, "\(entry.id): requested")
            #expect(Self.close(Self.number(row["publicShare"]), oracle.publicShare, within: 1e-6), "\(entry.id): public share")
            // The CSV: the same figures, shares to four decimals, amounts exact.
            #expect(line["partners"] == String(oracle.partners), "\(entry.id): CSV partners")
            #expect(Self.close(Double(line["sme_share"] ?? ""), oracle.smeShare, within: 0.000051), "\(entry.id): CSV SME share")
            #expect(
                Self.close(Double(line["research_share"] ?? ""), oracle.researchShare, within: 0.000051),
                "\(entry.id): CSV research share")
            #expect(line["total_eligible_eur"] == (oracle.eligible.map { "\($0)" } ?? ""), "\(entry.id): CSV eligible")
            #expect(line["total_requested_eur"] == (oracle.requested.map { "\($0)" } ?? ""), "\(entry.id): CSV requested")
            #expect(
                Self.close(Double(line["public_share"] ?? ""), oracle.publicShare, within: 0.000051),
                "\(entry.id): CSV public share")
        }
        #expect(kinds.count == 6, "the call has every kind the generator writes: \(kinds.sorted())")
        #expect(compared > 200)
    }

    @Test func unparsableFilesAreInadmissibleRows() throws {
        guard let triaged = try prepared() else { return }
        let garbage = try #require(triaged.dossiers.first { ($0["file"] as? String)?.hasSuffix("zz-extra/garbage.yaml") == true })
        #expect(garbage["admissible"] as? Bool == false)
        #expect((garbage["parseError"] as? String)?.contains("syntax") == true, "\(garbage)")
        let line = try #require(triaged.csv.rows.first { $0["file"]?.hasSuffix("garbage.yaml") == true })
        #expect(line["admissible"] == "no")
        #expect(line["parse_error"]?.isEmpty == false)
        #expect(triaged.summary["unparsable"] as? Int == triaged.dossiers.count { $0["parseError"] is String })
    }

    @Test func summaryCountsAgreeWithTheManifest() throws {
        guard let triaged = try prepared() else { return }
        let call = triaged.call
        let summary = triaged.summary
        #expect(summary["dossiers"] as? Int == TriagedCall.count + 3)
        // By kind: the generated dossiers (those with a duplicate key too: their kind is read
        // before it), plus the two copies of a Réseau dossier; the broken file has no kind.
        var expectedKinds: [String: Int] = [:]
        for entry in call.entries { expectedKinds[entry.kind, default: 0] += 1 }
        expectedKinds["reseau-dossier", default: 0] += 2
        let unreadable = call.entries.filter {
            IndependentFigures(yaml: (try? String(contentsOf: call.folder.appending(path: $0.path), encoding: .utf8)) ?? "")
                == nil
        }
        #expect(!unreadable.isEmpty, "the generated call has dossiers with a duplicate key")
        for entry in unreadable {
            let row = triaged.dossiers.first {
                triaged.absolute(($0["file"] as? String) ?? "")
                    == call.folder.appending(path: entry.path).standardizedFileURL.path
            }
            #expect(row?["id"] as? String == entry.id, "\(entry.path): the id read before the duplicate key")
            #expect(row?["identityFromBrokenFile"] as? Bool == true)
        }
        let byKind = summary["byKind"] as? [[String: Any]] ?? []
        for (kind, count) in expectedKinds {
            #expect(byKind.first { $0["kind"] as? String == kind }?["dossiers"] as? Int == count, "dossiers of kind \(kind)")
        }
        // The most frequent findings: per rule, the dossiers breaking it are those the manifest names
        // (the copies break nothing, the broken file is one more HDR-004).
        var expectedRules: [String: Int] = ["HDR-004": 1]
        for entry in call.entries { for rule in Set(entry.expected) { expectedRules[rule, default: 0] += 1 } }
        let rules = summary["rules"] as? [[String: Any]] ?? []
        let reported = Dictionary(
            rules.map { (($0["rule"] as? String) ?? "", ($0["dossiers"] as? Int) ?? 0) }, uniquingKeysWith: +)
        #expect(reported == expectedRules)
        let counts = rules.map { ($0["dossiers"] as? Int) ?? 0 }
        #expect(counts == counts.sorted(by: >), "most frequent first")
        // The SME share distribution, in tenths.
        var bins = [Int](repeating: 0, count: 10)
        var without = 0
        for dossier in triaged.dossiers where !(dossier["parseError"] is String) {
            let file = triaged.absolute((dossier["file"] as? String) ?? "")
            let figures = IndependentFigures(yaml: (try? String(contentsOfFile: file, encoding: .utf8)) ?? "")
            guard let share = figures?.smeShare else {
                without += 1
                continue
            }
            bins[min(9, Int((share * 10 + 1e-9).rounded(.down)))] += 1
        }
        let distribution = summary["smeShare"] as? [String: Any] ?? [:]
        #expect((distribution["bins"] as? [[String: Any]] ?? []).map { ($0["dossiers"] as? Int) ?? -1 } == bins)
        #expect(distribution["withoutPartners"] as? Int == without)
        // Totals.
        let eligible = triaged.dossiers.compactMap { Self.decimal($0["eligible"]) }.reduce(0, +)
        #expect(Self.decimal(summary["eligible"]) == eligible)
    }

    @Test func duplicatesAreFlagged() throws {
        guard let triaged = try prepared() else { return }
        let groups = triaged.json["duplicates"] as? [[String: Any]] ?? []
        func files(_ group: [String: Any]) -> [String] {
            ((group["dossiers"] as? [[String: Any]]) ?? []).compactMap {
                ($0["file"] as? String).map { URL(fileURLWithPath: $0).lastPathComponent }
            }
        }
        let original = URL(fileURLWithPath: triaged.original.path).lastPathComponent
        let sameContent = groups.filter { $0["reason"] as? String == "same-content" }
        let sameID = groups.filter { $0["reason"] as? String == "same-id" }
        #expect(sameContent.count == 1)
        #expect(Set(sameContent.first.map(files) ?? []) == [original, "copy.yaml"])
        #expect(sameID.count == 1)
        #expect(sameID.first?["id"] as? String == triaged.original.id)
        #expect(Set(sameID.first.map(files) ?? []) == [original, "copy.yaml", "second-version.yaml"])
        let copy = try #require(triaged.csv.rows.first { $0["file"]?.hasSuffix("zz-extra/copy.yaml") == true })
        #expect(copy["duplicate"] == "same-content same-id")
    }

    @Test func organisationsInSeveralDossiersAreListedWithThem() throws {
        guard let triaged = try prepared() else { return }
        let shared = triaged.json["sharedOrganisations"] as? [[String: Any]] ?? []
        #expect(!shared.isEmpty)
        // Every name written identically in several dossiers belongs to one listed organisation
        // whose dossiers include all of them.
        var dossiersByName: [String: Set<String>] = [:]
        for dossier in triaged.dossiers {
            guard let id = dossier["id"] as? String else { continue }
            for organisation in dossier["organisations"] as? [[String: Any]] ?? [] {
                if let name = organisation["name"] as? String { dossiersByName[name, default: []].insert(id) }
            }
        }
        let listed = shared.map { Set(($0["dossiers"] as? [String]) ?? []) }
        for (name, ids) in dossiersByName where ids.count > 1 {
            #expect(listed.contains { ids.isSubset(of: $0) }, "\(name) in \(ids.sorted())")
        }
        let counts = shared.map { (($0["dossiers"] as? [String]) ?? []).count }
        #expect(counts == counts.sorted(by: >), "most widespread first")
        #expect(counts.allSatisfy { $0 >= 2 })
    }
}
