/// Stable short hashes for findings (FNV-1a, 64 bits, as 16 hex digits): the same text gives
/// the same fingerprint on every machine and in every run.
public enum Fingerprint {
    /// The key under which SARIF's `partialFingerprints` and the baseline file hold them.
    public static let sarifKey = "dossiercheck/v1"

    public static func of(_ text: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01b3
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
