import Testing
@testable import LotseIndex

@Suite struct DraftCleanerTests {
    @Test(arguments: [
        ("Hallo Support-Team,\nmein Postfach ist voll.", "mein Postfach ist voll."),
        ("Sehr geehrte Damen und Herren, die Rechnung fehlt.", "die Rechnung fehlt."),
        ("Das Zertifikat ist abgelaufen.\nViele Grüße\nMax Müller\nKundennummer K-1234567", "Das Zertifikat ist abgelaufen."),
        ("Domain umziehen\n\nMit freundlichen Grüßen\nFirma GmbH", "Domain umziehen\n"),
        ("Geht wieder nicht.\n> Am Montag schrieben Sie:\n> Bitte Cache leeren", "Geht wieder nicht."),
        ("Login klappt nicht\n-----Original-Nachricht-----\nVon: support@lindenhost.de", "Login klappt nicht"),
        ("Hallo, hallo? Niemand da?", "hallo? Niemand da?"),
        ("Hallöchen Welt", "Hallöchen Welt"),
        ("Login mit m.keller@neuefirma.de geht nicht", "Login mit geht nicht"),
        ("Seite https://shop.example.de/kasse zeigt 500", "Seite zeigt 500"),
        // A browser form's CRLF line ends: the signature is cut as with "\n".
        ("Hallo,\r\ndas Zertifikat ist abgelaufen.\r\nViele Grüße\r\nFrank Weber", "das Zertifikat ist abgelaufen."),
    ])
    func stripsGreetingsSignaturesAndQuotes(draft: String, expected: String) {
        #expect(DraftCleaner.clean(draft) == expected)
        #expect(DraftCleaner.clean(draft, cutsInlineSignOff: true) == expected, "none of these ends a line with a sign-off")
    }

    @Test("for learning, a line's last sentence that is a sign-off with a name is cut; a line of content never", arguments: [
        ("Port 21 geht bei ihm nicht. VG Claudia Herrmann", "Port 21 geht bei ihm nicht."),
        ("Kann ich das ändern? Danke, Andrea Schulte", "Kann ich das ändern?"),
        ("Gehen die Mails an die Kollegin?\nDanke & LG Jana", "Gehen die Mails an die Kollegin?"),
        ("Danke für nichts, die Rechnung ist doppelt", "Danke für nichts, die Rechnung ist doppelt"),
        ("Erledigt. Danke, aber jetzt geht die Mail an Kunden nie raus", "Erledigt. Danke, aber jetzt geht die Mail an Kunden nie raus"),
    ])
    func cutsInlineSignOffForLearning(draft: String, expected: String) {
        #expect(DraftCleaner.clean(draft, cutsInlineSignOff: true) == expected)
        #expect(DraftCleaner.clean(draft) == draft, "the search keeps the line")
    }

    @Test("multi-byte letters before a sentence's end, emoji, decomposed umlauts and no-break spaces", arguments: [
        ("Die Größe passt nicht. VG Max Müller", "Die Größe passt nicht."),
        ("Frage zu Straße! Grüße Jana", "Frage zu Straße!"),
        ("Æ. VG Max", "Æ."),
        ("Geht nicht 🙂. Danke, Jana", "Geht nicht 🙂."),
        ("Frage. Gru\u{308}ße Jana", "Frage."),
        ("Hallo,\u{00A0}die Rechnung fehlt", "die Rechnung fehlt"),
        ("Login mit m@x.de geht nicht. VG Max", "Login mit geht nicht."),
    ])
    func cleansBeyondASCII(draft: String, expected: String) {
        #expect(DraftCleaner.clean(draft, cutsInlineSignOff: true) == expected)
    }

    /// Lines of markers in three cases after and before other text, with Latin-1's letters, spaces and symbols.
    private static let latin1Lines: [String] = {
        let markers = DraftCleaner.greetings + DraftCleaner.inlineSignOffs + DraftCleaner.quoteMarkers
            + ["am 3. mai schrieb:", ">", "www.x"]
        let before = ["", "Text geht nicht. ", "Größe! ", "ÄRGER? ", " \t\u{00A0}"]
        let after = ["", ",", " ", "!", "x", " Max Müller", ", die Rechnung fehlt", " Ömer, Straße × 2", "\u{00A0}Jürgen µ", "ß\r",
                     " a@b.de Jana", " und noch sehr viele weitere Worte"]
        return markers.flatMap { marker in
            [marker, marker.prefix(1).uppercased() + marker.dropFirst(), marker.uppercased()].flatMap { cased in
                before.flatMap { prefix in after.map { prefix + cased + $0 } }
            }
        }
    }()

    @Test("a line of Latin-1 scalars is cleaned byte by byte as by Characters")
    func latin1LinesAsCharacters() {
        for line in Self.latin1Lines {
            for (cuts, isFirst) in [(false, false), (true, false), (true, true)] {
                var utf8 = line
                let byBytes = utf8.withUTF8 { DraftCleaner.cleanLatin1($0, cutsInlineSignOff: cuts, isFirst: isFirst) }
                #expect(byBytes != nil, "\(line.debugDescription) is Latin-1")
                let byCharacters = DraftCleaner.cleanCharacters(line, cutsInlineSignOff: cuts, isFirst: isFirst)
                #expect(byBytes == byCharacters, "\(line.debugDescription)")
            }
        }
    }

    @Test("a line with a scalar above U+00FF is cleaned by Characters", arguments: ["Grüße 🙂", "Gru\u{308}ße", "Łukasz", "ẞ"])
    func otherLinesByCharacters(line: String) {
        var utf8 = line
        #expect(utf8.withUTF8 { DraftCleaner.cleanLatin1($0, cutsInlineSignOff: true, isFirst: true) } == nil)
    }
}
