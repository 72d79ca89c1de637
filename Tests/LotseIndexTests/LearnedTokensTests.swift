@testable import LotseIndex
import LotseAnalysis
import Testing

/// The learned column analysed word by word (`LearnedTokens`) gives exactly the tokens of the whole column.
@Suite("Learned tokens")
struct LearnedTokensTests {
    private struct Emitted: Equatable {
        let term: String
        let start: Int32
        let end: Int32
        let colocated: Bool
    }

    private static func emitted(_ stream: TokenStream) -> [Emitted] {
        var tokens: [Emitted] = []
        _ = stream.replay(ok: 0) { term, length, start, end, colocated in
            let bytes = UnsafeRawBufferPointer(start: term, count: Int(length))
            tokens.append(Emitted(term: String(decoding: bytes, as: UTF8.self), start: start, end: end, colocated: colocated))
            return 0
        }
        return tokens
    }

    /// A compound dictionary, so compound parts are among the tokens too.
    private static let resources = AnalyzerResources(compoundDictionary: ["kunden": 5, "nummer": 5, "konto": 4, "passwort": 3])

    @Test("Latin words, repeated and shared between columns, give the tokens of the whole column", arguments: [
        "kundennummer kundennummer passwort",
        "größe größe straße kundenkonto",
        "zugang zugang zugang zugang gesperrt rechnung",
        "cañón naïve œuvre façade",
        "passwort",
    ])
    func sameTokens(column: String) throws {
        let analyzer = Analyzer(resources: Self.resources)
        var memo = LearnedTokens()
        memo.select(.de)
        // A first column fills the memo with some of the same words.
        _ = memo.stream(of: "passwort kundennummer größe", analyzer: analyzer)
        let result = memo.stream(of: column, analyzer: analyzer)
        let stream = try #require(result)
        let whole = TokenStream(text: column, with: Analyzer(resources: Self.resources))
        #expect(Self.emitted(stream) == Self.emitted(whole))
        #expect(Self.emitted(stream).filter { !$0.colocated }.count == column.split(separator: " ").count)
    }

    @Test("compound parts and stems are among the tokens")
    func variants() throws {
        var memo = LearnedTokens()
        memo.select(.de)
        let result = memo.stream(of: "kundennummer rechnungen", analyzer: Analyzer(resources: Self.resources))
        let stream = try #require(result)
        let terms = Self.emitted(stream).map(\.term)
        #expect(terms.contains("nummer") && terms.contains("kunden") && terms.contains("rechnung"), "\(terms)")
    }

    @Test("a column with a word of other letters, a mark, a hyphen or other spacing is left to the whole analysis", arguments: [
        "passwort λέξη", "u\u{308}ber passwort", "e-mail passwort", "passwort  zugang", " passwort", "passwort ", "",
    ])
    func otherColumns(column: String) {
        var memo = LearnedTokens()
        memo.select(.de)
        let result = memo.stream(of: column, analyzer: Analyzer(resources: Self.resources))
        #expect(result == nil)
    }

    @Test("words are kept per language")
    func perLanguage() throws {
        let analyzer = Analyzer(resources: Self.resources)
        var memo = LearnedTokens()
        for language in [Language.de, .en, .de] {
            analyzer.language = language
            memo.select(language)
            let result = memo.stream(of: "accounts passwords", analyzer: analyzer)
            let stream = try #require(result)
            let reference = Analyzer(resources: Self.resources)
            reference.language = language
            #expect(Self.emitted(stream) == Self.emitted(TokenStream(text: "accounts passwords", with: reference)))
        }
    }
}
