import Foundation
import LotseSemantic
import LotseTestSupport
import Testing

/// `UnigramTokenizer` (Swift) against libsentencepiece (C++), id for id, on what customers and authors write and on
/// hostile text: the Swift port replaced the library in the product, the library stays the yardstick here.
@Suite struct TokenizerDifferentialTests {
    /// Every article and judged query of the repository, cut into paragraphs, and the whole files.
    static func repositoryTexts() throws -> [String] {
        var texts: [String] = []
        let articles = ArticleWorkspace.repositoryArticles
        for name in try FileManager.default.contentsOfDirectory(atPath: articles) where name.hasSuffix(".md") {
            let text = try String(contentsOfFile: (articles as NSString).appendingPathComponent(name), encoding: .utf8)
            texts.append(text)
            texts += text.components(separatedBy: "\n\n")
        }
        let fixtures = (ArticleWorkspace.repositoryRoot as NSString).appendingPathComponent("Tests/LotseSearchTests/Fixtures")
        for name in try FileManager.default.contentsOfDirectory(atPath: fixtures) where name.hasSuffix("-queries.json") {
            let data = try Data(contentsOf: URL(fileURLWithPath: (fixtures as NSString).appendingPathComponent(name)))
            for case let query as [String: Any] in try JSONSerialization.jsonObject(with: data) as? [Any] ?? [] {
                texts += ["query", "subject", "description"].compactMap { query[$0] as? String }
            }
        }
        return texts
    }

    /// Seeded random strings over umlauts, whitespace of every kind, compatibility forms (ligatures, full-width,
    /// circled digits), combining marks, zero-width and bidi characters, emoji and flags, other scripts, control
    /// characters, NUL and the model's user-defined pieces.
    static func hostileTexts(count: Int) -> [String] {
        let alphabet = Array("aäoöuüßAÄÖÜ eE\t\n\r  \u{3000}\u{00A0}\u{2028}\u{0085}ﬁﬀ①Ⅻ½ｶﾞ가é\u{0301}\u{200B}\u{FEFF}\u{202E}😀🇩🇪中文"
            + "日本語АБВ،؟x9-_.,!?'\"\\/<>&%$§\u{0}\u{1}\u{7F}▁")
        var generator = SyntheticCorpus.SplitMix64(seed: 17)
        var texts = ["", " ", "   ", "\n\n", "\u{0}", "extra_token_id_1", "Hallo extra_token_id_2 Welt", "extra_token_id_3extra_token_id_1",
                     "▁▁ Hallo", "ＡＢＣ１２３", "Ⅸ ㍻ ㎏", "E-Mail-Adresse ändern", "Kuendigung bestaetigen", "aaaa aaaaa aaaaaa"]
        for _ in 0..<count {
            let length = Int.random(in: 0...60, using: &generator)
            texts.append(String((0..<length).map { _ in alphabet.randomElement(using: &generator)! }))
        }
        return texts
    }

    @Test func sameIdsAsLibSentencePiece() throws {
        guard let model = try SemanticTestModel.load() else { return }
        let library = try LibSentencePiece(modelPath: SemanticTestModel.directory + "/sp.model")
        #expect(model.tokenizer.pieceCount == library.pieceCount)
        let texts = try Self.repositoryTexts() + Self.hostileTexts(count: 3000) + ParityTests.reference.sentences.map(\.text)
        #expect(texts.count > 4000)
        var differing: [String] = []
        for text in texts where model.tokenizer.encode(text) != library.encode(text) { differing.append(text) }
        #expect(differing.isEmpty, "\(differing.count) of \(texts.count) differ: \(differing.prefix(3).map { String($0.prefix(80)) })")
    }
}
