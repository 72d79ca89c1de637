import Testing
import LotseIndex

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
}
