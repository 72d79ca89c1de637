import BenchmarkFixtures
import Foundation
import LotseAnalysis
import LotseSearch

/// `lotse-bench curation`: what an operator's pins cost the typed-query traffic. Two engines over the same 10k index,
/// one without curation and one with a pins file of `pinCount` pins (queries of the stream itself, so some
/// of its prefixes get pins), each warmed with the common terms; every query of the stream is asked of both, the
/// order alternating per query so neither engine reads the postings first throughout.
@MainActor func curationCost(pinCount: Int, queryLimit: Int, warmTerms: Int) async throws {
    defer { Fixtures.removeScratch() }
    let fixture = try SearchFixture(corpus: .synthetic)
    let plain = fixture.engine
    let curated = try SearchEngine(indexPath: fixture.indexPath, semantic: Fixtures.semanticModel)
    let stream = Array(TrafficInputs.queries.prefix(queryLimit))

    // Pinned queries: every n-th typed query of two to eight words that was followed by a space (so it ends a word)
    // and ends in a word that is no stop word, each pinned to an article of the index.
    let ids = try await plain.articleTitles().map(\.id)
    let wordEnds = Set(stream.compactMap { query in query.lastIndex(of: " ").map { String(query[..<$0]) } })
    let analyzer = Analyzer()
    let candidates = stream.filter { query in
        let words = query.split(separator: " ")
        guard (2...8).contains(words.count), wordEnds.contains(query), let last = words.last.flatMap({ analyzer.fold(String($0)) })
        else { return false }
        return last.count >= 4 && last.allSatisfy(\.isLetter) && !StopWords.contains(last, language: .de)
            && !StopWords.contains(last, language: .en)
    }
    let step = max(1, candidates.count / max(1, pinCount))
    let pins = stride(from: 0, to: candidates.count, by: step).prefix(pinCount).enumerated().map { number, index in
        ["query": candidates[index], "articleId": ids[(number * 37) % ids.count], "position": 1 + number % 3] as [String: Any]
    }
    let path = (try Fixtures.scratch() as NSString).appendingPathComponent("pins.json")
    try JSONSerialization.data(withJSONObject: pins, options: [.prettyPrinted]).write(to: URL(fileURLWithPath: path))
    let loadStarted = ContinuousClock.now
    let curation = try Curation.load(synonyms: nil, pins: path)
    let skipped = try curated.curate(curation)
    precondition(curation.pins.count == pins.count && skipped.isEmpty, "pins file: \(curation.summary), \(skipped.count) skipped")
    print("pins file: \(curation.summary), loaded and applied in "
          + "\(format((ContinuousClock.now - loadStarted) / .milliseconds(1), 1)) ms")

    for engine in [plain, curated] where warmTerms > 0 {
        _ = await engine.warm(terms: engine.commonTerms(limit: warmTerms), until: .now + .seconds(300))
    }
    let clock = ContinuousClock()
    var times: [[Double]] = [[], []], cpu: [[Double]] = [[], []]
    var changed = 0
    for (item, query) in stream.enumerated() {
        var ids: [[String]] = [[], []]
        for side in item % 2 == 0 ? [0, 1] : [1, 0] {
            let cpuBefore = cpuMilliseconds()
            let started = clock.now
            ids[side] = try await (side == 0 ? plain : curated).search(query, options: fixture.options).map(\.id)
            times[side].append((clock.now - started) / .milliseconds(1))
            cpu[side].append(cpuMilliseconds() - cpuBefore)
        }
        if ids[0] != ids[1] { changed += 1 }
    }
    for (side, name) in ["no curation", "\(pins.count) pins"].enumerated() {
        let sorted = times[side].sorted()
        print("Search/typed-distinct, \(name): p50 \(format(percentile(sorted, 50))) ms, p99 \(format(percentile(sorted, 99))) ms, "
              + "max \(format(sorted.last!)) ms, CPU \(format(cpu[side].reduce(0, +) / Double(cpu[side].count), 3)) ms/call mean "
              + "over \(sorted.count) queries")
    }
    print("answers changed by the pins: \(changed) of \(stream.count); load average now \(loadAverage())")
}
