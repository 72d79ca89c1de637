import LotseIndex
import Testing

/// Customer text as an operator sees it in the content-gap examples.
@Suite("Personal data mask")
struct PersonalDataMaskTests {
    @Test("e-mail addresses, URLs, numbers, names and passwords a draft introduces become ***; the rest stays", arguments: [
        ("Rechnung für Kundennummer K-4711 stornieren", "Rechnung für Kundennummer *** stornieren"),
        ("Mail an max.mustermann@example.de, danke", "Mail an ***, danke"),
        ("siehe https://www.beispiel.de/konto und www.beispiel.de", "siehe *** und ***"),
        ("Rückruf an +49 (30) 1234-567 bitte", "Rückruf an *** bitte"),
        ("Ticket LT-000042 von Herrn Meier.", "Ticket *** von Herrn ***."),
        ("Frau Dr. Schmidt ruft an", "Frau Dr. *** ruft an"),
        ("Herr über die Rechnung", "Herr über die Rechnung"),
        ("Rechnung.pdf fehlt", "*** fehlt"),
        ("  Passwort\n\tvergessen  ", "Passwort vergessen"),
        ("mein Passwort ist Sonnenblume, bitte prüfen", "mein Passwort ist ***, bitte prüfen"),
        ("Mein Name ist Jana Kowalczyk und ich", "Mein Name ist *** und ich"),
        ("frau koch aus der buchhaltung", "frau *** der buchhaltung"),
    ])
    func masked(_ text: String, _ expected: String) {
        #expect(PersonalDataMask.masked(text) == expected)
    }

    @Test("cut to the maximum, with an ellipsis")
    func cut() {
        let masked = PersonalDataMask.masked(String(repeating: "Domain umziehen ", count: 30), maximumCharacters: 50)
        #expect(masked.count == 50 && masked.hasSuffix("…") && masked.hasPrefix("Domain umziehen Domain"))
    }
}
