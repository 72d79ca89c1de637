import Testing
@testable import LotseAnalysis

/// NFKC case folding and diacritics removal: every spelling of a word folds to one term.
@Suite struct FoldingTests {
    /// Spellings a customer may type for one word (umlaut, ae/oe/ue, bare vowel, ß/ss, capitals) → the folded term.
    @Test(arguments: [
        (["Größe", "Groesse", "Grosse", "GRÖSSE", "grösse", "GROESSE"], "grosse"),
        (["Kündigung", "Kuendigung", "Kundigung", "KÜNDIGUNG", "KUENDIGUNG"], "kundigung"),
        (["ändern", "aendern", "andern", "Ändern", "AENDERN"], "andern"),
        (["Straße", "Strasse", "STRASSE", "Straẞe", "STRAẞE"], "strasse"),
        (["Rückerstattung", "Rueckerstattung", "Ruckerstattung"], "ruckerstattung"),
        (["Übersicht", "Uebersicht", "Ubersicht", "ÜBERSICHT"], "ubersicht"),
        (["Öffnungszeiten", "Oeffnungszeiten", "Offnungszeiten"], "offnungszeiten"),
        (["Gebühr", "Gebuehr", "Gebuhr"], "gebuhr"),
        (["Bestätigung", "Bestaetigung", "Bestatigung"], "bestatigung"),
        (["Löschen", "Loeschen", "loschen"], "loschen"),
        (["Schlüssel", "Schluessel", "Schlussel"], "schlussel"),
        (["Zurück", "Zurueck", "zuruck"], "zuruck"),
        (["Käufer", "Kaeufer", "Kaufer"], "kaufer"),
        (["Passwortänderung", "Passwortaenderung", "Passwortanderung"], "passwortanderung"),
        (["Größe", "Gro\u{308}ße", "Gro\u{308}sse"], "grosse"),
    ])
    func spellingsFoldAlike(_ spellings: [String], _ folded: String) {
        let analyzer = germanAnalyzer()
        for spelling in spellings {
            #expect(analyzer.fold(spelling) == folded, "\(spelling)")
        }
    }

    /// Unicode compatibility forms and diacritics.
    @Test(arguments: [
        ("ẞ", "ss"),
        ("ß", "ss"),
        ("ＡＢＣ", "abc"),
        ("Ｇｒöße", "grosse"),
        ("ﬁ", "fi"),
        ("Konﬁguration", "konfiguration"),
        ("Café", "cafe"),
        ("naïve", "naive"),
        ("Crème", "creme"),
        ("Ångström", "angstrom"),
        ("Ça", "ca"),
        ("İstanbul", "istanbul"),
        ("Pass\u{AD}wort", "passwort"),
        ("WLAN", "wlan"),
        ("3.5", "3.5"),
    ])
    func unicodeFolds(_ input: String, _ folded: String) {
        #expect(germanAnalyzer().fold(input) == folded)
    }

    @Test(arguments: ["", "'", "’"])
    func nothingWordLikeFoldsToNil(_ input: String) {
        #expect(germanAnalyzer().fold(input) == nil)
    }

    /// The analyzer folds the text's words exactly as `fold` folds a single word.
    @Test(arguments: ["Größe", "Kuendigung", "Straẞe", "ＡＢＣ", "Konﬁguration", "Café", "Aktuell", "Quelle"])
    func tokensCarryTheFoldedWord(_ input: String) throws {
        let analyzer = germanAnalyzer()
        let tokens = analyzer.tokens(input, mode: .positions)
        try #require(tokens.count == 1, "\(tokens)")
        assertToken(tokens[0], 0, try #require(analyzer.fold(input)), 0, input.utf8.count)
    }
}
