import BenchmarkFixtures
import Foundation
import LotseAnalysis
import LotseIndex
import LotseTestSupport

// The benchmark suite's measurements without the ordo-one plugin: medians over N runs, release build.
//   swift run -c release lotse-bench [all|index-full|index-noop|analyzer-warm|analyzer-cold|search|sample|text|draft]
//       [--runs N] [--articles N] [--words N] [--number N]
//       [--queries N] [--warmup N] [--corpus synthetic|real] [--only short|prefix|draft] [--detail] [--cold [--warm-terms N]] [--result-cache]   (search)
// Small inputs make it a profiling harness, e.g.
//   valgrind --tool=callgrind .build/release/lotse-bench index-full --runs 1 --articles 500

var arguments = Array(CommandLine.arguments.dropFirst())
@MainActor func option(_ name: String, default value: Int) -> Int {
    guard let index = arguments.firstIndex(of: name), index + 1 < arguments.count, let number = Int(arguments[index + 1]) else { return value }
    arguments.removeSubrange(index...(index + 1))
    return number
}
let runsGiven = arguments.contains("--runs")
let runs = option("--runs", default: 5)
let articles = option("--articles", default: Fixtures.articleCount)
let words = option("--words", default: Fixtures.sampleWords)
let number = option("--number", default: 1)
let queries = option("--queries", default: 2_000)
let warmup = option("--warmup", default: 200)
/// With --cold: read the postings of this many of the most common terms into the fresh engine first, as
/// `lotse serve` does after starting (0: a fresh engine as opened).
let warmTerms = option("--warm-terms", default: 0)
@MainActor func stringOption(_ name: String) -> String? {
    guard let index = arguments.firstIndex(of: name), index + 1 < arguments.count else { return nil }
    defer { arguments.removeSubrange(index...(index + 1)) }
    return arguments[index + 1]
}
let detail = arguments.contains("--detail")
/// Also time each input's first call on a freshly opened engine (the engine's caches empty at the start).
let cold = arguments.contains("--cold")
/// Keep the engine's result cache on, so repeated inputs are cache hits (off by default: every call is ranked).
let resultCache = arguments.contains("--result-cache")
arguments.removeAll { $0 == "--detail" || $0 == "--cold" || $0 == "--result-cache" }
let corpusFilter = stringOption("--corpus")
let workloadFilter = stringOption("--only")
let command = arguments.first ?? "all"

func seconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
}

func median(_ values: [Double]) -> Double {
    let sorted = values.sorted()
    return sorted.count % 2 == 1 ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
}

func format(_ value: Double, _ digits: Int = 3) -> String { String(format: "%.\(digits)f", value) }

/// Times `body` `runs` times after `warmup` untimed runs; prints every run and the median.
@MainActor func measure(_ name: String, warmup: Int = 0, unit: String, amount: (Int) -> Int, _ body: () throws -> Int) rethrows {
    for _ in 0..<warmup { _ = try body() }
    var times: [Double] = []
    var amounts: [Int] = []
    let clock = ContinuousClock()
    for run in 1...max(1, runs) {
        let started = clock.now
        let result = try body()
        let elapsed = seconds(clock.now - started)
        times.append(elapsed)
        amounts.append(amount(result))
        print("  \(name) run \(run): \(format(elapsed)) s, \(format(Double(amount(result)) / elapsed, 0)) \(unit)/s")
    }
    let medianTime = median(times)
    let medianRate = median(zip(times, amounts).map { Double($1) / $0 })
    print("\(name): median \(format(medianTime)) s over \(times.count) runs (min \(format(times.min()!)), max \(format(times.max()!))), median \(format(medianRate, 0)) \(unit)/s")
}

@MainActor func indexFull() throws {
    let corpus = try Fixtures.corpus(articles: articles)
    let index = (try Fixtures.scratch() as NSString).appendingPathComponent("full.sqlite")
    defer { Fixtures.removeScratch() }
    print("corpus: \(corpus), \(articles) articles, \(Fixtures.corpusBytes(corpus) / 1_000_000) MB")
    try measure("IndexBuild/full-\(articles)", unit: "articles", amount: { $0 }) {
        let report = try IndexBuilder(configuration: IndexConfiguration(articlesDirectory: corpus, indexPath: index, full: true)).build()
        precondition(report.articleCount == articles && report.wroteIndex, report.summary)
        return report.articleCount
    }
    let size = (try? FileManager.default.attributesOfItem(atPath: index)[.size] as? NSNumber)?.intValue ?? 0
    print("  index size: \(size / 1_000_000) MB")
}

@MainActor func indexNoop() throws {
    let corpus = try Fixtures.corpus(articles: articles)
    let index = (try Fixtures.scratch() as NSString).appendingPathComponent("noop.sqlite")
    defer { Fixtures.removeScratch() }
    _ = try IndexBuilder(configuration: IndexConfiguration(articlesDirectory: corpus, indexPath: index, full: true)).build()
    try measure("IndexBuild/noop-\(articles)", unit: "articles", amount: { $0 }) {
        let report = try IndexBuilder(configuration: IndexConfiguration(articlesDirectory: corpus, indexPath: index)).build()
        precondition(report.unchanged == articles && !report.wroteIndex, report.summary)
        return report.articleCount
    }
}

@MainActor func analyzer(cold: Bool) {
    let fixture = AnalyzerFixture(words: words)
    let probe = fixture.analyze(with: Analyzer(resources: fixture.resources))
    print("analyzer input: \(fixture.wordCount) words, \(fixture.bytes.count) bytes, \(probe.positions) analyzer words, "
          + "\(probe.tokens) tokens, \(fixture.resources.splitter.dictionary.count) dictionary entries")
    let warm = Analyzer(resources: fixture.resources)
    measure(cold ? "Analyzer/cold-cache" : "Analyzer/document-tokens", warmup: cold ? 0 : 1, unit: "tokens", amount: { $0 }) {
        let analyzer = cold ? Analyzer(resources: fixture.resources) : warm
        let (tokens, _) = fixture.analyze(with: analyzer)
        precondition(tokens > fixture.wordCount)
        return tokens
    }
}

/// Nearest-rank percentile (p in 0…100) of ascending `sorted`.
func percentile(_ sorted: [Double], _ p: Double) -> Double {
    sorted[max(0, min(sorted.count - 1, Int((p / 100 * Double(sorted.count)).rounded(.up)) - 1))]
}

/// Search latency: per corpus and workload, one unmeasured verification pass (the hit-rate invariant), `warmup`
/// untimed queries, then `runs` × `queries` timed calls (one call each, inputs in rotation); p50/p99 per run and
/// over all runs, in milliseconds.
@MainActor func searchLatency(runs: Int) async throws {
    let corpora = SearchCorpus.allCases.filter { corpusFilter == nil || $0.rawValue == corpusFilter }
    let workloads = SearchWorkload.allCases.filter { workloadFilter == nil || $0.rawValue == workloadFilter }
    precondition(!corpora.isEmpty && !workloads.isEmpty, "unknown --corpus or --only value")
    defer { Fixtures.removeScratch() }
    var table: [(name: String, corpus: String, p50: Double, p99: Double, max: Double, count: Int)] = []
    let clock = ContinuousClock()
    let loadBefore = loadAverage()
    for corpus in corpora {
        let fixture = try SearchFixture(corpus: corpus, cachesResults: resultCache)
        let size = (try? FileManager.default.attributesOfItem(atPath: fixture.indexPath)[.size] as? NSNumber)?.intValue ?? 0
        print("\(corpus.label): \(fixture.articleCount) articles, index \(size / 1_000_000) MB (\(fixture.indexPath))")
        for workload in workloads {
            let name = workload.benchmarkName(corpus)
            if cold {
                let fresh = try SearchFixture(corpus: corpus, cachesResults: resultCache)
                if warmTerms > 0 {
                    let started = clock.now
                    let read = await fresh.engine.warm(terms: fresh.engine.commonTerms(limit: warmTerms), until: .now + .seconds(300))
                    print("\(name) [\(corpus.label)] warmed the fresh engine with \(read) common terms in \(format(seconds(clock.now - started))) s")
                }
                var times: [Double] = []
                for item in 0..<fresh.inputCount(workload) {
                    let started = clock.now
                    _ = try await fresh.run(workload, item: item)
                    times.append(seconds(clock.now - started) * 1_000)
                }
                times.sort()
                print("\(name) [\(corpus.label)] cold, first call of each input on a fresh engine: p50 \(format(percentile(times, 50))) ms, "
                      + "p99 \(format(percentile(times, 99))) ms, max \(format(times.last!)) ms over \(times.count) calls")
                table.append((name + " (cold)", corpus.label, percentile(times, 50), percentile(times, 99), times.last!, times.count))
            }
            let expected = try await fixture.verify(workload, log: { print($0) })
            var item = 0
            for _ in 0..<warmup {
                _ = try await fixture.run(workload, item: item % expected.count)
                item += 1
            }
            var all: [Double] = []
            var byInput = [[Double]](repeating: [], count: expected.count)
            for run in 1...max(1, runs) {
                var times: [Double] = []
                times.reserveCapacity(queries)
                for _ in 0..<queries {
                    let index = item % expected.count
                    let started = clock.now
                    let count = try await fixture.run(workload, item: index)
                    times.append(seconds(clock.now - started) * 1_000)
                    byInput[index].append(times[times.count - 1])
                    precondition(count == expected[index], "\(name) input \(index): \(count) results, \(expected[index]) in the verification pass")
                    item += 1
                }
                times.sort()
                all += times
                print("  \(name) run \(run): p50 \(format(percentile(times, 50))) ms, p99 \(format(percentile(times, 99))) ms, "
                      + "max \(format(times.last!)) ms over \(times.count) calls")
            }
            all.sort()
            print("\(name) [\(corpus.label)]: p50 \(format(percentile(all, 50))) ms, p99 \(format(percentile(all, 99))) ms, "
                  + "max \(format(all.last!)) ms over \(all.count) calls")
            table.append((name, corpus.label, percentile(all, 50), percentile(all, 99), all.last!, all.count))
            if detail {
                // Per input: median and slowest call, slowest medians first.
                let inputs = workload == .draft ? SearchInputs.drafts.map { "draft: " + $0.subject }
                    : workload == .prefix ? SearchInputs.prefixQueries : SearchInputs.shortQueries
                let rows = byInput.enumerated().filter { !$0.element.isEmpty }.map { index, times in
                    (input: inputs[index], median: median(times), max: times.max()!, results: expected[index])
                }.sorted { $0.median > $1.median }
                for row in rows {
                    print("    \(format(row.median)) ms median, \(format(row.max)) ms max, \(row.results) results: \(row.input)")
                }
            }
        }
    }
    print("\n| Benchmark | Corpus | p50 ms | p99 ms | max ms | calls |\n| --- | --- | ---: | ---: | ---: | ---: |")
    for row in table {
        print("| \(row.name) | \(row.corpus) | \(format(row.p50)) | \(format(row.p99)) | \(format(row.max)) | \(row.count) |")
    }
    print("\nload average (1/5/15 min) before: \(loadBefore), after: \(loadAverage()) on \(ProcessInfo.processInfo.activeProcessorCount) cores")
}

/// "1.23 0.98 0.75" from /proc/loadavg (Linux), else "n/a".
func loadAverage() -> String {
    guard let text = try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8) else { return "n/a" }
    return text.split(separator: " ").prefix(3).joined(separator: " ")
}

switch command {
case "sample":
    print(SyntheticCorpus.article(number: number), terminator: "")
case "text":
    print(SyntheticCorpus.sampleText(words: words))
case "draft":
    let draft = SearchInputs.draft(number: number)
    print("Subject: \(draft.subject)\n\n\(draft.description)\n\n(\(draft.words) words)")
case "search": try await searchLatency(runs: runsGiven ? runs : 1)
case "index-full": try indexFull()
case "index-noop": try indexNoop()
case "analyzer-warm": analyzer(cold: false)
case "analyzer-cold": analyzer(cold: true)
case "all":
    analyzer(cold: false)
    analyzer(cold: true)
    try indexFull()
    try indexNoop()
    try await searchLatency(runs: 1)
default:
    FileHandle.standardError.write(Data("unknown command \(command)\n".utf8))
    exit(2)
}
