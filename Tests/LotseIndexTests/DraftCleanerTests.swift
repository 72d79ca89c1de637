import Foundation
import LotseTestSupport
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

    @Test("for learning, a signature without a sign-off (two to five short capitalised lines at the end) is cut", arguments: [
        ("Vertrag kündigen.\n\nJörg Zimmermann\nHauptstraße 12\n80331 München\n", "Vertrag kündigen."),
        ("Wie kündige ich?\nÖzlem Yılmaz\nAm Markt 3", "Wie kündige ich?"),
        // One short line, a list without a blank line or sentence end above it, or only short lines: content.
        ("Mein Server zeigt\nFehler 500", "Mein Server zeigt\nFehler 500"),
        ("Server antwortet nicht.\nFehler 500", "Server antwortet nicht.\nFehler 500"),
        ("Was geht nicht:\nWebmail Login\nFTP Upload", "Was geht nicht:\nWebmail Login\nFTP Upload"),
        ("Passwort Reset\nKonto Gesperrt", "Passwort Reset\nKonto Gesperrt"),
        ("Mails gehen nicht raus.\n\nSMTP Fehler\nPort 587\ngeht nicht", "Mails gehen nicht raus.\n\nSMTP Fehler\nPort 587\ngeht nicht"),
    ])
    func cutsAddressBlockForLearning(draft: String, expected: String) {
        #expect(DraftCleaner.clean(draft, cutsInlineSignOff: true) == expected)
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

    /// Lines of every marker (as typed, capitalised, upper case, with decomposed umlauts, with "ẞ") after and before
    /// other text: Latin-1 letters, spaces and symbols, and emoji (with ZWJ and skin tone), Cyrillic, CJK, NUL,
    /// combining marks and ZWJ after a space (a Character that trimming splits), wide and thin spaces, "Ÿ", "İ", the
    /// Kelvin sign. Every marker with every ending, after no text and after one of the others in turn.
    static let generatedLines: [String] = {
        let markers = DraftCleaner.greetings + DraftCleaner.inlineSignOffs + DraftCleaner.quoteMarkers
            + ["am 3. mai schrieb:", ">", "www.x", "a@b.de"]
        let before = ["Text geht nicht. ", "Größe! ", "ÄRGER? ", " \t\u{00A0}", "🙂 ", "Сайт не работает. ", "\u{3000}", "問題です。 ",
                      "Gru\u{308}ße. ", "\u{0}", " \u{200D}", "Frage? Danke. \u{301}"]
        let after = ["", ",", " ", "!", "x", " Max Müller", ", die Rechnung fehlt", " Ömer, Straße × 2", "\u{00A0}Jürgen µ", "ß\r",
                     " a@b.de Jana", " und noch sehr viele weitere Worte", " 👩‍💻 Jana", "👍🏽", "\u{301}, x", "\u{200D} Jana", " Ёлка",
                     ", 中文 問題", "\u{0}", " Ÿves\u{2009}K", " İnci", "\u{3000}Jana", " https://x.de/a Jana", "! WWW.X.DE 🙂 a@b",
                     " \u{301}x", ", \u{200D}Jana", " @\u{200D} x", " ://\u{301} x", ". \u{301}VG Max", "\u{2003}\r"]
        var lines: [String] = []
        for marker in markers {
            let cases = [marker, marker.prefix(1).uppercased() + marker.dropFirst(), marker.uppercased(),
                         marker.decomposedStringWithCanonicalMapping.capitalized, marker.replacingOccurrences(of: "ß", with: "ẞ")]
            for (number, cased) in Set(cases).sorted().enumerated() {
                for (offset, ending) in after.enumerated() {
                    lines += [cased + ending, before[(number + offset) % before.count] + cased + ending]
                }
            }
        }
        return lines
    }()

    @Test("every line is cleaned as by Swift's Characters: generated markers amid Latin-1 and other scripts")
    func generatedLinesAsByCharacters() {
        var differences = 0
        for line in Self.generatedLines {
            // Alone (a first line) and after a line of content.
            for text in [line, "Frage.\n" + line] {
                for cuts in [false, true] {
                    let expected = CharacterDraftCleaner.clean(text, cutsInlineSignOff: cuts)
                    let cleaned = DraftCleaner.clean(text, cutsInlineSignOff: cuts)
                    guard Array(cleaned.utf8) != Array(expected.utf8) else { continue }
                    differences += 1
                    guard differences <= 10 else { continue }
                    Issue.record("\(text.debugDescription), cuts \(cuts): \(cleaned.debugDescription), not \(expected.debugDescription)")
                }
            }
        }
        #expect(differences == 0, "of \(Self.generatedLines.count * 4) texts")
        #expect(Self.generatedLines.count > 10_000)
    }

    @Test("the judged sets' queries and drafts and the articles' lines are cleaned as by Characters")
    func judgedDraftsAndArticlesAsByCharacters() throws {
        let fixtures = ArticleWorkspace.repositoryRoot + "/Tests/LotseSearchTests/Fixtures"
        var texts: [String] = []
        for file in try FileManager.default.contentsOfDirectory(atPath: fixtures) where file.hasSuffix("-queries.json") {
            let data = try Data(contentsOf: URL(fileURLWithPath: fixtures + "/" + file))
            let entries = try JSONSerialization.jsonObject(with: data) as? [[String: Any]]
            for entry in entries ?? [] {
                let parts = ["query", "subject", "description"].compactMap { entry[$0] as? String }
                texts += parts + [parts.joined(separator: "\n")]
            }
        }
        let judged = texts.count
        for file in try FileManager.default.contentsOfDirectory(atPath: ArticleWorkspace.repositoryArticles) {
            let article = try String(contentsOfFile: ArticleWorkspace.repositoryArticles + "/" + file, encoding: .utf8)
            texts += article.split(separator: "\n").map(String.init)
        }
        #expect(judged > 500 && texts.count > judged + 1_000)
        for text in texts {
            for cuts in [false, true] {
                let cleaned = DraftCleaner.clean(text, cutsInlineSignOff: cuts)
                let expected = CharacterDraftCleaner.clean(text, cutsInlineSignOff: cuts)
                #expect(Array(cleaned.utf8) == Array(expected.utf8), "\(text.debugDescription), cuts \(cuts)")
            }
        }
    }

    @Test("no Character but themselves is canonically equivalent to the punctuation and space the rules compare units with")
    func punctuationHasNoEquivalents() {
        let compared = Set<Character>([" ", ",", "!", ".", "?", ">", "@", ":", "/"])
        let equivalent = (0x80...0x10FFFF).compactMap(Unicode.Scalar.init).filter { compared.contains(Character($0)) }
        #expect(equivalent.isEmpty)
        #expect(compared.contains(Character("\u{37E}")) == false && Character("\u{37E}") == ";", "the Greek question mark is a semicolon")
    }
}
