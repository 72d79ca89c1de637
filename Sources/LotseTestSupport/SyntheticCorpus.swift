import Foundation

/// Deterministic synthetic German help-center articles for benchmarks and load tests.
///
/// The text is built from a vocabulary of several hundred real German hosting/support words (compounds such as
/// "Kundennummer" and "Rechnungsadresse", hyphenated ones such as "E-Mail-Adresse", umlauts and ß, function
/// words, a few English words, numbers and host names) drawn with a Zipf-like distribution and put into
/// grammatical sentence templates (articles and adjective endings agree with the noun's gender and case), so
/// the analyzer sees realistic word lengths, folding work, stems, compounds and stop words.
///
/// The long tail a real corpus has comes from Debian's `wngerman` word list (`LongTail`): some noun slots take
/// one of its ~118,000 capitalized entries, some adjective and adverb slots one of its ~237,000 other entries,
/// each drawn Zipf-distributed over a fixed shuffle of the list, so 10,000 articles of 5 KB contain well over
/// 100,000 distinct words (`lotse-bench vocabulary` counts them).
///
/// Everything depends only on `seed` (own SplitMix64 generator) and the word list: the same arguments and list
/// give byte-identical files.
public enum SyntheticCorpus {
    /// Writes `count` Markdown articles (`artikel-00001.md`, …) with YAML front matter (title, category, tags,
    /// lang: de), a `# Title` and about `averageBytes` of body (`##` sections, paragraphs, lists, some tables)
    /// into `directory`, creating it if needed. Existing files of the same names are overwritten.
    public static func write(articles count: Int, averageBytes: Int = 5_000, seed: UInt64 = 42, to directory: String) throws {
        precondition(count >= 0 && averageBytes > 0)
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        guard count > 0 else { return }
        let width = max(5, String(count).count)
        for number in 1...count {
            let text = article(number: number, averageBytes: averageBytes, seed: seed)
            let name = "artikel-" + String(repeating: "0", count: max(0, width - String(number).count)) + String(number) + ".md"
            let path = (directory as NSString).appendingPathComponent(name)
            try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        }
    }

    /// One article as it would be written by `write` (number is 1-based).
    public static func article(number: Int, averageBytes: Int = 5_000, seed: UInt64 = 42) -> String {
        // The article's stream starts at a hashed position: a seed of seed ^ number·φ (SplitMix64's own
        // increment) started article n one step into article n − 1's stream, so all articles drew from nearly
        // the same few thousand random numbers (and the corpus had ~20,000 distinct words, not 100,000+).
        var mixer = SplitMix64(seed: seed ^ (UInt64(truncatingIfNeeded: number) &* 0x9E37_79B9_7F4A_7C15))
        var generator = TextGenerator(seed: mixer.next())
        return generator.article(averageBytes: averageBytes)
    }

    /// About `words` whitespace-separated words of help-center prose (paragraphs, `##` headings and lists),
    /// for analyzer benchmarks. Stops after the paragraph that reaches `words`.
    public static func sampleText(words: Int, seed: UInt64 = 42) -> String {
        var generator = TextGenerator(seed: seed)
        return generator.prose(words: words)
    }
}

extension SyntheticCorpus {
    // MARK: - Random numbers

    /// SplitMix64 (Steele, Lea, Flood 2014): tiny, fast and good enough for text generation; fully deterministic.
    public struct SplitMix64: RandomNumberGenerator {
        private var state: UInt64

        public init(seed: UInt64) { state = seed }

        public mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }

        /// Uniform in [0, 1).
        mutating func unit() -> Double { Double(next() >> 11) * 0x1.0p-53 }

        /// Uniform in 0..<bound (bound > 0).
        mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }

        mutating func chance(_ probability: Double) -> Bool { unit() < probability }

        mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }
    }

    /// Rank-frequency sampling: item `k` (0-based) has weight 1 / (k + 1)^exponent, as word frequencies do.
    struct ZipfTable: Sendable {
        private let cumulative: [Double]

        init(count: Int, exponent: Double = 1.0) {
            var sum = 0.0
            var cumulative: [Double] = []
            cumulative.reserveCapacity(count)
            for rank in 1...count {
                sum += 1.0 / pow(Double(rank), exponent)
                cumulative.append(sum)
            }
            self.cumulative = cumulative
        }

        func sample(_ generator: inout SplitMix64) -> Int {
            let target = generator.unit() * cumulative[cumulative.count - 1]
            var low = 0
            var high = cumulative.count - 1
            while low < high {
                let middle = (low + high) / 2
                if cumulative[middle] > target { high = middle } else { low = middle + 1 }
            }
            return low
        }
    }
}
