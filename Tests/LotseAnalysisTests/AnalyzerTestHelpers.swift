import Testing
@testable import LotseAnalysis

// Shared fixtures and assertions for the analyzer tests.

/// The compound dictionary the tests share: folded word → corpus frequency.
let testDictionary: [String: Int] = [
    "kunden": 50, "nummer": 20, "rechnung": 30, "adresse": 40, "passwort": 60, "anderung": 5,
    "daten": 30, "bank": 10, "post": 8, "fach": 6, "pass": 3, "wort": 3,
]

/// A German analyzer, with the test compound dictionary unless told otherwise.
func germanAnalyzer(dictionary: [String: Int] = testDictionary) -> Analyzer {
    Analyzer(resources: AnalyzerResources(compoundDictionary: dictionary), language: .de)
}

/// One expected token, written like tantivy's `assert_token(&tokens[1], 2, "happy", 15, 20)`.
struct ExpectedToken: Sendable, CustomTestStringConvertible {
    var term: String
    var position: Int
    var start: Int
    var end: Int
    var colocated = false

    init(_ term: String, _ position: Int, _ start: Int, _ end: Int, colocated: Bool = false) {
        self.term = term
        self.position = position
        self.start = start
        self.end = end
        self.colocated = colocated
    }

    var testDescription: String { "\(term)@\(position)[\(start)..<\(end)]\(colocated ? "+" : "")" }
}

/// A word of the text: the non-colocated token.
func word(_ term: String, _ position: Int, _ start: Int, _ end: Int) -> ExpectedToken {
    ExpectedToken(term, position, start, end)
}

/// A stem, compound part or joined form at the position of the word before it.
func colocated(_ term: String, _ position: Int, _ start: Int, _ end: Int) -> ExpectedToken {
    ExpectedToken(term, position, start, end, colocated: true)
}

/// tantivy's `assert_token`: term, position and byte offsets of one token.
func assertToken(
    _ token: Token, _ position: Int, _ term: String, _ start: Int, _ end: Int, colocated: Bool = false,
    sourceLocation: SourceLocation = #_sourceLocation
) {
    #expect(token.term == term, "term of \(token)", sourceLocation: sourceLocation)
    #expect(token.position == position, "position of \(token)", sourceLocation: sourceLocation)
    #expect(token.start == start, "start of \(token)", sourceLocation: sourceLocation)
    #expect(token.end == end, "end of \(token)", sourceLocation: sourceLocation)
    #expect(token.colocated == colocated, "colocated flag of \(token)", sourceLocation: sourceLocation)
}

/// Asserts `tokens` are exactly `expected`, token by token.
func assertTokens(_ tokens: [Token], _ expected: [ExpectedToken], sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(tokens.count == expected.count, "got \(tokens)", sourceLocation: sourceLocation)
    for (token, want) in zip(tokens, expected) {
        assertToken(token, want.position, want.term, want.start, want.end, colocated: want.colocated, sourceLocation: sourceLocation)
    }
}

/// Whether `tokens` hold `term` as a colocated token at `position` with the byte range of that word.
func hasColocated(_ tokens: [Token], _ term: String, position: Int, start: Int, end: Int) -> Bool {
    tokens.contains { $0.term == term && $0.colocated && $0.position == position && $0.start == start && $0.end == end }
}

/// The source text of a byte range, or nil when the range is outside `text` or splits a character.
func slice(_ text: String, _ start: Int, _ end: Int) -> String? {
    guard 0 <= start, start < end, end <= text.utf8.count else { return nil }
    let lower = text.utf8.index(text.utf8.startIndex, offsetBy: start)
    let upper = text.utf8.index(text.utf8.startIndex, offsetBy: end)
    guard lower.samePosition(in: text.unicodeScalars) != nil, upper.samePosition(in: text.unicodeScalars) != nil else { return nil }
    return String(text.utf8[lower..<upper])
}

/// The search contract the analyzer exists for: every non-stop-word of `query` has its stem among the
/// terms the index stores for `document`. A query of stop words only matches nothing.
func queryMatches(_ query: String, document: String, analyzer: Analyzer) -> Bool {
    let documentTerms = Set(analyzer.tokens(document, mode: .document).map(\.term))
    let queryWords = analyzer.tokens(query, mode: .positions).map(\.term)
        .filter { !StopWords.contains($0, language: analyzer.language) }
    return !queryWords.isEmpty && queryWords.allSatisfy { documentTerms.contains(analyzer.stem($0)) }
}
