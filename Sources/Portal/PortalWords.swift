import Foundation
import Validators

/// The portal's own words in the four languages (rule messages come from the rule sets, the
/// labels of findings from `ReportVocabulary`).
struct PortalWords: Sendable {
    let language: Language

    init(_ language: Language) { self.language = language }

    private static let table: [String: (en: String, nl: String, fr: String, de: String)] = [
        "title": ("Dossier pre-check", "Voorafgaande dossiercontrole", "Pré-contrôle du dossier", "Dossier-Vorabprüfung"),
        "intro": (
            "Check an application dossier (YAML) against the programme's rules before you submit it. Nothing you send is stored.",
            "Controleer een aanvraagdossier (YAML) aan de regels van het programma voor u het indient. Niets wat u stuurt wordt bewaard.",
            "Vérifiez un dossier de candidature (YAML) selon les règles du programme avant de le déposer. Rien de ce que vous envoyez n'est conservé.",
            "Prüfen Sie ein Antragsdossier (YAML) vor der Einreichung gegen die Regeln des Programms. Nichts, was Sie senden, wird gespeichert."
        ),
        "upload": (
            "Upload the dossier file", "Upload het dossierbestand", "Téléversez le fichier du dossier", "Dossierdatei hochladen"
        ),
        "paste": ("… or paste its text", "… of plak de tekst", "… ou collez son texte", "… oder den Text einfügen"),
        "messages": ("Language of the messages", "Taal van de meldingen", "Langue des messages", "Sprache der Meldungen"),
        "own": ("the dossier's own", "die van het dossier", "celle du dossier", "die des Dossiers"),
        "check": ("Check", "Controleren", "Vérifier", "Prüfen"),
        "checking": ("Checking…", "Bezig met controleren…", "Vérification…", "Wird geprüft…"),
        "again": ("Check again", "Opnieuw controleren", "Vérifier à nouveau", "Erneut prüfen"),
        "result": ("Result", "Resultaat", "Résultat", "Ergebnis"),
        "admissible": ("Admissible as it stands", "Ontvankelijk zoals het is", "Recevable en l'état", "In dieser Form zulässig"),
        "inadmissible": (
            "Not admissible as it stands", "Niet ontvankelijk zoals het is", "Non recevable en l'état",
            "In dieser Form nicht zulässig"
        ),
        "noFindings": ("No findings.", "Geen bevindingen.", "Aucun constat.", "Keine Befunde."),
        "file": ("File", "Bestand", "Fichier", "Datei"),
        "pasted": ("pasted text", "geplakte tekst", "texte collé", "eingefügter Text"),
        "rules": ("Rules", "Regels", "Règles", "Regeln"),
        "ruleSets": ("Rule sets", "Regelsets", "Jeux de règles", "Regelsätze"),
        "parameters": ("Parameters", "Parameters", "Paramètres", "Parameter"),
        "templates": ("Templates", "Sjablonen", "Modèles", "Vorlagen"),
        "templatesIntro": (
            "A template per kind of dossier, every section commented with what it must hold:",
            "Een sjabloon per soort dossier, elke sectie toegelicht met wat ze moet bevatten:",
            "Un modèle par type de dossier, chaque section commentée avec ce qu'elle doit contenir :",
            "Eine Vorlage je Dossierart, jeder Abschnitt mit Erläuterung, was er enthalten muss:"
        ),
        "api": ("API", "API", "API", "API"),
        "explain": ("What the rule asks", "Wat de regel vraagt", "Ce que la règle demande", "Was die Regel verlangt"),
        "id": ("ID", "ID", "ID", "ID"),
        "severity": ("Severity", "Ernst", "Gravité", "Schwere"),
        "ruleTitle": ("Title", "Titel", "Titre", "Titel"),
        "source": ("Source", "Bron", "Source", "Quelle"),
        "name": ("Name", "Naam", "Nom", "Name"),
        "value": ("Value", "Waarde", "Valeur", "Wert"),
        "description": ("Description", "Beschrijving", "Description", "Beschreibung"),
        "kind": ("kind", "soort", "type", "Art"),
        "library": ("library", "bibliotheek", "bibliothèque", "Bibliothek"),
        "call": ("call", "oproep", "appel", "Aufruf"),
        "inCalls": ("This rule in call", "Deze regel in oproep", "Cette règle dans l'appel", "Diese Regel im Aufruf"),
        "back": ("Back to the pre-check", "Terug naar de controle", "Retour au pré-contrôle", "Zurück zur Vorabprüfung"),
        "allRules": ("All rule sets", "Alle regelsets", "Tous les jeux de règles", "Alle Regelsätze"),
        "noDossier": (
            "Give a dossier: choose its file or paste its text.",
            "Geef een dossier: kies het bestand of plak de tekst.",
            "Donnez un dossier : choisissez son fichier ou collez son texte.",
            "Geben Sie ein Dossier an: Datei wählen oder Text einfügen."
        ),
        "dossier": ("Dossier", "Dossier", "Dossier", "Dossier"),
        "language": ("Language", "Taal", "Langue", "Sprache"),
        "privacy": (
            "The dossier is checked in memory and forgotten: it is not stored or logged.",
            "Het dossier wordt in het geheugen gecontroleerd en vergeten: het wordt niet bewaard of gelogd.",
            "Le dossier est vérifié en mémoire puis oublié : il n'est ni conservé ni journalisé.",
            "Das Dossier wird im Arbeitsspeicher geprüft und vergessen: es wird weder gespeichert noch protokolliert."
        ),
        "error": ("Error", "Fout", "Erreur", "Fehler"),
        "tooLarge": (
            "The dossier is larger than this portal accepts (%@).",
            "Het dossier is groter dan dit portaal aanvaardt (%@).",
            "Le dossier dépasse la taille que ce portail accepte (%@).",
            "Das Dossier ist größer, als dieses Portal annimmt (%@)."
        ),
        "busy": (
            "The portal is busy checking other dossiers. Please try again in a moment.",
            "Het portaal controleert andere dossiers. Probeer het zo opnieuw.",
            "Le portail vérifie d'autres dossiers. Réessayez dans un instant.",
            "Das Portal prüft gerade andere Dossiers. Bitte versuchen Sie es gleich noch einmal."
        ),
        "timeout": (
            "Checking this dossier took longer than the portal allows (%@).",
            "Het controleren van dit dossier duurde langer dan het portaal toelaat (%@).",
            "La vérification de ce dossier a dépassé le temps que le portail accorde (%@).",
            "Die Prüfung dieses Dossiers dauerte länger, als das Portal erlaubt (%@)."
        ),
        "notFound": (
            "There is no such page.", "Deze pagina bestaat niet.", "Cette page n'existe pas.", "Diese Seite gibt es nicht."
        ),
        "unknownCall": (
            "This rule is not in that call. The calls that have it: %@.",
            "Deze regel hoort niet bij die oproep. De oproepen met deze regel: %@.",
            "Cette règle ne fait pas partie de cet appel. Les appels qui la contiennent : %@.",
            "Diese Regel gehört nicht zu diesem Aufruf. Die Aufrufe mit dieser Regel: %@."
        ),
        "noCall": (
            "This rule is not in that call: the rule sets of this portal name no calls.",
            "Deze regel hoort niet bij die oproep: de regelsets van dit portaal noemen geen oproepen.",
            "Cette règle ne fait pas partie de cet appel : les jeux de règles de ce portail ne nomment aucun appel.",
            "Diese Regel gehört nicht zu diesem Aufruf: die Regelsätze dieses Portals nennen keine Aufrufe."
        ),
        "badRequest": (
            "The request could not be read.", "Het verzoek kon niet worden gelezen.", "La requête n'a pas pu être lue.",
            "Die Anfrage konnte nicht gelesen werden."
        ),
        "internal": (
            "Something went wrong on our side.", "Er ging iets mis aan onze kant.", "Une erreur s'est produite de notre côté.",
            "Bei uns ist etwas schiefgegangen."
        ),
        "methodNotAllowed": (
            "This address does not take that method.", "Dit adres aanvaardt die methode niet.",
            "Cette adresse n'accepte pas cette méthode.",
            "Diese Adresse nimmt diese Methode nicht an."
        ),
        "suppressedBy": ("reason", "reden", "motif", "Grund"),
        "uriTooLong": (
            "The address is longer than this portal reads (%@ bytes).",
            "Het adres is langer dan dit portaal leest (%@ bytes).",
            "L'adresse dépasse la longueur que ce portail lit (%@ octets).",
            "Die Adresse ist länger, als dieses Portal liest (%@ Bytes)."
        ),
        "moreFindings": (
            "%@ more findings are not shown here. The JSON API (POST /api/v1/check) returns every finding, as does dossiercheck check.",
            "%@ andere bevindingen worden hier niet getoond. De JSON-API (POST /api/v1/check) geeft alle bevindingen, net als dossiercheck check.",
            "%@ autres constats ne sont pas affichés ici. L'API JSON (POST /api/v1/check) renvoie tous les constats, comme dossiercheck check.",
            "%@ weitere Befunde werden hier nicht angezeigt. Die JSON-API (POST /api/v1/check) liefert alle Befunde, wie dossiercheck check."
        ),
        "notRefilled": (
            "The dossier is too long to be put back in the text box: correct the file and check it again.",
            "Het dossier is te lang om terug in het tekstvak te zetten: verbeter het bestand en controleer het opnieuw.",
            "Le dossier est trop long pour être remis dans la zone de texte : corrigez le fichier et vérifiez-le à nouveau.",
            "Das Dossier ist zu lang, um es wieder in das Textfeld zu setzen: korrigieren Sie die Datei und prüfen Sie sie erneut."
        ),
    ]

    subscript(_ key: String) -> String {
        guard let entry = Self.table[key] else { return key }
        switch language.words {
        case .en: return entry.en
        case .nl: return entry.nl
        case .fr: return entry.fr
        case .de: return entry.de
        }
    }

    /// A phrase with its one `%@` filled in.
    func format(_ key: String, _ value: String) -> String {
        self[key].replacingOccurrences(of: "%@", with: value)
    }

    /// Each language's name in itself, for the language picker.
    static func name(of language: Language) -> String {
        switch language.words {
        case .en: "English"
        case .nl: "Nederlands"
        case .fr: "Français"
        case .de: "Deutsch"
        }
    }
}
