import Testing
@testable import LotseAnalysis

/// Hyphenated compounds: the words, plus joined forms colocated at the word where the join starts.
@Suite struct HyphenTests {
    @Test func emailAddressTokens() {
        let tokens = germanAnalyzer().tokens("E-Mail-Adresse", mode: .document)
        assertTokens(tokens, [
            word("e", 0, 0, 1),
            colocated("email", 0, 0, 1),
            colocated("emailadresse", 0, 0, 1),
            colocated("emailadress", 0, 0, 1),
            word("mail", 1, 2, 6),
            colocated("mailadresse", 1, 2, 6),
            colocated("mailadress", 1, 2, 6),
            word("adresse", 2, 7, 14),
            colocated("adress", 2, 7, 14),
        ])
    }

    /// (text, joined term, position and byte range of the word it is colocated with).
    @Test(arguments: [
        ("E-Mail-Adresse", "email", 0, 0, 1),
        ("E-Mail-Adresse", "emailadresse", 0, 0, 1),
        ("E-Mail-Adresse", "mailadresse", 1, 2, 6),
        ("Zwei-Faktor-Authentifizierung", "zweifaktor", 0, 0, 4),
        ("Zwei-Faktor-Authentifizierung", "zweifaktorauthentifizierung", 0, 0, 4),
        ("Zwei-Faktor-Authentifizierung", "zweifaktorauthentifizier", 0, 0, 4),
        ("Zwei-Faktor-Authentifizierung", "faktorauthentifizierung", 1, 5, 11),
        ("WLAN-Router", "wlanrouter", 0, 0, 4),
        ("WLAN-Router", "wlanrout", 0, 0, 4),
        ("Neuer WLAN-Router", "wlanrouter", 1, 6, 10),
        ("E\u{2011}Mail", "email", 0, 0, 1),             // U+2011 non-breaking hyphen
        ("E\u{2011}Mail\u{2011}Adresse", "mailadresse", 1, 4, 8),
        ("E\u{2010}Mail", "email", 0, 0, 1),             // U+2010 hyphen
        ("Kunden-Nummer", "kundennummer", 0, 0, 6),
        ("Login-Daten", "logindaten", 0, 0, 5),
        ("Größen-Tabelle", "grossentabelle", 0, 0, 8),
        ("Online-Banking", "onlinebanking", 0, 0, 6),
        ("SMS-TAN", "smstan", 0, 0, 3),
        ("ＡＢＣ-Test", "abctest", 0, 0, 9),
        ("mail-01.lindenhost.de", "mail01", 0, 0, 4),
        ("de-12-srv-0042", "de12srv0042", 0, 0, 2),
        ("de-12-srv-0042", "srv0042", 2, 6, 9),
    ])
    func joinedFormIsColocated(_ text: String, _ joined: String, _ position: Int, _ start: Int, _ end: Int) {
        let tokens = germanAnalyzer().tokens(text, mode: .document)
        #expect(hasColocated(tokens, joined, position: position, start: start, end: end), "\(tokens)")
    }

    /// A hyphen with spaces is a dash, not a compound; two hyphens or a slash do not join either.
    @Test(arguments: [
        ("Mail - Adresse", "mailadresse"),
        ("Mail -Adresse", "mailadresse"),
        ("Mail- Adresse", "mailadresse"),
        ("Mail – Adresse", "mailadresse"),
        ("Mail--Adresse", "mailadresse"),
        ("Mail/Adresse", "mailadresse"),
        ("E - Mail", "email"),
        ("Kunden - Nummer", "kundennummer"),
    ])
    func spacedHyphenDoesNotJoin(_ text: String, _ joined: String) {
        let tokens = germanAnalyzer(dictionary: [:]).tokens(text, mode: .document)
        #expect(!tokens.contains { $0.term == joined }, "\(tokens)")
        #expect(tokens.filter { !$0.colocated }.count == 2)
    }

    /// Runs longer than five words are joined in windows of at most five words (consonants only: no stems).
    @Test func longRunsAreJoinedInWindows() {
        let tokens = germanAnalyzer(dictionary: [:]).tokens("b-c-d-f-g-h-k", mode: .document)
        let joinsAt = { (position: Int) in tokens.filter { $0.colocated && $0.position == position }.map(\.term) }
        #expect(joinsAt(0) == ["bc", "bcd", "bcdf", "bcdfg"])
        #expect(joinsAt(2) == ["df", "dfg", "dfgh", "dfghk"])
        #expect(joinsAt(5) == ["hk"])
        #expect(joinsAt(6) == [])
    }

    @Test(arguments: [
        ("E-Mail", [false, true]),
        ("E\u{2011}Mail", [false, true]),
        ("Mail - Adresse", [false, false]),
        ("E-Mail-Adresse ändern", [false, true, true, false]),
        ("imap.lindenhost.de-Server", [false, false, false, true]),
    ])
    func wordsKnowWhetherAHyphenJoinsThemToThePrevious(_ text: String, _ joined: [Bool]) {
        #expect(germanAnalyzer().words(in: text).map(\.joinedToPrevious) == joined)
    }
}
