import Foundation
import LotseAnalysis
import LotseTestSupport

// Inputs of the traffic workloads (`lotse-bench traffic`): every input distinct, asked once.

public enum TrafficInputs {
    /// `Benchmarks/traffic` of this package (`$LOTSE_BENCH_TRAFFIC` overrides it), written by
    /// `Benchmarks/load/make_traffic.py`.
    public static var directory: String {
        if let directory = ProcessInfo.processInfo.environment["LOTSE_BENCH_TRAFFIC"], !directory.isEmpty { return directory }
        var url = URL(fileURLWithPath: #filePath) // …/Benchmarks/Sources/BenchmarkFixtures/TrafficFixtures.swift
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.appendingPathComponent("traffic").path
    }

    /// The typed query stream: XQuAD-de questions and judged queries cut every 3 characters and at word ends,
    /// no two equal (queries.txt, in stream order).
    public static let queries: [String] = {
        let path = (directory as NSString).appendingPathComponent("queries.txt")
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            fatalError("\(path) missing: python3 Benchmarks/load/make_traffic.py")
        }
        let lines = text.split(separator: "\n").map(String.init)
        precondition(Set(lines).count == lines.count, "\(path): repeated queries")
        return lines
    }()

    /// Distinct ticket drafts of ~300 words built from XQuAD-de paragraphs (drafts.jsonl).
    public static let drafts: [SearchInputs.Draft] = {
        struct Line: Decodable { var subject: String; var description: String }
        let path = (directory as NSString).appendingPathComponent("drafts.jsonl")
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            fatalError("\(path) missing: python3 Benchmarks/load/make_traffic.py")
        }
        let decoder = JSONDecoder()
        return text.split(separator: "\n").map { line in
            let draft = try! decoder.decode(Line.self, from: Data(line.utf8))
            return SearchInputs.Draft(subject: draft.subject, description: draft.description,
                                      words: SearchInputs.wordCount(draft.subject) + SearchInputs.wordCount(draft.description))
        }
    }()

    /// Worst-case draft `number`: an empty subject and 20,000 characters of random 10-letter lowercase words
    /// (deterministic: seed 20,000 + number).
    public static func hostileDraft(number: Int, characters: Int = 20_000) -> String {
        var random = SyntheticCorpus.SplitMix64(seed: 20_000 + UInt64(number))
        var text = ""
        text.reserveCapacity(characters)
        while text.utf8.count + 11 <= characters {
            if !text.isEmpty { text += " " }
            for _ in 0..<10 { text.unicodeScalars.append(Unicode.Scalar(UInt8(97 + random.next() % 26))) }
        }
        return text
    }

    /// Worst-case query `number`: one word of `letters` random lowercase letters (seed 30,000 + number).
    public static func hostileWord(number: Int, letters: Int = 20_000) -> String {
        var random = SyntheticCorpus.SplitMix64(seed: 30_000 + UInt64(number))
        var text = ""
        text.reserveCapacity(letters)
        for _ in 0..<letters { text.unicodeScalars.append(Unicode.Scalar(UInt8(97 + random.next() % 26))) }
        return text
    }
}

extension Fixtures {
    /// Distinct words of the synthetic corpus in `directory`: lowercased runs of letters (with inner hyphens, as
    /// in "E-Mail-Adresse") over all article files, front matter included, and the distinct folded words the
    /// analyzer sees; plus the number of word occurrences.
    public static func vocabulary(of directory: String) throws -> (words: Int, distinct: Int, distinctFolded: Int) {
        let names = try FileManager.default.contentsOfDirectory(atPath: directory).filter { $0.hasSuffix(".md") }.sorted()
        var distinct = Set<String>()
        var folded = Set<String>()
        var words = 0
        let analyzer = Analyzer()
        for name in names {
            let text = try String(contentsOfFile: (directory as NSString).appendingPathComponent(name), encoding: .utf8)
            var current = ""
            for character in text {
                if character.isLetter || (character == "-" && !current.isEmpty) {
                    current.append(character)
                } else if !current.isEmpty {
                    while current.hasSuffix("-") { current.removeLast() }
                    distinct.insert(current.lowercased())
                    words += 1
                    current = ""
                }
            }
            if !current.isEmpty { distinct.insert(current.lowercased()); words += 1 }
            for word in analyzer.words(in: text) { folded.insert(word.folded) }
        }
        return (words, distinct.count, folded.count)
    }
}
