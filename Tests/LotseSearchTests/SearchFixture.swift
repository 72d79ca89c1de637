import Foundation
import LotseIndex
import LotseTestSupport
import Synchronization
@testable import LotseSearch

/// A small help center built into a temporary index, shared by the search tests.
struct SearchFixture {
    let workspace: ArticleWorkspace
    let engine: SearchEngine

    static let articles: [String: String] = [
        "passwort-zuruecksetzen.md": """
        ---
        title: Passwort zurücksetzen
        category: Konto & Anmeldung
        tags: [passwort, kennwort]
        ---
        # Passwort zurücksetzen
        Sie haben Ihr Passwort vergessen? Fordern Sie im Kundencenter einen Link an. Der Link ist 60 Minuten gültig.
        Wählen Sie danach ein neues Kennwort mit mindestens zwölf Zeichen.
        """,
        "kundennummer-finden.md": """
        ---
        title: Kundennummer finden
        category: Konto & Anmeldung
        ---
        # Kundennummer finden
        Ihre Kundennummer steht oben rechts auf jeder Rechnung und im Kundencenter unter Konto.
        Geben Sie die Kundennummer bei jedem Anruf an. Die Nummer hat sieben Ziffern; jeder Kunde hat genau eine Nummer,
        auch Kunden mit mehreren Verträgen. Kunden finden sie auch in jeder E-Mail.
        """,
        "rechnungsadresse-aendern.md": """
        ---
        title: Rechnungsadresse ändern
        category: Rechnungen & Zahlungen
        tags: [rechnung, adresse]
        ---
        # Rechnungsadresse ändern
        Die Rechnungsadresse ändern Sie unter Rechnungen → Rechnungsdaten. Neue Rechnungen tragen die neue Anschrift.
        Code-Beispiel für Entwickler: `<script>alert("x")</script>` wird nie ausgeführt & bleibt Text.
        """,
        "e-mail-adresse-aendern.md": """
        ---
        title: E-Mail-Adresse des Kontos ändern
        category: Konto & Anmeldung
        ---
        # E-Mail-Adresse des Kontos ändern
        Die E-Mail-Adresse für die Anmeldung ändern Sie im Profil. Wir senden eine Bestätigung an die neue Adresse.
        """,
        "vertrag-kuendigen.md": """
        ---
        title: Vertrag kündigen
        category: Rechnungen & Zahlungen
        ---
        # Vertrag kündigen
        Die Kündigung eines Vertrags ist zum Ende der Laufzeit möglich. Die Kündigungsfrist beträgt einen Monat.
        """,
        "spamfilter.md": """
        ---
        title: Spamfilter einstellen
        category: E-Mail
        ---
        # Spamfilter einstellen
        Der Spamfilter prüft eingehende Nachrichten. Unerwünschte Werbung landet im Ordner Spam.
        """,
        "en-reset-password.md": """
        ---
        title: Resetting your password
        category: Konto & Anmeldung
        lang: en
        ---
        # Resetting your password
        Forgot your password? Request a reset link in the customer center. The link expires after 60 minutes.
        """,
    ]

    init() throws {
        workspace = try ArticleWorkspace(files: Self.articles)
        try workspace.build()
        engine = try workspace.engine(connections: 2)
    }

    func ids(_ query: String, options: SearchOptions = SearchOptions()) async throws -> [String] {
        try await engine.search(query, options: options).map(\.id)
    }
}

extension SearchFixture {
    private static let cache = Mutex<SearchFixture?>(nil)

    /// One fixture for all tests of the process: building an index per test would dominate the run time.
    static func shared() throws -> SearchFixture {
        try cache.withLock { cached in
            if let cached { return cached }
            let fixture = try SearchFixture()
            cached = fixture
            return fixture
        }
    }
}
