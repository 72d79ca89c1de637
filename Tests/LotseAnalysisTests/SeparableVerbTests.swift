import Testing
@testable import LotseAnalysis

/// A particle closing a main clause rejoins its finite verb: "Die Mails kommen nicht an" asks about "ankommen".
@Suite struct SeparableVerbTests {
    /// The infinitives each word may form, keyed by the word as written.
    func candidates(_ text: String) -> [String: [String]] {
        let analyzer = germanAnalyzer()
        let words = analyzer.words(in: text)
        var text = text
        let found = text.withUTF8 { SeparableVerbs.candidates(in: words, text: $0) }
        var result: [String: [String]] = [:]
        for (word, infinitives) in found {
            result[text.utf8Slice(words[word].start, words[word].end), default: []] += infinitives
        }
        return result
    }

    @Test(arguments: [
        ("Die Mails kommen nicht an", "kommen", "ankommen"),
        ("Seit gestern kommt keine E-Mail mehr an.", "kommt", "ankommen"),
        ("ich melde mich an und es passiert nichts", "melde", "anmelden"),
        ("Ich richte gerade mein Postfach ein, aber es geht nicht", "richte", "einrichten"),
        ("wie stelle ich mein Backup wieder her?", "stelle", "wiederherstellen"),
        ("Die Seite lädt nicht hoch", "lädt", "hochladen"),
        ("Meldet euch bitte ab", "Meldet", "abmelden"),
        ("Wie setze ich mein Passwort zurück", "setze", "zurucksetzen"),
        ("Er änderte die Adresse ab", "änderte", "abandern"),
        ("wie lade ich die Rechnung runter", "lade", "herunterladen"),
        ("wie lade ich die Rechnung runter", "lade", "runterladen"),
        ("Ich hole die Mails aus dem Papierkorb raus", "hole", "herausholen"),
        ("Wie kommt der Kollege rein?", "kommt", "hereinkommen"),
        ("Ich stelle die Datei rüber", "stelle", "heruberstellen"),
    ])
    func rejoinsTheVerbOfAClosingParticle(_ text: String, _ verb: String, _ infinitive: String) {
        let found = candidates(text)
        #expect(found[verb]?.contains(infinitive) == true, "\(found)")
    }

    @Test(arguments: [
        "Ich schreibe an den Support",  // a preposition: the clause goes on
        "Die Mails kommen an einem anderen Tag",
        "Ich warte seit Tagen auf eine Antwort",
        "an",  // nothing before the particle
    ])
    func aParticleInsideTheClauseRejoinsNothing(_ text: String) {
        #expect(candidates(text).isEmpty, "\(candidates(text))")
    }

    @Test func theVerbMustStandInTheParticlesClause() {
        let found = candidates("Ich kündige den Vertrag. Die Mails kommen nicht an")
        #expect(found["kündige"] == nil && found["Vertrag"] == nil)
        #expect(found["kommen"] != nil)
    }

    @Test func aCapitalisedWordInsideTheClauseIsANounNotTheVerb() {
        #expect(candidates("Ich nehme das Angebot an")["Angebot"] == nil)
        #expect(candidates("ich nehme das angebot an")["angebot"] != nil, "lower case: the vocabulary decides")
    }

    @Test func aVerbTooFarBeforeItsParticleIsNotLookedAt() {
        let filler = Array(repeating: "lange", count: SeparableVerbs.window).joined(separator: " ")
        #expect(candidates("Die Mails kommen \(filler) an")["kommen"] == nil)
    }
}
