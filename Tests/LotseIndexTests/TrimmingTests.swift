import Foundation
import Testing
@testable import LotseIndex

/// Front matter trims its values without Foundation for ASCII text: the result must be Foundation's.
@Suite struct TrimmingTests {
    static let samples = [
        "", " ", "\t", " \t \n\r\u{0B}\u{0C} ", "---", "  ---\t", "- - -", " Passwort zurücksetzen ", "\u{00A0}Größe\u{00A0}",
        "\u{2003}Abo\u{3000}", "Konto & Anmeldung\r", "\nlang: de\n", "\u{85}Zeile\u{85}", " a b ", "x", "\t\u{0B}y\u{0C}\t",
    ]

    @Test(arguments: samples)
    func trimmingBlanksIsFoundationsTrimming(text: String) {
        #expect(text.trimmingBlanks() == text.trimmingCharacters(in: .whitespaces))
        #expect(text.trimmingBlanks(newlines: true) == text.trimmingCharacters(in: .whitespacesAndNewlines))
        #expect(text[...].trimmingBlanks() == text.trimmingCharacters(in: .whitespaces))
    }
}
