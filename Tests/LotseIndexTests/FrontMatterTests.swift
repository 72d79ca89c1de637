import Foundation
import LotseAnalysis
import LotseIndex
import LotseTestSupport
import Testing

/// Markdown articles: front-matter fields, defaults, and where titles and headings end up.
@Suite struct FrontMatterTests {
    @Test func everyFrontMatterFieldIsParsed() throws {
        let article = try #require(parseArticle(ArticleFixtures.kundennummer, file: "articles/kundennummer-finden.md"))
        #expect(article.id == "kundennummer")
        #expect(article.title == "Kundennummer finden")
        #expect(article.category == "Konto & Anmeldung")
        #expect(article.tags == ["kundennummer", "kundenkonto", "vertragsnummer"])
        #expect(article.language == .de)
        #expect(article.url == "/hilfe/konto-anmeldung/kundennummer-finden")
        #expect(article.updated == "2025-06-30")
    }

    @Test(arguments: [("", false), ("ticket_only: false\n", false), ("ticket_only: true\n", true), ("ticket_only: TRUE\n", true)])
    func ticketOnlyIsAFlag(line: String, expected: Bool) throws {
        let text = "---\ntitle: Rückerstattung\n\(line)---\nGeld zurück per Anfrage.\n"
        #expect(try #require(parseArticle(text, file: "articles/rueckerstattung.md")).ticketOnly == expected)
    }

    @Test func ticketOnlyRefusesAnythingButTrueOrFalse() {
        let text = "---\ntitle: Rückerstattung\nticket_only: ja\n---\nGeld zurück per Anfrage.\n"
        let expected = ArticleParseError(file: "articles/rueckerstattung.md", line: 3,
                                         reason: "'ticket_only' must be true or false, not 'ja'")
        #expect(throws: expected) {
            try ArticleParser.parse(Data(text.utf8), file: "articles/rueckerstattung.md")
        }
    }

    @Test func tagsGivenAsCommaStringAreSplitAndTrimmed() throws {
        let article = try #require(parseArticle(ArticleFixtures.passwort, file: "articles/passwort-zuruecksetzen.md"))
        #expect(article.tags == ["passwort", "anmeldung", "zurücksetzen"])
    }

    @Test func missingFieldsGetDefaults() throws {
        let article = try #require(parseArticle(ArticleFixtures.passwort, file: "articles/passwort-zuruecksetzen.md"))
        #expect(article.language == .de)
        #expect(article.url == "/hilfe/konto-anmeldung/passwort-zuruecksetzen", "derived from category and file name")
        #expect(article.updated == nil)
        let bare = try #require(parseArticle(ArticleFixtures.postfach, file: "articles/postfach-einrichten.md"))
        #expect(bare.category == "Allgemein")
        #expect(bare.tags == [])
    }

    @Test(arguments: [
        ("lang: en", Language.en),
        ("lang: de", .de),
        ("lang: fr", .fr),
        ("lang: es", .es),
        ("lang: de-AT", .de),
        ("lang: EN", .en),
    ])
    func languageKeyIsParsed(line: String, expected: Language) throws {
        let text = ArticleFixtures.markdown(frontMatter: ["title: Sprache", line], body: "Ein kurzer Text.\n")
        let article = try #require(parseArticle(text, file: "articles/sprache.md"))
        #expect(article.language == expected)
    }

    @Test func titleFallsBackToFirstH1() throws {
        let article = try #require(parseArticle(ArticleFixtures.postfach, file: "articles/postfach-einrichten.md"))
        #expect(article.title == "Postfach einrichten")
        #expect(article.headings == ["Ausgangsserver"])
        #expect(!article.body.contains("Postfach einrichten"))
    }

    @Test func frontMatterTitleWinsOverH1() throws {
        let text = ArticleFixtures.markdown(
            frontMatter: ["category: Test"], body: "# Erste Überschrift\n\nText.\n\n# Zweite Überschrift\n\nMehr Text.\n")
        let fallback = try #require(parseArticle(text, file: "articles/a.md"))
        #expect(fallback.title == "Erste Überschrift")
        #expect(fallback.headings == ["Zweite Überschrift"])

        let titled = ArticleFixtures.markdown(frontMatter: ["title: Titel aus dem Kopf"], body: "# Titel aus dem Kopf\n\nText.\n")
        let article = try #require(parseArticle(titled, file: "articles/b.md"))
        #expect(article.title == "Titel aus dem Kopf")
        #expect(article.headings == [])
        #expect(article.body == "Text.")
    }

    @Test func headingsLandInHeadingsNotInTitleOrBody() throws {
        let article = try #require(parseArticle(ArticleFixtures.kundennummer, file: "articles/kundennummer-finden.md"))
        #expect(article.title == "Kundennummer finden")
        #expect(article.headings == ["Wo finde ich meine Kundennummer?", "Auf der Rechnung"])
        for heading in ["Kundennummer finden", "Wo finde ich", "Auf der Rechnung"] {
            #expect(!article.body.contains(heading), "body contains the heading '\(heading)'")
        }
        #expect(article.body.hasPrefix("Ihre Kundennummer steht oben rechts auf jeder Rechnung."))
        #expect(article.body.hasSuffix("Neben dem Rechnungsdatum."))
    }

    /// An H1 that differs from the front-matter title is article text too: it must stay searchable.
    @Test func h1DifferentFromFrontMatterTitleIsKeptAsHeading() throws {
        let text = ArticleFixtures.markdown(
            frontMatter: ["title: Kundennummer finden"], body: "# Wo steht die Kundennummer?\n\nAuf der Rechnung.\n")
        let article = try #require(parseArticle(text, file: "articles/kundennummer.md"))
        #expect(article.title == "Kundennummer finden")
        #expect(article.headings == ["Wo steht die Kundennummer?"])
    }

    @Test(arguments: [
        ("articles/kundennummer-finden.md", "kundennummer-finden"),
        ("articles/konto/zwei-faktor.markdown", "zwei-faktor"),
        ("/tmp/x/Passwort_Reset.md", "Passwort_Reset"),
    ])
    func idDefaultsToFileName(file: String, expected: String) throws {
        let article = try #require(parseArticle(ArticleFixtures.passwort, file: file))
        #expect(article.id == expected)
    }

    @Test func explicitIDWinsOverFileName() throws {
        let text = ArticleFixtures.simple(title: "Konto", text: "Text.", id: "eigene-id")
        let article = try #require(parseArticle(text, file: "articles/dateiname.md"))
        #expect(article.id == "eigene-id")
    }

    @Test func explicitIDIsUsedInTheIndex() throws {
        let workspace = try ArticleWorkspace(files: [
            "dateiname.md": ArticleFixtures.simple(title: "Konto", text: "Kontodaten ändern.", id: "eigene-id"),
            "zweite-datei.md": ArticleFixtures.simple(title: "Zweites", text: "Noch ein Text."),
        ])
        try workspace.build()
        let index = try workspace.inspector()
        #expect(try index.ids() == ["eigene-id", "zweite-datei"])
        #expect(try index.value(.path, of: "eigene-id") == "dateiname.md")
        #expect(try index.ids(matchingWord: "Kontodaten") == ["eigene-id"])
    }

    @Test func byteOrderMarkAndCRLFAreAccepted() throws {
        let text = "\u{FEFF}---\r\ntitle: Mit BOM\r\ncategory: Test\r\n---\r\n\r\nZeile eins.\r\n"
        let article = try #require(parseArticle(text, file: "articles/bom.md"))
        #expect(article.title == "Mit BOM")
        #expect(article.category == "Test")
        #expect(article.body == "Zeile eins.")
    }

    @Test func storedColumnsHoldTheParsedFields() throws {
        let workspace = try ArticleWorkspace(files: ArticleFixtures.markdownSet)
        try workspace.build()
        let index = try workspace.inspector()
        #expect(try index.value(.title, of: "kundennummer") == "Kundennummer finden")
        #expect(try index.value(.headings, of: "kundennummer") == "Wo finde ich meine Kundennummer?\nAuf der Rechnung")
        #expect(try index.value(.tags, of: "kundennummer") == "kundennummer, kundenkonto, vertragsnummer")
        #expect(try index.value(.category, of: "kundennummer") == "Konto & Anmeldung")
        #expect(try index.value(.lang, of: "kundennummer") == "de")
        #expect(try index.value(.url, of: "kundennummer") == "/hilfe/konto-anmeldung/kundennummer-finden")
        #expect(try index.value(.updated, of: "kundennummer") == "2025-06-30")
        #expect(try index.value(.url, of: "postfach-einrichten") == "/hilfe/allgemein/postfach-einrichten")
    }
}
