import Foundation

/// Deterministic synthetic German help-center articles for benchmarks and load tests.
///
/// The text is built from a vocabulary of several hundred real German hosting/support words (compounds such as
/// "Kundennummer" and "Rechnungsadresse", hyphenated ones such as "E-Mail-Adresse", umlauts and ß, function
/// words, a few English words, numbers and host names) drawn with a Zipf-like distribution and put into
/// grammatical sentence templates (articles and adjective endings agree with the noun's gender and case), so
/// the analyzer sees realistic word lengths, folding work, stems, compounds and stop words.
///
/// The long tail a real corpus has comes from Debian's `wngerman` word list (`LongTail`): some noun slots take
/// one of its ~118,000 capitalized entries, some adjective and adverb slots one of its ~237,000 other entries,
/// each drawn Zipf-distributed over a fixed shuffle of the list, so 10,000 articles of 5 KB contain well over
/// 100,000 distinct words (`lotse-bench vocabulary` counts them).
///
/// Everything depends only on `seed` (own SplitMix64 generator) and the word list: the same arguments and list
/// give byte-identical files.
public enum SyntheticCorpus {
    /// Writes `count` Markdown articles (`artikel-00001.md`, …) with YAML front matter (title, category, tags,
    /// lang: de), a `# Title` and about `averageBytes` of body (`##` sections, paragraphs, lists, some tables)
    /// into `directory`, creating it if needed. Existing files of the same names are overwritten.
    public static func write(articles count: Int, averageBytes: Int = 5_000, seed: UInt64 = 42, to directory: String) throws {
        precondition(count >= 0 && averageBytes > 0)
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        guard count > 0 else { return }
        let width = max(5, String(count).count)
        for number in 1...count {
            let text = article(number: number, averageBytes: averageBytes, seed: seed)
            let name = "artikel-" + String(repeating: "0", count: max(0, width - String(number).count)) + String(number) + ".md"
            let path = (directory as NSString).appendingPathComponent(name)
            try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        }
    }

    /// One article as it would be written by `write` (number is 1-based).
    public static func article(number: Int, averageBytes: Int = 5_000, seed: UInt64 = 42) -> String {
        // The article's stream starts at a hashed position: a seed of seed ^ number·φ (SplitMix64's own
        // increment) started article n one step into article n − 1's stream, so all articles drew from nearly
        // the same few thousand random numbers (and the corpus had ~20,000 distinct words, not 100,000+).
        var mixer = SplitMix64(seed: seed ^ (UInt64(truncatingIfNeeded: number) &* 0x9E37_79B9_7F4A_7C15))
        var generator = TextGenerator(seed: mixer.next())
        return generator.article(averageBytes: averageBytes)
    }

    /// About `words` whitespace-separated words of help-center prose (paragraphs, `##` headings and lists),
    /// for analyzer benchmarks. Stops after the paragraph that reaches `words`.
    public static func sampleText(words: Int, seed: UInt64 = 42) -> String {
        var generator = TextGenerator(seed: seed)
        return generator.prose(words: words)
    }
}

extension SyntheticCorpus {
    // MARK: - Random numbers

    /// SplitMix64 (Steele, Lea, Flood 2014): tiny, fast and good enough for text generation; fully deterministic.
    public struct SplitMix64: RandomNumberGenerator {
        private var state: UInt64

        public init(seed: UInt64) { state = seed }

        public mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }

        /// Uniform in [0, 1).
        mutating func unit() -> Double { Double(next() >> 11) * 0x1.0p-53 }

        /// Uniform in 0..<bound (bound > 0).
        mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }

        mutating func chance(_ probability: Double) -> Bool { unit() < probability }

        mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }
    }

    /// Rank-frequency sampling: item `k` (0-based) has weight 1 / (k + 1)^exponent, as word frequencies do.
    struct ZipfTable: Sendable {
        private let cumulative: [Double]

        init(count: Int, exponent: Double = 1.0) {
            var sum = 0.0
            var cumulative: [Double] = []
            cumulative.reserveCapacity(count)
            for rank in 1...count {
                sum += 1.0 / pow(Double(rank), exponent)
                cumulative.append(sum)
            }
            self.cumulative = cumulative
        }

        func sample(_ generator: inout SplitMix64) -> Int {
            let target = generator.unit() * cumulative[cumulative.count - 1]
            var low = 0
            var high = cumulative.count - 1
            while low < high {
                let middle = (low + high) / 2
                if cumulative[middle] > target { high = middle } else { low = middle + 1 }
            }
            return low
        }
    }

    // MARK: - Vocabulary

    enum Gender: Sendable {
        case masculine, feminine, neuter, plural
    }

    enum GrammaticalCase: Sendable {
        case nominative, accusative, dative
    }

    struct Noun: Sendable {
        var word: String
        var gender: Gender
    }

    struct Verb: Sendable {
        /// "einrichten"
        var infinitive: String
        /// Formal imperative / "Sie" form, particle separated: "richten ein"
        var formal: String
        /// Third person singular, particle separated: "richtet ein"
        var third: String
        /// "eingerichtet"
        var participle: String

        var formalParts: (verb: String, particle: String?) { Self.split(formal) }
        var thirdParts: (verb: String, particle: String?) { Self.split(third) }

        /// "einzurichten", "zu ändern"
        var zuInfinitive: String {
            if let particle = formalParts.particle, infinitive.hasPrefix(particle) {
                return particle + "zu" + infinitive.dropFirst(particle.count)
            }
            return "zu " + infinitive
        }

        private static func split(_ form: String) -> (verb: String, particle: String?) {
            let parts = form.split(separator: " ", maxSplits: 1).map(String.init)
            return (parts[0], parts.count > 1 ? parts[1] : nil)
        }
    }

    enum Vocabulary {
        /// Nouns by rough frequency rank (most frequent first). Suffix: /m, /f, /n or /p (plural).
        static let nouns: [Noun] = """
        E-Mail-Adresse/f Domain/f Postfach/n Passwort/n Kundencenter/n Rechnung/f Konto/n Kundennummer/f \
        Einstellungen/p Weiterleitung/f Zugangsdaten/p Server/m Vertrag/m Datenbank/f Website/f Tarif/m \
        Rechnungsadresse/f Zwei-Faktor-Authentifizierung/f SSL-Zertifikat/n Backup/n Benutzername/m Anmeldung/f \
        Daten/p Fehlermeldung/f Speicherplatz/m Webspace/m DNS-Eintrag/m Nameserver/m Browser/m Kunde/m \
        Seite/f Nachricht/f Zahlung/f Lastschrift/f Kündigung/f Bestellung/f Installation/f Konfiguration/f \
        Sicherung/f Wiederherstellung/f Zugang/m Paket/n Hostingpaket/n Formular/n Fehler/m Link/m Code/m \
        Bestätigungslink/m Cache/m Login/m Account/m Support/m Spamfilter/m Posteingang/m Ordner/m Benutzer/m \
        Kosten/p Dateien/p Verbindung/f Bankverbindung/f Zahlungsart/f Kreditkarte/f Kündigungsfrist/f \
        Vertragslaufzeit/f Mindestlaufzeit/f Datei/f Verschlüsselung/f Sicherheit/f Umleitung/f Subdomain/f \
        Abwesenheitsnotiz/f Signatur/f Sperre/f Freischaltung/f Bestätigung/f Telefonnummer/f Mobilnummer/f \
        Kundenkonto/n Zertifikat/n Kennwort/n Kontaktformular/n Feld/n Eingabefeld/n Menü/n Fenster/n \
        Verzeichnis/n Stammverzeichnis/n Programm/n Plugin/n Update/n Protokoll/n Fehlerprotokoll/n Ticket/n \
        Supportticket/n Ergebnis/n Gerät/n Smartphone/n Betriebssystem/n Datum/n Ablaufdatum/n Guthaben/n \
        Lastschriftmandat/n Angebot/n Dokument/n Archiv/n Limit/n Speicherkontingent/n Problem/n Spam/m \
        MX-Eintrag/m Sicherheitscode/m Zugriff/m Download/m Upload/m Virenschutz/m Postausgang/m Unterordner/m \
        Administrator/m Zeitraum/m Monat/m Betrag/m Rechnungsbetrag/m Preis/m Tarifwechsel/m Anbieterwechsel/m \
        Domainumzug/m Status/m Bereich/m Menüpunkt/m Reiter/m Hinweis/m Abschnitt/m Wert/m Port/m Hostname/m \
        Dienst/m Datenbankname/m Datenbankbenutzer/m Schlüssel/m Authentifizierungscode/m Kundenservice/m \
        Rückruf/m Termin/m Zeitpunkt/m Empfänger/m Absender/m Dateianhang/m Import/m Export/m Cronjob/m \
        Zeitplan/m Neustart/m Arbeitsspeicher/m Traffic/m Auftrag/m Widerruf/m Nachweis/m Personalausweis/m \
        Domaininhaber/m Ansprechpartner/m Mitarbeiter/m Schritt/m Anbieter/m Adresse/f Anfrage/f Supportanfrage/f \
        Übersicht/f Benutzeroberfläche/f Rechnungsnummer/f Auftragsnummer/f Vertragsnummer/f Anleitung/f \
        Lösung/f Ursache/f Meldung/f Warnung/f Größe/f Dateigröße/f Postfachgröße/f Änderung/f Aktualisierung/f \
        Übertragung/f Domainübertragung/f Zone/f Weiterleitungsadresse/f Empfängeradresse/f Absenderadresse/f \
        IP-Adresse/f PHP-Version/f Anwendung/f App/f Erweiterung/f Sitzung/f Schaltfläche/f Registerkarte/f \
        Liste/f Tabelle/f Option/f Funktion/f Berechtigung/f Rolle/f Benutzerverwaltung/f Authentifizierung/f \
        Laufzeit/f Frist/f Stunde/f Minute/f Woche/f Gebühr/f Mahngebühr/f Mahnung/f Gutschrift/f \
        Rückerstattung/f Umsatzsteuer/f Firma/f Preisänderung/f Leistung/f Verfügbarkeit/f Störung/f \
        Wartung/f Wartungsarbeit/f Datenschutzerklärung/f Auskunft/f Löschung/f Vorlage/f Zustellung/f \
        Mailbox/f Passwortänderung/f Sicherheitsfrage/f Domainendung/f Kontaktadresse/f Rufnummer/f \
        Kontaktdaten/p Kundendaten/p Rechte/p Zugriffsrechte/p Cookies/p Details/p Angaben/p Informationen/p \
        Unterlagen/p Fehlversuche/p Postfächer/p DNS-Einträge/p Gebühren/p Nachrichten/p Rechnungen/p \
        Domains/p Mails/p Hinweise/p Zeichen/n Sonderzeichen/n Skript/n Bild/n Logo/n Theme/n Dashboard/n \
        Token/n Impressum/n Jahr/n Tablet/n PDF/n Häkchen/n Symbol/n Kontingent/n Verfahren/n Vorgehen/n \
        FTP-Zugang/m SSH-Schlüssel/m Spam-Ordner/m Webmail-Login/m E-Mail-Postfach/n E-Mail-Programm/n \
        Login-Daten/p WordPress-Installation/f SEPA-Lastschrift/f Out-of-Office-Nachricht/f Auth-Code/m
        """.split(whereSeparator: \.isWhitespace).map { entry in
            let parts = entry.split(separator: "/")
            let gender: Gender = switch parts[1] {
            case "m": .masculine
            case "f": .feminine
            case "n": .neuter
            default: .plural
            }
            return Noun(word: String(parts[0]), gender: gender)
        }

        /// Transitive verbs: infinitive;Sie-form;er-form;participle (separable particles after a space).
        static let verbs: [Verb] = """
        einrichten;richten ein;richtet ein;eingerichtet
        ändern;ändern;ändert;geändert
        prüfen;prüfen;prüft;geprüft
        öffnen;öffnen;öffnet;geöffnet
        anlegen;legen an;legt an;angelegt
        löschen;löschen;löscht;gelöscht
        aktivieren;aktivieren;aktiviert;aktiviert
        eingeben;geben ein;gibt ein;eingegeben
        auswählen;wählen aus;wählt aus;ausgewählt
        speichern;speichern;speichert;gespeichert
        bestätigen;bestätigen;bestätigt;bestätigt
        zurücksetzen;setzen zurück;setzt zurück;zurückgesetzt
        deaktivieren;deaktivieren;deaktiviert;deaktiviert
        herunterladen;laden herunter;lädt herunter;heruntergeladen
        hochladen;laden hoch;lädt hoch;hochgeladen
        verwenden;verwenden;verwendet;verwendet
        nutzen;nutzen;nutzt;genutzt
        erhalten;erhalten;erhält;erhalten
        senden;senden;sendet;gesendet
        verschieben;verschieben;verschiebt;verschoben
        kündigen;kündigen;kündigt;gekündigt
        bearbeiten;bearbeiten;bearbeitet;bearbeitet
        hinterlegen;hinterlegen;hinterlegt;hinterlegt
        aktualisieren;aktualisieren;aktualisiert;aktualisiert
        erstellen;erstellen;erstellt;erstellt
        wiederherstellen;stellen wieder her;stellt wieder her;wiederhergestellt
        übertragen;übertragen;überträgt;übertragen
        verknüpfen;verknüpfen;verknüpft;verknüpft
        konfigurieren;konfigurieren;konfiguriert;konfiguriert
        freischalten;schalten frei;schaltet frei;freigeschaltet
        entsperren;entsperren;entsperrt;entsperrt
        sperren;sperren;sperrt;gesperrt
        beantragen;beantragen;beantragt;beantragt
        anfordern;fordern an;fordert an;angefordert
        abrufen;rufen ab;ruft ab;abgerufen
        weiterleiten;leiten weiter;leitet weiter;weitergeleitet
        umstellen;stellen um;stellt um;umgestellt
        hinzufügen;fügen hinzu;fügt hinzu;hinzugefügt
        entfernen;entfernen;entfernt;entfernt
        kopieren;kopieren;kopiert;kopiert
        eintragen;tragen ein;trägt ein;eingetragen
        festlegen;legen fest;legt fest;festgelegt
        anpassen;passen an;passt an;angepasst
        überprüfen;überprüfen;überprüft;überprüft
        ersetzen;ersetzen;ersetzt;ersetzt
        zuordnen;ordnen zu;ordnet zu;zugeordnet
        verlängern;verlängern;verlängert;verlängert
        bezahlen;bezahlen;bezahlt;bezahlt
        begleichen;begleichen;begleicht;beglichen
        erneuern;erneuern;erneuert;erneuert
        installieren;installieren;installiert;installiert
        testen;testen;testet;getestet
        leeren;leeren;leert;geleert
        schließen;schließen;schließt;geschlossen
        starten;starten;startet;gestartet
        beenden;beenden;beendet;beendet
        einsehen;sehen ein;sieht ein;eingesehen
        finden;finden;findet;gefunden
        angeben;geben an;gibt an;angegeben
        ausfüllen;füllen aus;füllt aus;ausgefüllt
        wechseln;wechseln;wechselt;gewechselt
        schützen;schützen;schützt;geschützt
        verschlüsseln;verschlüsseln;verschlüsselt;verschlüsselt
        sichern;sichern;sichert;gesichert
        exportieren;exportieren;exportiert;exportiert
        importieren;importieren;importiert;importiert
        berechnen;berechnen;berechnet;berechnet
        abbuchen;buchen ab;bucht ab;abgebucht
        erstatten;erstatten;erstattet;erstattet
        zusenden;senden zu;sendet zu;zugesendet
        beheben;beheben;behebt;behoben
        vermeiden;vermeiden;vermeidet;vermieden
        zulassen;lassen zu;lässt zu;zugelassen
        blockieren;blockieren;blockiert;blockiert
        filtern;filtern;filtert;gefiltert
        markieren;markieren;markiert;markiert
        zuweisen;weisen zu;weist zu;zugewiesen
        benötigen;benötigen;benötigt;benötigt
        verwalten;verwalten;verwaltet;verwaltet
        umleiten;leiten um;leitet um;umgeleitet
        """.split(separator: "\n").map { line in
            let parts = line.trimmingCharacters(in: .whitespaces).split(separator: ";").map(String.init)
            return Verb(infinitive: parts[0], formal: parts[1], third: parts[2], participle: parts[3])
        }

        /// Adjectives that decline regularly (stem + ending).
        static let adjectives: [String] = """
        neu aktuell richtig gültig sicher automatisch persönlich gewünscht zusätzlich eigen monatlich jährlich \
        kostenlos vollständig bestehend alt falsch ungültig schnell einfach manuell zuständig kostenpflichtig \
        gesamt öffentlich privat technisch erforderlich notwendig temporär dauerhaft vorhanden gesperrt aktiv \
        inaktiv gespeichert gelöscht verfügbar ausführlich kurz groß klein häufig regelmäßig standardmäßig \
        ordnungsgemäß übersichtlich ähnlich ungewöhnlich fehlerhaft zuverlässig schädlich verdächtig maßgeblich \
        hinterlegt verschlüsselt geschützt zweit letzt nächst offen geöffnet bisherig weitere äußer zeitgemäß \
        mäßig gemeinsam kompatibel veraltet unbekannt
        """.split(whereSeparator: \.isWhitespace).map(String.init)

        /// Adjectives usable after "ist"/"sind" (predicative, undeclined).
        static let predicates: [String] = """
        aktiv, gesperrt, voll, abgelaufen, ungültig, nicht erreichbar, verfügbar, eingerichtet, korrekt, falsch, leer, \
        verschlüsselt, deaktiviert, gültig, veraltet, zu groß, fehlerhaft, freigeschaltet, überfällig, vollständig, \
        bereits vergeben, noch nicht aktiv, vorübergehend gesperrt, erreichbar, gekündigt, zu klein, größer als erlaubt
        """.split(separator: ",").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }

        static let adverbs: [String] = """
        bitte zunächst anschließend danach dann jederzeit sofort direkt automatisch bereits noch erneut einfach \
        leider gegebenenfalls zusätzlich außerdem meist normalerweise täglich weiterhin ebenfalls zuerst später \
        schließlich nur auch immer oft häufig selten eventuell möglicherweise wahrscheinlich sicherheitshalber \
        vorübergehend dauerhaft unten oben rechts links hier dort nochmals regelmäßig kostenlos manuell \
        ausschließlich grundsätzlich tatsächlich übrigens wöchentlich spätestens frühestens
        """.split(whereSeparator: \.isWhitespace).map(String.init)

        static let categories = [
            "E-Mail", "Domains", "Konto & Anmeldung", "Rechnung & Zahlung", "Webhosting", "Datenbanken",
            "Sicherheit", "WordPress", "DNS", "Backups", "SSL-Zertifikate", "Verträge", "Datenschutz", "Server",
        ]

        static let hosts = [
            "kundencenter.lindenhost.de", "webmail.lindenhost.de", "imap.lindenhost.de", "smtp.lindenhost.de",
            "pop3.lindenhost.de", "ns1.lindenhost.de", "ns2.lindenhost.de", "www.beispiel.de", "beispiel.de",
            "shop.beispiel-firma.de", "info@beispiel.de", "rechnung@lindenhost.de", "support@lindenhost.de",
            "mysql5.lindenhost.de", "ftp.lindenhost.de", "status.lindenhost.de",
        ]

        static let paths = [
            "/public_html", "/public_html/wp-config.php", "/logs/error.log", "/.htaccess", "/backup/2025-11-03.tar.gz",
            "/etc/cron.d", "/public_html/index.php", "/mail/inbox", "/tmp/session_data",
        ]

        /// English phrases as they appear in help-center text: UI labels, error messages, product terms.
        static let english = [
            "Out of Office", "Forgot password", "Save changes", "Internal Server Error", "Connection timed out",
            "Access denied", "Sign in", "Two-factor authentication", "Mailbox full", "Relay access denied",
            "Certificate expired", "Too many redirects", "Permission denied", "Service unavailable", "Not found",
            "Bad Gateway", "Let's Encrypt", "Auth code", "Cloud Backup", "Page Builder",
        ]

        /// Durations in the dative plural ("innerhalb von 3 Tagen", "bis zu 24 Stunden").
        static let durations = [
            ("Minuten", 2...60), ("Stunden", 2...48), ("Tagen", 2...30), ("Monaten", 2...24), ("Sekunden", 5...120),
            ("Wochen", 2...8), ("Werktagen", 2...10),
        ]

        /// Sizes and counts ("5 GB", "1.000 Postfächer", "2,5 GB").
        static let amounts = [
            ("GB", 1...100), ("MB", 1...500), ("Zeichen", 8...64), ("Postfächer", 2...250), ("Domains", 2...50),
            ("Datenbanken", 2...20), ("TB", 1...4), ("Anfragen pro Minute", 10...600),
        ]

        static let ports = ["993", "995", "465", "587", "143", "110", "21", "22", "3306", "443", "8080"]

        static let fixedHeadings = [
            "Häufige Fragen", "Voraussetzungen", "Schritt-für-Schritt-Anleitung", "Fehlermeldungen und ihre Bedeutung",
            "Hinweise zur Sicherheit", "Kosten und Laufzeit", "Weitere Hilfe", "Bekannte Probleme", "Überblick",
            "So gehen Sie vor", "Tipps für Fortgeschrittene", "Was ändert sich für Sie?",
        ]

        /// First parts (with linking element) for the open-ended compounds German builds on the fly:
        /// "Kunden" + "Postfach" → "Kundenpostfach". Gives the long tail of rare words real corpora have.
        static let modifiers: [String] = """
        Kunden Rechnungs Daten Server Domain Mail Sicherheits Zahlungs Konto Passwort Benutzer Datenbank \
        Speicher System Test Haupt Standard Zusatz Vertrags Tarif Backup Support Web Netzwerk Firmen Privat \
        Jahres Monats Wartungs Verbindungs Zugangs Anmelde Fehler Status Nutzer Konfigurations Sperr Lösch \
        Export Import Update Sicherungs Zertifikats Postfach Empfangs Versand Spam Viren Dienst Bestell Liefer \
        Gutschein Bank Steuer Login Termin Notfall Ersatz Premium Basis Größen Mitarbeiter Verwaltungs Kontroll
        """.split(whereSeparator: \.isWhitespace).map(String.init)

        /// Nouns that can close such a compound: one word, not an acronym.
        static let heads: [Noun] = nouns.filter { noun in
            !noun.word.contains("-") && noun.word.count >= 3 && noun.word.dropFirst().contains(where: \.isLowercase)
                && noun.word.dropFirst().allSatisfy { !$0.isUppercase }
        }

        static let nounTable = ZipfTable(count: nouns.count, exponent: 0.9)
        static let modifierTable = ZipfTable(count: modifiers.count, exponent: 0.8)
        static let headTable = ZipfTable(count: heads.count, exponent: 0.8)
        static let verbTable = ZipfTable(count: verbs.count, exponent: 0.9)
        static let adjectiveTable = ZipfTable(count: adjectives.count, exponent: 0.9)
        static let predicateTable = ZipfTable(count: predicates.count, exponent: 0.8)
        static let adverbTable = ZipfTable(count: adverbs.count, exponent: 0.9)
    }

    // MARK: - Long tail

    /// The rare words: Debian's `wngerman` list (`/usr/share/dict/ngerman`, `apt-get install wngerman`;
    /// `$LOTSE_WORDLIST` names another file, one word a line). Entries of ≥ 3 letters (hyphens allowed), no
    /// all-caps abbreviations, in a fixed pseudo-random order (so rank 1 is not "Aachen"); capitalized entries
    /// serve as nouns (gender guessed from the ending), the others as adjectives and adverbs.
    public enum LongTail {
        public static let path: String = {
            let override = ProcessInfo.processInfo.environment["LOTSE_WORDLIST"] ?? ""
            return override.isEmpty ? "/usr/share/dict/ngerman" : override
        }()

        /// Share of fresh noun slots / adjective slots / adverb slots that take a tail word.
        static let nounShare = 0.3
        static let adjectiveShare = 0.5
        static let adverbShare = 0.15

        static let lists: (nouns: [Noun], others: [String]) = load()
        static let nounTable = ZipfTable(count: lists.nouns.count, exponent: 0.85)
        static let otherTable = ZipfTable(count: lists.others.count, exponent: 0.85)

        /// Changes whenever the list or its use changes (part of the benchmark corpus fingerprint).
        public static var fingerprint: String {
            "tail-v2 \(lists.nouns.count) \(lists.others.count) \(lists.nouns.first?.word ?? "") \(lists.others.first ?? "")"
        }

        public static var wordCount: Int { lists.nouns.count + lists.others.count }

        private static func load() -> (nouns: [Noun], others: [String]) {
            guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
                fatalError("SyntheticCorpus needs the word list \(path): apt-get install wngerman (make bench-deps), or set LOTSE_WORDLIST")
            }
            var nouns: [Noun] = []
            var others: [String] = []
            for line in text.split(whereSeparator: \.isNewline) {
                let word = String(line)
                guard word.count >= 3, let first = word.first,
                      word.unicodeScalars.allSatisfy({ $0 == "-" || $0.properties.isAlphabetic }),
                      word.contains(where: \.isLowercase) else { continue }
                if first.isUppercase {
                    nouns.append(Noun(word: word, gender: gender(word)))
                } else if first.isLowercase {
                    others.append(word)
                }
            }
            precondition(nouns.count > 1_000 && others.count > 1_000, "\(path): too few words")
            var random = SplitMix64(seed: 0x6E67_6572_6D61_6E00)
            shuffle(&nouns, &random)
            shuffle(&others, &random)
            return (nouns, others)
        }

        /// Fisher–Yates with the own generator (Swift's `shuffle(using:)` may change between releases).
        private static func shuffle<T>(_ items: inout [T], _ random: inout SplitMix64) {
            guard items.count > 1 else { return }
            for index in stride(from: items.count - 1, to: 0, by: -1) {
                items.swapAt(index, random.below(index + 1))
            }
        }

        /// Gender by the ending (good enough for article agreement in generated text).
        private static func gender(_ word: String) -> Gender {
            let lower = word.lowercased()
            for suffix in ["ung", "heit", "keit", "schaft", "ion", "tät", "ik", "ei", "enz", "anz", "ur", "ie", "e"] where lower.hasSuffix(suffix) {
                return .feminine
            }
            for suffix in ["chen", "lein", "um", "ment", "nis", "tum", "ma"] where lower.hasSuffix(suffix) {
                return .neuter
            }
            return .masculine
        }
    }

    // MARK: - Text generation

    struct TextGenerator {
        private var random: SplitMix64
        /// Nouns the current article is about; drawn more often than the global distribution says.
        private var focus: [Noun] = []

        init(seed: UInt64) {
            random = SplitMix64(seed: seed)
            _ = random.next()
        }

        // MARK: Documents

        mutating func article(averageBytes: Int) -> String {
            focus = (0..<(3 + random.below(4))).map { _ in freshNoun() }
            let title = makeTitle()
            let category = random.pick(Vocabulary.categories)
            var tags: [String] = []
            for noun in focus + [noun(), noun()] where !tags.contains(noun.word.lowercased()) {
                tags.append(noun.word.lowercased())
            }
            let target = max(200, Int(Double(averageBytes) * (0.6 + 0.8 * random.unit())))

            var text = "---\n"
            text += "title: \"\(title)\"\n"
            text += "category: \"\(category)\"\n"
            text += "tags: [" + tags.map { "\"\($0)\"" }.joined(separator: ", ") + "]\n"
            text += "lang: de\n"
            text += "---\n\n"
            text += "# \(title)\n\n"
            let bodyStart = text.utf8.count
            text += paragraph(sentences: 2 + random.below(3)) + "\n\n"
            while text.utf8.count - bodyStart < target {
                text += "## \(heading())\n\n"
                text += section()
            }
            return text
        }

        mutating func prose(words: Int) -> String {
            var text = ""
            var count = 0
            focus = []
            while count < words {
                if count == 0 || random.chance(0.08) {
                    focus = (0..<(3 + random.below(4))).map { _ in freshNoun() }
                }
                let block: String
                if random.chance(0.15) {
                    block = "## \(heading())\n\n" + section()
                } else {
                    block = paragraph(sentences: 2 + random.below(5)) + "\n\n"
                }
                count += block.split(whereSeparator: { $0 == " " || $0 == "\n" }).count
                text += block
            }
            return text
        }

        private mutating func section() -> String {
            var text = paragraph(sentences: 1 + random.below(4)) + "\n\n"
            let roll = random.unit()
            if roll < 0.3 {
                text += steps() + "\n"
            } else if roll < 0.55 {
                text += bullets() + "\n"
            } else if roll < 0.65 {
                text += table() + "\n"
            }
            if random.chance(0.6) { text += paragraph(sentences: 1 + random.below(4)) + "\n\n" }
            return text
        }

        private mutating func paragraph(sentences: Int) -> String {
            (0..<sentences).map { _ in sentence() }.joined(separator: " ")
        }

        private mutating func steps() -> String {
            var lines: [String] = []
            let count = 3 + random.below(5)
            for number in 1...count {
                let step = number == 1 && random.chance(0.5) ? "Melden Sie sich im Kundencenter an." : instruction()
                lines.append("\(number). \(step)")
            }
            return lines.joined(separator: "\n") + "\n"
        }

        private mutating func bullets() -> String {
            var lines: [String] = []
            for _ in 0..<(2 + random.below(5)) {
                switch random.below(3) {
                case 0: lines.append("- **\(noun().word):** \(sentence())")
                case 1: lines.append("- \(noun().word) \(verb().infinitive)")
                default: lines.append("- \(sentence())")
                }
            }
            return lines.joined(separator: "\n") + "\n"
        }

        private mutating func table() -> String {
            var lines = ["| \(noun().word) | \(noun().word) | Hinweis |", "|---|---|---|"]
            for _ in 0..<(2 + random.below(4)) {
                let value = random.chance(0.5) ? "`\(random.pick(Vocabulary.hosts))`" : "\(random.pick(Vocabulary.ports))"
                lines.append("| \(noun().word) | \(value) | \(shortClause()) |")
            }
            return lines.joined(separator: "\n") + "\n"
        }

        // MARK: Titles and headings

        private mutating func makeTitle() -> String {
            let main = focus[0]
            let verb = verb()
            switch random.below(5) {
            case 0, 1: return "\(main.word) \(verb.infinitive)"
            case 2: return "\(main.word) \(verb.infinitive) und \(self.verb().infinitive)"
            case 3: return "Wie kann ich \(phrase(main, .accusative, determiner: .possessive)) \(verb.infinitive)?"
            default: return "\(main.word) und \(noun().word)"
            }
        }

        private mutating func heading() -> String {
            switch random.below(6) {
            case 0: return random.pick(Vocabulary.fixedHeadings)
            case 1: return "\(noun().word) und \(noun().word)"
            case 2:
                let subject = noun()
                return "Was tun, wenn \(phrase(subject, .nominative, determiner: .definite)) \(predicate()) \(be(subject))?"
            default: return "\(noun().word) \(verb().infinitive)"
            }
        }

        // MARK: Sentences

        private mutating func sentence() -> String {
            // Template weights: instructions and plain statements dominate, fixed phrasings stay rare.
            let kinds = [0, 0, 0, 0, 2, 2, 2, 4, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 18, 18, 18]
            switch kinds[random.below(kinds.count)] {
            case 0, 1: return instruction()
            case 2, 3:
                return "Sie können \(objectPhrase()) \(optionalPlace())\(verb().infinitive)."
            case 4:
                let subject = noun()
                let verb = verb()
                return capitalized("\(phrase(subject, .nominative, determiner: .definite, adjective: random.chance(0.3))) \(subject.gender == .plural ? "werden" : "wird") \(adverb()) \(verb.participle).")
            case 5:
                let subject = noun()
                let actor = noun()
                let verb = verb()
                let (finite, particle) = verb.thirdParts
                let clause = "\(phrase(actor, .nominative, determiner: .definite)) \(objectPhrase())" + (particle.map { " " + $0 } ?? "")
                let verbForm = actor.gender == .plural ? pluralFinite(verb) : finite
                return "Wenn \(phrase(subject, .nominative, determiner: .possessive)) \(predicate()) \(be(subject)), \(verbForm) \(clause)."
            case 6:
                let verb = verb()
                return "Klicken Sie auf „\(noun().word)“, um \(objectPhrase()) \(verb.zuInfinitive)."
            case 7:
                let subject = noun()
                return "Bitte beachten Sie, dass \(phrase(subject, .nominative, determiner: .definite)) nur \(number()) \(verb().participle) werden \(subject.gender == .plural ? "können" : "kann")."
            case 8:
                return "Im Bereich „\(noun().word)“ finden Sie \(phrase(noun(), .accusative, determiner: .indefinite, adjective: random.chance(0.5)))."
            case 9:
                return "Die \(pluralish()) für \(phrase(noun(), .accusative, determiner: .possessive)) finden Sie unter \(technical())."
            case 10:
                let subject = noun()
                return "Es dauert bis zu \(quantity()), bis \(phrase(subject, .nominative, determiner: .definite)) \(verb().participle) \(be(subject))."
            case 11:
                let subject = noun()
                return "Falls \(phrase(subject, .nominative, determiner: .possessive)) \(predicate()) \(be(subject)), wenden Sie sich bitte an unseren Support."
            case 12:
                let subject = noun()
                return "Die Meldung „\(random.pick(Vocabulary.english))“ bedeutet, dass \(phrase(subject, .nominative, determiner: .definite)) \(predicate()) \(be(subject))."
            case 13:
                return "Die Kosten betragen \(random.below(30)),\(random.pick(["00", "49", "90", "99"])) Euro pro \(random.pick(["Monat", "Jahr", "Domain", "Postfach"])) inklusive Umsatzsteuer."
            case 14:
                return "Wir empfehlen, \(objectPhrase()) \(adverb()) \(verb().zuInfinitive)."
            case 15:
                let subject = noun()
                return "Hinweis: \(capitalized(phrase(subject, .nominative, determiner: .definite))) \(be(subject)) \(predicate()), solange \(phrase(noun(), .nominative, determiner: .definite)) nicht \(verb().participle) ist."
            case 17:
                let subject = noun()
                let (singular, plural) = random.pick([("umfasst", "umfassen"), ("enthält", "enthalten"), ("bietet", "bieten"), ("erlaubt", "erlauben")])
                return "\(capitalized(phrase(subject, .nominative, determiner: .possessive))) \(subject.gender == .plural ? plural : singular) bis zu \(amount())."
            case 16:
                return "Verwenden Sie für \(phrase(noun(), .accusative, determiner: .definite)) den Port \(random.pick(Vocabulary.ports)) und den Server \(random.pick(Vocabulary.hosts))."
            default:
                let subject = noun()
                let verb = verb()
                let (finite, particle) = verb.thirdParts
                return capitalized("\(phrase(subject, .nominative, determiner: .definite, adjective: random.chance(0.3))) \(subject.gender == .plural ? pluralFinite(verb) : finite) \(adverb()) \(objectPhrase())\(particle.map { " " + $0 } ?? "").")
            }
        }

        /// "Richten Sie die Weiterleitung im Kundencenter ein."
        private mutating func instruction() -> String {
            let verb = verb()
            let (finite, particle) = verb.formalParts
            var text = capitalized(finite) + " Sie " + objectPhrase()
            if random.chance(0.5) { text += " " + prepositionalPhrase() }
            if let particle { text += " " + particle }
            if random.chance(0.15) { text += " (\(random.pick(Vocabulary.english)))" }
            return text + "."
        }

        private mutating func shortClause() -> String {
            let subject = noun()
            return "\(capitalized(phrase(subject, .nominative, determiner: .definite))) \(be(subject)) \(predicate())"
        }

        private mutating func objectPhrase() -> String {
            let determiner: Determiner = switch random.below(4) {
            case 0, 1: .definite
            case 2: .possessive
            default: .indefinite
            }
            return phrase(noun(), .accusative, determiner: determiner, adjective: random.chance(0.35))
        }

        private mutating func optionalPlace() -> String {
            random.chance(0.6) ? prepositionalPhrase() + " " : ""
        }

        private mutating func prepositionalPhrase() -> String {
            let roll = random.below(10)
            if roll < 6 {
                let preposition = random.pick(["in", "mit", "bei", "von", "zu", "nach", "aus", "unter"])
                let noun = noun()
                let determiner: Determiner = random.chance(0.7) ? .definite : .possessive
                var text = phrase(noun, .dative, determiner: determiner, adjective: random.chance(0.2))
                if determiner == .definite {
                    let contracted: [String: String] = ["in dem": "im", "zu dem": "zum", "zu der": "zur", "bei dem": "beim", "von dem": "vom"]
                    let article = String(text.prefix { $0 != " " })
                    if let short = contracted["\(preposition) \(article)"] {
                        text = short + text.dropFirst(article.count)
                        return text
                    }
                }
                return preposition + " " + text
            } else if roll < 8 {
                let preposition = random.pick(["für", "über", "durch", "ohne", "auf"])
                return preposition + " " + phrase(noun(), .accusative, determiner: random.chance(0.6) ? .definite : .possessive)
            } else if roll < 9 {
                return "unter \(technical())"
            }
            return "innerhalb von \(quantity())"
        }

        // MARK: Noun phrases

        enum Determiner {
            case definite, indefinite, possessive, none
        }

        private mutating func phrase(_ noun: Noun, _ grammaticalCase: GrammaticalCase, determiner: Determiner, adjective: Bool = false) -> String {
            var determiner = determiner
            if noun.gender == .plural, determiner == .indefinite { determiner = .none }
            let article = Self.article(determiner, noun.gender, grammaticalCase)
            var words: [String] = []
            if !article.isEmpty { words.append(article) }
            if adjective {
                if random.chance(LongTail.adjectiveShare) {
                    words.append(LongTail.lists.others[LongTail.otherTable.sample(&random)])
                } else {
                    let stem = Vocabulary.adjectives[Vocabulary.adjectiveTable.sample(&random)]
                    words.append(stem + Self.ending(determiner, noun.gender, grammaticalCase))
                }
            }
            words.append(noun.word)
            return words.joined(separator: " ")
        }

        private static func article(_ determiner: Determiner, _ gender: Gender, _ grammaticalCase: GrammaticalCase) -> String {
            switch (determiner, grammaticalCase) {
            case (.none, _): return ""
            case (.definite, .nominative): return ["der", "die", "das", "die"][index(gender)]
            case (.definite, .accusative): return ["den", "die", "das", "die"][index(gender)]
            case (.definite, .dative): return ["dem", "der", "dem", "den"][index(gender)]
            case (.indefinite, .nominative): return ["ein", "eine", "ein", ""][index(gender)]
            case (.indefinite, .accusative): return ["einen", "eine", "ein", ""][index(gender)]
            case (.indefinite, .dative): return ["einem", "einer", "einem", ""][index(gender)]
            case (.possessive, .nominative): return ["Ihr", "Ihre", "Ihr", "Ihre"][index(gender)]
            case (.possessive, .accusative): return ["Ihren", "Ihre", "Ihr", "Ihre"][index(gender)]
            case (.possessive, .dative): return ["Ihrem", "Ihrer", "Ihrem", "Ihren"][index(gender)]
            }
        }

        /// Adjective endings: weak after der/die/das, mixed after ein/Ihr, strong without a determiner.
        private static func ending(_ determiner: Determiner, _ gender: Gender, _ grammaticalCase: GrammaticalCase) -> String {
            if grammaticalCase == .dative { return "en" }
            switch determiner {
            case .definite:
                if gender == .plural { return "en" }
                return grammaticalCase == .accusative && gender == .masculine ? "en" : "e"
            case .indefinite, .possessive:
                switch gender {
                case .masculine: return grammaticalCase == .nominative ? "er" : "en"
                case .feminine: return "e"
                case .neuter: return "es"
                case .plural: return "en"
                }
            case .none:
                return ["er", "e", "es", "e"][index(gender)]
            }
        }

        private static func index(_ gender: Gender) -> Int {
            switch gender {
            case .masculine: 0
            case .feminine: 1
            case .neuter: 2
            case .plural: 3
            }
        }

        // MARK: Words

        private mutating func noun() -> Noun {
            if !focus.isEmpty, random.chance(0.3) { return random.pick(focus) }
            return freshNoun()
        }

        /// A long-tail noun (`LongTail.nounShare`), a vocabulary noun, or now and then a compound of a modifier
        /// and a vocabulary noun.
        private mutating func freshNoun() -> Noun {
            if random.chance(LongTail.nounShare) { return LongTail.lists.nouns[LongTail.nounTable.sample(&random)] }
            guard random.chance(0.2) else { return Vocabulary.nouns[Vocabulary.nounTable.sample(&random)] }
            let modifier = Vocabulary.modifiers[Vocabulary.modifierTable.sample(&random)]
            let head = Vocabulary.heads[Vocabulary.headTable.sample(&random)]
            guard !head.word.hasPrefix(modifier) else { return head }
            return Noun(word: modifier + head.word.lowercased(), gender: head.gender)
        }

        private mutating func pluralish() -> String {
            random.pick(["Zugangsdaten", "Einstellungen", "Serverdaten", "Kontaktdaten", "Anleitungen", "Details"])
        }

        private mutating func verb() -> Verb { Vocabulary.verbs[Vocabulary.verbTable.sample(&random)] }

        private mutating func adverb() -> String {
            if random.chance(LongTail.adverbShare) { return LongTail.lists.others[LongTail.otherTable.sample(&random)] }
            return Vocabulary.adverbs[Vocabulary.adverbTable.sample(&random)]
        }

        private mutating func predicate() -> String { Vocabulary.predicates[Vocabulary.predicateTable.sample(&random)] }

        private func be(_ noun: Noun) -> String { noun.gender == .plural ? "sind" : "ist" }

        private func pluralFinite(_ verb: Verb) -> String { verb.formalParts.verb }

        private mutating func number() -> String {
            random.pick(["einmal", "zweimal", "einmal pro Monat", "alle 24 Stunden", "bis zu 3-mal", "nach 30 Tagen"])
        }

        private mutating func quantity() -> String {
            let (unit, range) = random.pick(Vocabulary.durations)
            return "\(range.lowerBound + random.below(range.count)) \(unit)"
        }

        private mutating func amount() -> String {
            let (unit, range) = random.pick(Vocabulary.amounts)
            let value = range.lowerBound + random.below(range.count)
            if random.chance(0.15) { return "\(value).\(100 + random.below(900)) \(unit)" }
            if random.chance(0.15) { return "\(value),\(1 + random.below(9)) \(unit)" }
            return "\(value) \(unit)"
        }

        private mutating func technical() -> String {
            switch random.below(5) {
            case 0: return "`\(random.pick(Vocabulary.paths))`"
            case 1: return "der Adresse \(random.pick(Vocabulary.hosts))"
            case 2: return "„\(noun().word)“ > „\(noun().word)“"
            default: return random.pick(Vocabulary.hosts)
            }
        }

        private func capitalized(_ text: String) -> String {
            guard let first = text.first else { return text }
            return first.uppercased() + text.dropFirst()
        }
    }
}
