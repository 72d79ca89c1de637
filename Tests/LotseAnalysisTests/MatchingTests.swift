import Testing
@testable import LotseAnalysis

/// The reason for the analyzer: a query finds a document when each of its non-stop-words has its stem
/// among the document's terms (folded words, stems, compound parts, hyphen joins).
@Suite struct MatchingTests {
    @Test(arguments: [
        ("Emailadresse", "E-Mail-Adresse"),
        ("E Mail Adresse", "E-Mail-Adresse"),
        ("Mailadresse", "E-Mail-Adresse"),
        ("E-Mail-Adresse", "E-Mail-Adresse"),
        ("Email", "E-Mail-Adresse"),
        ("E-Mail-Adressen", "E-Mail-Adresse"),
        ("Kunden Nummer", "Kundennummer"),
        ("Nummer", "Kundennummer"),
        ("Kunden-Nummer", "Kundennummer"),
        ("die Kundennummer", "Kundennummer"),
        ("Kuendigung", "Kündigung"),
        ("Kundigung", "Kündigung"),
        ("Kündigung", "Kuendigung"),
        ("Kündigungen", "Kündigung"),
        ("Rechnungen", "Rechnung"),
        ("Adresse", "Rechnungsadresse"),
        ("Rechnung Adresse", "Rechnungsadresse"),
        ("Groesse", "Größe"),
        ("Strasse", "Straße"),
        ("Passwort", "Passwortänderung"),
        ("Änderung", "Passwortänderung"),
        ("Kennwörter", "Kennwort"),
        ("WLAN Router", "WLAN-Router"),
        ("Wlanrouter", "WLAN-Router"),
        ("Zwei Faktor Authentifizierung", "Zwei-Faktor-Authentifizierung"),
        ("Zweifaktorauthentifizierung", "Zwei-Faktor-Authentifizierung"),
        ("Daten", "Datenbank"),
        ("Bank", "Datenbank"),
        ("lindenhost", "Server imap.lindenhost.de"),
        ("IMAP Server", "Server imap.lindenhost.de"),
        ("lindenhost", "Schreiben Sie an support@lindenhost.de"),
        ("Support", "Schreiben Sie an support@lindenhost.de"),
    ])
    func queryFindsDocument(_ query: String, _ document: String) {
        #expect(queryMatches(query, document: document, analyzer: germanAnalyzer()))
    }

    @Test(arguments: [
        ("Emailadresse", "Mail - Adresse"),
        ("Mailadresse", "Mail Adresse"),
        ("Passwort", "Kundennummer"),
        ("Wort", "Passwort"),
        ("Pass", "Passwort"),
        ("Kundennummer Rechnung", "Kundennummer"),
        ("Steuer", "Stuer"),
        ("Passwort ändern", "Passwort vergessen"),
        ("Adresse aendern", "Adresse anzeigen"),
    ])
    func queryDoesNotFindDocument(_ query: String, _ document: String) {
        #expect(!queryMatches(query, document: document, analyzer: germanAnalyzer()))
    }

    /// Compound parts come from the dictionary: without it "Nummer" does not find "Kundennummer".
    @Test(arguments: [("Nummer", "Kundennummer"), ("Kunden Nummer", "Kundennummer"), ("Adresse", "Rechnungsadresse")])
    func compoundMatchesNeedTheDictionary(_ query: String, _ document: String) {
        #expect(!queryMatches(query, document: document, analyzer: germanAnalyzer(dictionary: [:])))
        #expect(queryMatches(query, document: document, analyzer: germanAnalyzer()))
    }
}
