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

    @Test func earliestWindowWinsTies() {
        #expect(SnippetBuilder.bestWindow(size: 3, wordCount: 20, matched: [5, 12]) == 3)
        #expect(SnippetBuilder.bestWindow(size: 3, wordCount: 20, matched: [12, 13, 14]) == 12)
        #expect(SnippetBuilder.bestWindow(size: 3, wordCount: 20, matched: []) == 0)
    }

    @Test func escapingWorksOnBytesSoNoCharacterHidesAQuote() {
        // "'" followed by a combining acute accent is one Character; its quote must still be escaped.
        #expect(HTML.escape("Tom's \u{27}\u{301} <b>ä&ß\"") == "Tom&#39;s &#39;\u{301} &lt;b&gt;ä&amp;ß&quot;")
    }
}
