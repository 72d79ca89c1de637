import LotseAnalysis
import Testing
@testable import LotseSearch

@Suite struct TypoCorrectorTests {
    let corrector = TypoCorrector(vocabulary: [
        "vergessen": 5, "vergeben": 9, "password": 2, "passwort": 40, "rechnungsadresse": 3, "kundennummer": 8, "zertifikat": 6
    ])

    @Test func ambiguousTypoKeepsBothCandidatesMostFrequentFirst() {
        // "vergesen" is one edit from "vergessen" (5 articles) and "vergeben" (9): coverage decides later.
        #expect(corrector.corrections(for: "vergesen") == ["vergeben", "vergessen"])
    }

    @Test(arguments: [
        ("pasword", "password"),         // deletion, 7 letters: one edit
        ("zertifkat", "zertifikat"),     // deletion
        ("rechnugsadresse", "rechnungsadresse"),
        ("kundennumemr", "kundennummer"), // swap of neighbours counts once
        ("rechnungsadrsese", "rechnungsadresse"),
    ])
    func correctsWithinAllowedEdits(typo: String, expected: String) {
        #expect(corrector.corrections(for: typo).first == expected)
    }

    @Test(arguments: ["verg", "abcdefgh", "kundennr"])
    func leavesShortOrDistantWordsAlone(word: String) {
        #expect(corrector.corrections(for: word).isEmpty)
    }

    @Test func prefersFewerEditsThenFrequency() {
        let corrector = TypoCorrector(vocabulary: ["konten": 1, "kosten": 50, "konto": 30])
        #expect(corrector.corrections(for: "kosten").first == "kosten")
        #expect(corrector.corrections(for: "konnten", limit: 1) == ["konten"])
    }

    @Test func prefixModeComparesBeginnings() {
        #expect(corrector.corrections(for: "zertfi", prefix: true).first == "zertifikat")
    }

    @Test func distanceIsOptimalStringAlignment() {
        let d = { (a: String, b: String) in TypoCorrector.distance(Array(a.unicodeScalars), Array(b.unicodeScalars), limit: 3) }
        #expect(d("abc", "abc") == 0)
        #expect(d("abc", "acb") == 1)
        #expect(d("abc", "xyz") == 3)
        #expect(d("kitten", "sitting") == 3)
        #expect(d("abcdef", "uvwxyz") == nil)
    }

    @Test("a vocabulary with more distinct letters than the structure numbers leaves out the words with the rarest")
    func alphabetLimit() {
        var vocabulary = ["passwort": 5, "postfach": 3]
        for offset in 0..<66_000 { vocabulary["wort" + String(Unicode.Scalar(0x20000 + offset)!)] = 1 }
        let corrector = TypoCorrector(vocabulary: vocabulary)
        #expect(corrector.corrections(for: "paswort") == ["passwort"])
        #expect(corrector.completions(of: "pos", limit: 3) == ["postfach"])
        #expect(corrector.hasWord(withPrefix: "wort" + String(Unicode.Scalar(0x20000)!)), "a frequent-enough letter is kept")
    }

    /// The vocabulary structure against a scan of every word, on random words and their misspellings: the same
    /// corrections in the same order, in both modes.
    @Test(arguments: [UInt64(1), 2, 3])
    func matchesBruteForceOnRandomWords(seed: UInt64) {
        var random = SeededRandom(seed: seed)
        // "x" is in no word: a query letter the vocabulary lacks matches nothing.
        let letters = Array("aeinrstkuäößx".unicodeScalars)
        let vocabulary = random.vocabulary(count: 3_000, letters: "aeinrstkuäöß", lengths: 3...14, maximumFrequency: 50)
        let words = vocabulary.keys.sorted()
        let corrector = TypoCorrector(vocabulary: vocabulary)
        for _ in 0..<300 {
            var query = Array(words.randomElement(using: &random)!.unicodeScalars)
            for _ in 0..<Int.random(in: 0...3, using: &random) {
                let position = Int.random(in: 0..<max(1, query.count), using: &random)
                switch Int.random(in: 0..<3, using: &random) {
                case 0 where query.count > 1: query.remove(at: position)
                case 1: query.insert(letters.randomElement(using: &random)!, at: position)
                default: if position + 1 < query.count { query.swapAt(position, position + 1) }
                }
            }
            let text = String(String.UnicodeScalarView(query))
            for prefix in [false, true] {
                for limit in [2, 6] {
                    #expect(corrector.corrections(for: text, prefix: prefix, limit: limit)
                            == Self.bruteForce(text, prefix: prefix, limit: limit, vocabulary: vocabulary), "\(text) prefix \(prefix)")
                }
            }
            let cut = String(text.prefix(Int.random(in: 1...max(1, text.count), using: &random)))
            let expected = vocabulary.filter { $0.key.unicodeScalars.starts(with: cut.unicodeScalars) && !Self.isStopWord($0.key) }
                .sorted { ($0.value, $1.key) > ($1.value, $0.key) }.prefix(6).map(\.key)
            #expect(corrector.completions(of: cut, limit: 6) == expected, "completions of \(cut)")
        }
    }

    static func isStopWord(_ word: String) -> Bool { StopWords.contains(word, language: .de) || StopWords.contains(word, language: .en) }

    /// The reference: every letter word of at least 3 letters, of a length that can be within the allowed
    /// edits (any longer length for an unfinished word, compared by its beginning).
    static func bruteForce(_ word: String, prefix: Bool, limit: Int, vocabulary: [String: Int]) -> [String] {
        let query = Array(word.unicodeScalars)
        let allowed = TypoCorrector.maximumEdits(forLength: query.count)
        guard allowed > 0 else { return [] }
        var found: [(text: String, distance: Int, frequency: Int)] = []
        for (text, frequency) in vocabulary {
            let candidate = Array(text.unicodeScalars)
            guard candidate.count >= 3, candidate.count >= query.count - allowed, prefix || candidate.count <= query.count + allowed,
                  candidate.allSatisfy({ $0.properties.isAlphabetic }),
                let distance = TypoCorrector.distance(
                    query, Array(candidate.prefix(prefix ? query.count : candidate.count)), limit: allowed)
            else { continue }
            found.append((text, distance, frequency))
        }
        return found.sorted { ($0.distance, -$0.frequency, $0.text) < ($1.distance, -$1.frequency, $1.text) }.prefix(limit).map(\.text)
    }
}

/// SplitMix64: reproducible random words for the equivalence test.
struct SeededRandom: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

extension SeededRandom {
    /// `count` distinct words of `letters` with lengths in `lengths`, each with a frequency from 1 to `maximumFrequency`.
    mutating func vocabulary(count: Int, letters: String, lengths: ClosedRange<Int>, maximumFrequency: Int) -> [String: Int] {
        let letters = Array(letters.unicodeScalars)
        var vocabulary: [String: Int] = [:]
        while vocabulary.count < count {
            let length = Int.random(in: lengths, using: &self)
            vocabulary[String(String.UnicodeScalarView((0..<length).map { _ in letters.randomElement(using: &self)! }))] =
                Int.random(in: 1...maximumFrequency, using: &self)
        }
        return vocabulary
    }
}
