import Testing
@testable import LotseSearch

@Suite struct SearchModeTests {
    @Test(arguments: [
        ("Passwort vergessen", "passwort-zuruecksetzen"),
        ("Kennwort", "passwort-zuruecksetzen"),                 // synonym and tag
        ("Kundennummer", "kundennummer-finden"),
        ("Kunden Nummer", "kundennummer-finden"),               // compound written apart
        ("Nummer", "kundennummer-finden"),                      // compound part
        ("Emailadresse ändern", "e-mail-adresse-aendern"),      // hyphenated compound written together
        ("Mailadresse", "e-mail-adresse-aendern"),
        ("E Mail Adresse", "e-mail-adresse-aendern"),
        ("Kuendigung", "vertrag-kuendigen"),                    // umlaut as ue
        ("Kundigung", "vertrag-kuendigen"),                     // umlaut dropped
        ("Rechnungs Adresse", "rechnungsadresse-aendern"),
        ("reset password", "en-reset-password"),                // English article, English stemmer
        ("Abo beenden", "vertrag-kuendigen"),                   // multi-word synonym, typed last
        ("Vertrag beenden", "vertrag-kuendigen"),
    ])
    func shortQueriesFindTheirArticle(query: String, expected: String) async throws {
        #expect(try await SearchFixture.shared().ids(query).first == expected)
    }

    @Test(arguments: [
        ("Passw", "passwort-zuruecksetzen"),
        ("Kundennum", "kundennummer-finden"),
        ("Rechnungsadresse ä", "rechnungsadresse-aendern"),
        ("Vertrag kündi", "vertrag-kuendigen"),
        ("Spamfil", "spamfilter"),
    ])
    func unfinishedLastWordMatchesAsPrefix(typed: String, expected: String) async throws {
        #expect(try await SearchFixture.shared().ids(typed).first == expected)
    }

    /// One or two letters after other words are not searched yet (their completions are mostly stop words and
    /// the longest postings); on their own they still complete.
    @Test func aLetterOrTwoAfterOtherWordsWaitsForMore() async throws {
        let engine = try SearchFixture.shared().engine
        let finished = try await engine.search("Vertrag kündigen ", options: SearchOptions(minimumScore: 0))
        #expect(!finished.isEmpty)
        #expect(try await engine.search("Vertrag kündigen d", options: SearchOptions(minimumScore: 0)) == finished)
        #expect(try await engine.search("Vertrag kündigen di", options: SearchOptions(minimumScore: 0)) == finished)
        #expect(try await engine.search("Vertrag kündigen die", options: SearchOptions(minimumScore: 0)) != finished)
        #expect(try await SearchFixture.shared().ids("Sp").first == "spamfilter")
    }

    @Test func finishedWordIsNotAPrefix() async throws {
        // "Spam " (with a space) is a whole word: it must not match "Spamfilter" through a prefix.
        let fixture = try SearchFixture.shared()
        #expect(try await fixture.ids("Spam ").first == "spamfilter")  // found through the word "Spam" in the body
        #expect(try await fixture.ids("Xylophon ").isEmpty)
    }

    @Test(arguments: [
        ("Pasword vergesen", "passwort-zuruecksetzen"),
        ("Kundenummer", "kundennummer-finden"),
        ("Spamfliter", "spamfilter"),
        ("Rechnungsadrese", "rechnungsadresse-aendern"),
    ])
    func typosAreCorrectedFromTheVocabulary(query: String, expected: String) async throws {
        #expect(try await SearchFixture.shared().ids(query).first == expected)
    }

    @Test func shortQueriesPreferArticlesMatchingEveryWord() async throws {
        // Both words only meet in the password article; "Link" alone would also match nothing else.
        let results = try await SearchFixture.shared().engine.search("Kennwort Link")
        #expect(results.first?.id == "passwort-zuruecksetzen")
    }

    @Test func draftRanksTheArticleMatchingTheWholeProblem() async throws {
        let results = try await SearchFixture.shared().engine.suggest(
            subject: "Neue Anschrift auf der Rechnung",
            description: """
            Hallo Support-Team,
            wir sind umgezogen. Wie ändere ich die Adresse, die auf unseren Rechnungen steht?
            Viele Grüße
            Erika Mustermann
            """)
        #expect(results.first?.id == "rechnungsadresse-aendern")
    }

    @Test func signaturesAndQuotedRepliesDoNotCount() async throws {
        let engine = try SearchFixture.shared().engine
        let draft = "Hallo,\nwie geht das?\nViele Grüße\nSpamfilter Mustermann\n> Kündigungsfrist"
        #expect(try await engine.suggest(subject: "Frage", description: draft).isEmpty)
        #expect(try await engine.suggest(subject: "Frage", description: "Spamfilter").first?.id == "spamfilter")
    }

    @Test func unanswerableQueriesReturnNothing() async throws {
        let fixture = try SearchFixture.shared()
        #expect(try await fixture.ids("Wie buche ich einen Flug nach Mallorca?").isEmpty)
        #expect(try await fixture.ids("Rezept für Apfelkuchen").isEmpty)
        #expect(
            try await fixture.engine.suggest(subject: "Urlaubsantrag", description: "Bitte genehmigen Sie meinen Urlaub im August.").isEmpty
        )
    }

    @Test func thresholdIsAnOption() async throws {
        let fixture = try SearchFixture.shared()
        let weak = "Ordner Werbung Mallorca Flug Hotel Strand"
        let strict = try await fixture.ids(weak, options: SearchOptions(minimumScore: 0.9))
        let lax = try await fixture.ids(weak, options: SearchOptions(minimumScore: 0))
        #expect(strict.isEmpty)
        #expect(lax.first == "spamfilter")
    }

    @Test func emptyAndStopWordOnlyQueriesReturnNothing() async throws {
        let fixture = try SearchFixture.shared()
        #expect(try await fixture.ids("").isEmpty)
        #expect(try await fixture.ids("   ").isEmpty)
        #expect(try await fixture.ids("und oder der die das ").isEmpty)
    }
}
