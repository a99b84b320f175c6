import Foundation
import Reporting

/// Triages the files of a call in parallel, one file at a time per worker (`OrderedWork`, the
/// scheme `check` uses), keeping the input order in the result.
public enum CallTriage {
    /// What came out of the files.
    public struct Outcome: Sendable {
        public var dossiers: [TriagedDossier]
        /// YAML files found in folders without a `dossier:` header.
        public var skipped: Int
    }

    /// `hasHeader(text)` tells whether a file found in a folder holds a `dossier:` header (the
    /// same test `check` applies); `progress(done, total)` is called as files are done, in their
    /// order.
    public static func run(
        _ inputs: [TriageInput], triager: DossierTriager, jobs: Int, hasHeader: @escaping @Sendable (String) -> Bool,
        progress: (@Sendable (Int, Int) -> Void)? = nil
    ) -> Outcome {
        var dossiers: [TriagedDossier] = []
        var skipped = 0
        OrderedWork.run(count: inputs.count, workers: jobs) { index in
            triage(inputs[index], triager, hasHeader)
        } deliver: { index, rows in
            if let rows { dossiers += rows } else { skipped += 1 }
            progress?(index + 1, inputs.count)
        }
        return Outcome(dossiers: dossiers, skipped: skipped)
    }

    /// The file's rows, or nil for a YAML file found in a folder without a `dossier:` header.
    static func triage(_ input: TriageInput, _ triager: DossierTriager, _ hasHeader: (String) -> Bool) -> [TriagedDossier]? {
        if let problem = input.problem { return [triager.unreadable(file: input.displayPath, reason: problem)] }
        guard let data = FileManager.default.contents(atPath: input.path) else {
            return [triager.unreadable(file: input.displayPath, reason: "cannot read the file (permission?)")]
        }
        let bytes = [UInt8](data)
        if input.needsHeader {
            // UTF-16 text has NUL bytes between ASCII letters: drop them to look for the header.
            let text = String(decoding: bytes.contains(0) ? bytes.filter { $0 != 0 } : bytes, as: UTF8.self)
            if !hasHeader(text) { return nil }
        }
        return triager.triage(file: input.displayPath, bytes: bytes)
    }
}
