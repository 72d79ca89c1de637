import Foundation
import LotseAnalysis
import LotseIndex
import LotseTestSupport

/// Inputs shared by the benchmark suite and `lotse-bench`: generated once, outside any measured region.
public enum Fixtures {
    public static let articleCount = 10_000
    public static let averageBytes = 5_000
    public static let seed: UInt64 = 42
    public static let sampleWords = 100_000

    /// The synthetic corpus directory. Generated on first use and kept in the temporary directory, so the
    /// benchmark processes (one per benchmark) and later runs reuse it; a fingerprint of the generated text
    /// in `.complete` (hidden, so the indexer skips it) makes a changed generator write it anew.
    public static func corpus(articles: Int = articleCount, averageBytes: Int = averageBytes, seed: UInt64 = seed) throws -> String {
        let directory = temporaryPath("lotse-bench-corpus-\(articles)x\(averageBytes)-s\(seed)")
        let marker = (directory as NSString).appendingPathComponent(".complete")
        var hash = StableHash()
        hash.add(String(articles))
        hash.add(SyntheticCorpus.LongTail.fingerprint)
        hash.add(SyntheticCorpus.article(number: 1, averageBytes: averageBytes, seed: seed))
        hash.add(SyntheticCorpus.article(number: articles, averageBytes: averageBytes, seed: seed))
        let fingerprint = hash.hex
        if (try? String(contentsOfFile: marker, encoding: .utf8)) == fingerprint { return directory }
        try? FileManager.default.removeItem(atPath: directory)
        try SyntheticCorpus.write(articles: articles, averageBytes: averageBytes, seed: seed, to: directory)
        try fingerprint.write(toFile: marker, atomically: true, encoding: .utf8)
        return directory
    }

    /// A per-process scratch directory for index files (removed by `removeScratch()`).
    public static func scratch() throws -> String {
        let directory = scratchPath
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        return directory
    }

    public static func removeScratch() {
        try? FileManager.default.removeItem(atPath: scratchPath)
    }

    private static var scratchPath: String {
        temporaryPath("lotse-bench-scratch-\(ProcessInfo.processInfo.processIdentifier)")
    }

    private static func temporaryPath(_ name: String) -> String {
        ((NSTemporaryDirectory() as NSString).standardizingPath as NSString).appendingPathComponent(name)
    }

    /// Bytes of all article files in `directory` (for MB/s figures).
    public static func corpusBytes(_ directory: String) -> Int {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        return names.filter { $0.hasSuffix(".md") }.reduce(0) { total, name in
            let attributes = try? FileManager.default.attributesOfItem(atPath: (directory as NSString).appendingPathComponent(name))
            return total + ((attributes?[.size] as? NSNumber)?.intValue ?? 0)
        }
    }
}

/// The analyzer benchmark input: ~100,000 words of sample text and a compound dictionary built from the
/// text's own word counts, the way the index builds it (German, alphabetic, ≥ 3 letters, no stop words,
/// seen at least twice).
public final class AnalyzerFixture: @unchecked Sendable {
    public let text: String
    public let bytes: [UInt8]
    /// Whitespace-separated words of `text`.
    public let wordCount: Int
    public let resources: AnalyzerResources

    public init(words: Int = Fixtures.sampleWords, seed: UInt64 = Fixtures.seed) {
        text = SyntheticCorpus.sampleText(words: words, seed: seed)
        bytes = Array(text.utf8)
        wordCount = text.split(whereSeparator: { $0 == " " || $0 == "\n" }).count
        resources = AnalyzerResources(compoundDictionary: Self.compoundDictionary(text))
    }

    public static func compoundDictionary(_ text: String, minimumCount: Int = 2) -> [String: Int] {
        var counts: [String: Int] = [:]
        for word in Analyzer().words(in: text) { counts[word.folded, default: 0] += 1 }
        return counts.filter { word, count in
            count >= minimumCount
                && word.utf8.count >= CompoundSplitter.minimumPartLength
                && word.unicodeScalars.allSatisfy { $0.properties.isAlphabetic }
                && !StopWords.contains(word, language: .de)
        }
    }

    /// Runs `analyzer` over the text in `.document` mode; returns all tokens and the word positions among them.
    public func analyze(with analyzer: Analyzer) -> (tokens: Int, positions: Int) {
        var tokens = 0
        var positions = 0
        bytes.withUnsafeBufferPointer { buffer in
            analyzer.analyze(buffer, mode: .document) { _, _, _, colocated in
                tokens += 1
                if !colocated { positions += 1 }
                return true
            }
        }
        return (tokens, positions)
    }
}
