import DossierModel
import Reporting
import Validators

/// The tool's own rules: about suppression comments and waivers, not about dossiers.
public enum ToolRules {
    /// A `dossiercheck-disable` comment without a rule or without a reason.
    public static let malformedSuppression = "SUP-001"
    /// A `dossiercheck-disable` comment that names a rule no loaded rule set has.
    public static let unknownRule = "SUP-002"
    /// A waiver whose expiry date has passed: the finding it covered counts again.
    public static let expiredWaiver = "SUP-003"
    /// A `dossiercheck-disable` comment that suppresses nothing.
    public static let unusedSuppression = "SUP-004"

    /// Every ID above. Their findings are about the project's own files and are never baselined.
    public static let ids: Set<String> = [malformedSuppression, unknownRule, expiredWaiver, unusedSuppression]

    public static func descriptors(version: String) -> [RuleDescriptor] {
        func rule(_ id: String, _ severity: Severity, _ title: String, _ description: String) -> RuleDescriptor {
            RuleDescriptor(
                id: id, ruleSet: "dossiercheck", ruleSetVersion: version, title: title, description: description,
                severity: severity)
        }
        return [
            rule(
                malformedSuppression, .error, "A suppression comment names a rule and gives a reason",
                "Write `# dossiercheck-disable RULE-ID: reason` on the finding's line or on the line above it. An exception without a reason is not justified, so the comment suppresses nothing."
            ),
            rule(
                unknownRule, .error, "A suppression comment names a known rule",
                "The rule IDs in a `dossiercheck-disable` comment must be rules of the loaded rule sets."),
            rule(
                expiredWaiver, .warning, "A waiver has not expired",
                "A waiver granted by a jury ends on its expiry date; after it the finding counts again. Renew the waiver or fix the dossier."
            ),
            rule(
                unusedSuppression, .info, "A suppression comment suppresses a finding",
                "A `dossiercheck-disable` comment with nothing to suppress on its line is left over: remove it."),
        ]
    }

    static func finding(
        _ rule: String, _ severity: Severity, _ message: String, at mark: Mark, path: String = "", help: String? = nil
    ) -> Finding {
        Finding(rule: rule, severity: severity, message: message, location: mark, path: path, help: help)
    }
}
