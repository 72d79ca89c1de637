import Testing

@testable import LotseServer

@Suite("CSV cells")
struct CSVBodyTests {
    @Test("text is quoted with quotes doubled; a leading = + - @, tab, CR or LF gets a ' so no spreadsheet runs it")
    func cells() {
        #expect(CSVBody.quoted("Rechnung, März") == #""Rechnung, März""#)
        #expect(CSVBody.quoted(#"Sie sagte "Hallo""#) == #""Sie sagte ""Hallo""""#)
        #expect(CSVBody.quoted("Zeile 1\r\nZeile 2") == "\"Zeile 1\r\nZeile 2\"")
        for formula in ["=HYPERLINK(\"http://x\")", "+49 30 1234", "-2+3", "@SUM(A1)"] {
            #expect(CSVBody.quoted(formula).hasPrefix("\"'\(formula.prefix(1))"), "\(formula)")
        }
        // OWASP's list also has a leading tab and carriage return (ticket fields allow both): a spreadsheet drops them and
        // reads what follows.
        for formula in ["\t=cmd|' /C calc'!A0", "\r=1+1", "\n@SUM(A1)"] {
            #expect(CSVBody.quoted(formula).hasPrefix("\"'\(formula.prefix(1))"), "\(formula.debugDescription)")
        }
        #expect(CSVBody.quoted("Passwort =") == #""Passwort =""#)
        #expect(CSVBody.format(.number(42)) == "42" && CSVBody.format(.decimal(0.25)) == "0.25" && CSVBody.format(.decimal(nil)) == "")
    }
}
