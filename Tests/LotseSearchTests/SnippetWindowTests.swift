import Foundation
import LotseAnalysis
import LotseTestSupport
import Testing
@testable import LotseSearch

/// The snippet window search against the obvious one (slide the window word by word, keep the first best).
struct SnippetWindowTests {
    private func slidingWindow(size: Int, wordCount: Int, matched: Set<Int>) -> Int {
        var best = (start: 0, count: -1)
        for start in 0...(wordCount - size) {
            let count = (start..<(start + size)).filter(matched.contains).count
            if count > best.count { best = (start, count) }
        }
        return best.start
    }

    @Test func agreesWithSlidingTheWindowOverRandomMatches() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2_000 {
            let wordCount = Int.random(in: 1...120, using: &generator)
            let size = min(SnippetBuilder.windowWords, wordCount)
            // Positions past the last word can occur (a body the word breaker splits differently): never counted.
            let matched = Set(
                (0..<Int.random(in: 0...20, using: &generator)).map { _ in Int.random(in: 0..<(wordCount + 10), using: &generator) })
            #expect(SnippetBuilder.bestWindow(size: size, wordCount: wordCount, matched: matched.sorted())
                    == slidingWindow(size: size, wordCount: wordCount, matched: matched), "\(wordCount) words, matched \(matched.sorted())")
        }
    }

    /// The compact word ranges read back exactly the analyzer's, for any window, with gaps and words past one byte of
    /// LEB128 (over 127 bytes), multi-byte characters, and windows on both sides of a checkpoint (every 64th word).
    @Test func wordRangesReadBackTheAnalyzersRanges() {
        let analyzer = Analyzer()
        let text = "Die E-Mail-Adresse für Rückfragen: größer als " + String(repeating: "ä", count: 90) + " und"
            + String(repeating: " ", count: 300) + "Kundennummer 12345, Straße 7 — " + String(repeating: "x", count: 20_000) + " Ende. "
            + (1...200).map { "Wort\($0)" }.joined(separator: " ")
        var expected: [Range<Int>] = []
        var utf8 = text
        utf8.withUTF8 { bytes in analyzer.forEachWordRange(in: bytes) { expected.append($0..<$1) } }
        let words = SnippetBuilder.WordRanges(of: text, analyzer: analyzer)
        #expect(words.count == expected.count && expected.count > 200)
        #expect(words.ranges(0..<words.count) == expected)
        for start in 0..<words.count {
            let end = min(words.count, start + 3)
            #expect(words.ranges(start..<end) == Array(expected[start..<end]))
        }
        #expect(words.byteCount < expected.count * 3 + 64 + 8 * 4)
    }

    @Test func earliestWindowWinsTies() {
        #expect(SnippetBuilder.bestWindow(size: 3, wordCount: 20, matched: [5, 12]) == 3)
        #expect(SnippetBuilder.bestWindow(size: 3, wordCount: 20, matched: [12, 13, 14]) == 12)
        #expect(SnippetBuilder.bestWindow(size: 3, wordCount: 20, matched: []) == 0)
    }

    @Test func escapingWorksOnBytesSoNoCharacterHidesAQuote() {
        // "'" followed by a combining acute accent is one Character; its quote must still be escaped.
        #expect(HTML.escape("Tom's \u{27}\u{301} <b>ä&ß\"") == "Tom&#39;s &#39;\u{301} &lt;b&gt;ä&amp;ß&quot;")
    }

    /// A listing's opening snippet breaks only the first 2 KB into words, and says exactly what the whole text's would:
    /// a cut inside a multi-byte letter or a word, fewer words than a window, one word longer than the cut.
    @Test(arguments: [
        String(repeating: "Kündigung ", count: 600), String(repeating: "ä", count: 999) + "b " + String(repeating: "Öl ", count: 900),
        "x" + String(repeating: "ß", count: 1_500) + " Ende", "Kurzer Text mit wenigen Wörtern.",
        String(repeating: "Wort ", count: 400) + "— „Zitat“ & <b>" + String(repeating: "Schluss ", count: 300),
        String(repeating: "a", count: 3_000) + " " + String(repeating: "Datenbank ", count: 100),
    ])
    func openingSaysWhatTheWholeTextSays(_ text: String) {
        let analyzer = Analyzer()
        let whole = SnippetBuilder.snippet(of: text, words: .init(of: text, analyzer: analyzer), matched: [])
        #expect(SnippetBuilder.opening(of: text, analyzer: analyzer) == whole)
    }

    /// A category's listing (its page, and every article page's related articles) reads each article's opening only:
    /// before, a listing broke every body into words, 2.5 s per listing of a category with a 2 MB article (debug build,
    /// load 8). Timed on the synchronous part alone: an await in a suite that blocks the cooperative pool waits seconds.
    @Test func listingACategoryWithAHugeArticleReadsItsOpening() async throws {
        let body = String(repeating: "Postfach Kennwort Speicher ", count: 80_000)
        let workspace = try ArticleWorkspace(files: ["riesig.md": ArticleFixtures.simple(title: "Sehr langer Artikel", text: body),
                                                     "postfach.md": ArticleFixtures.postfach])
        try workspace.build()
        let listed = try await workspace.engine().articles(inCategory: "Allgemein", options: SearchOptions(limit: 50))
        let analyzer = Analyzer()
        let stored = body.trimmingCharacters(in: .whitespaces)
        let whole = SnippetBuilder.snippet(of: stored, words: .init(of: stored, analyzer: analyzer), matched: [])
        #expect(listed.first { $0.id == "riesig" }?.snippet == whole)
        let started = ContinuousClock.now
        #expect(SnippetBuilder.opening(of: stored, analyzer: analyzer) == whole)
        // Generous: milliseconds; breaking the whole body into words takes about a second.
        #expect(ContinuousClock.now - started < .milliseconds(500))
    }
}
