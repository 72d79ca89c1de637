@testable import LotseIndex
import LotseAnalysis
import Testing

/// How a learning build reads customer text: pieces between whitespace, byte by byte, and a memo keyed by their bytes.
@Suite("Piece reading")
struct PieceReadingTests {
    private static func pieces(_ text: String) -> [String] {
        var pieces: [String] = []
        PrivacyFilter.forEachPiece(in: text) { pieces.append(String(decoding: $0, as: UTF8.self)) }
        return pieces
    }

    @Test("pieces are split at any Unicode whitespace; a piece with a digit, @, a slash or a letter after a dot is dropped", arguments: [
        ("Drucker  druckt\tnicht\n", ["Drucker", "druckt", "nicht"]),
        ("Größe\u{00A0}ändern\u{2003}bitte", ["Größe", "ändern", "bitte"]),
        ("Kunde K-4711 mail max.mustermann@example.de www.x.de a/b Ende.", ["Kunde", "mail", "Ende."]),
        ("Rechnung \u{0663}\u{0664} Zahl Ⅻ fertig", ["Rechnung", "Zahl", "fertig"]),
        ("Übersicht.Öffnen z. B. 😀 ok", ["z.", "B.", "😀", "ok"]),
        ("", []),
    ])
    func pieces(text: String, expected: [String]) {
        #expect(Self.pieces(text) == expected)
    }

    @Test("the memo returns what was stored for exactly those bytes, also after it grew")
    func memo() {
        var memo = PieceMemo<Int32>()
        let words = (0..<10_000).map { "wort\($0)ä" } + ["", "a", "ab"]
        func bytes<T>(_ word: String, _ body: (UnsafeBufferPointer<UInt8>) -> T) -> T {
            var word = word
            return word.withUTF8 { body($0) }
        }
        for (number, word) in words.enumerated() where number % 2 == 0 {
            bytes(word) { memo.insert($0, [Int32(number), -Int32(number)]) }
        }
        #expect(memo.count == (words.count + 1) / 2)
        for (number, word) in words.enumerated() {
            let stored = bytes(word) { memo.values(of: $0).map(Array.init) }
            #expect(stored == (number % 2 == 0 ? [Int32(number), -Int32(number)] : nil), "\(word)")
        }
        memo.removeAll()
        #expect(bytes("wort0ä") { memo.values(of: $0) } == nil)
    }

    @Test("a reader numbers each typed form and folded word once, whether a piece came from the memo or not")
    func reader() {
        let reader = CustomerWordReader(language: .de)
        var read: [(String, String)] = []
        for text in ["Drucker druckt Seiten, DRUCKER!", "drucker Größe", "Grösse 4711 drucker"] {
            reader.read(text) { read.append((reader.forms[Int($0.form)].typed, reader.folded[Int($0.word)])) }
        }
        #expect(read.map(\.0) == ["drucker", "druckt", "seiten", "drucker", "drucker", "größe", "grösse", "drucker"])
        #expect(Set(read.map(\.1)).count == 4)
        #expect(reader.forms.count == 5)
    }
}
