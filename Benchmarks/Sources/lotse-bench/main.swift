import BenchmarkFixtures
import Foundation
import LotseAnalysis
import LotseIndex
import LotseSearch
import LotseTestSupport

// The benchmark suite's measurements without the ordo-one plugin: medians over N runs, release build.
//   swift run -c release lotse-bench
//       [all|index-full|index-noop|analyzer-warm|analyzer-cold|search|traffic|curation|encoder|sample|text|draft|corpus|
//        vocabulary]
//       [--runs N] [--articles N] [--words N] [--number N]
//       search:  [--queries N] [--warmup N] [--corpus synthetic|real] [--only short|prefix|draft] [--detail]
//                [--cold [--warm-terms N]] [--result-cache]
//       traffic: [--queries N] [--drafts N] [--worst N] [--corpus synthetic|real] [--only typed|drafts|worst]
//                [--warm-terms N] [--result-cache] [--pause-ms N] [--every-match]
//       curation: [--pins N] [--queries N] [--warm-terms N]   typed traffic without and with a pins file, same run
//       encoder: [--drafts N]   CPU per embedding, bfloat16 kernel against OpenBLAS float32 (LOTSE_BENCH_SEMANTIC)
// `search` runs the traffic workloads (distinct inputs, each asked once) and then the "cached mix" (a few
// dozen inputs in rotation); `traffic` only the former.
// Small inputs make it a profiling harness, e.g.
//   valgrind --tool=callgrind .build/release/lotse-bench index-full --runs 1 --articles 500

var arguments = Array(CommandLine.arguments.dropFirst())
@MainActor func option(_ name: String, default value: Int) -> Int {
    guard let index = arguments.firstIndex(of: name), index + 1 < arguments.count, let number = Int(arguments[index + 1]) else {
        return value
    }
    arguments.removeSubrange(index...(index + 1))
    return number
}
let runsGiven = arguments.contains("--runs")
let queriesGiven = arguments.contains("--queries")
let runs = option("--runs", default: 5)
let articles = option("--articles", default: Fixtures.articleCount)
let words = option("--words", default: Fixtures.sampleWords)
let number = option("--number", default: 1)
let queries = option("--queries", default: 2_000)
let warmup = option("--warmup", default: 200)
/// Traffic: how many of the distinct drafts (default all) and worst-case inputs of each kind (default 3).
let draftLimit = option("--drafts", default: Int.max)
let worstCount = option("--worst", default: 2)
/// With --cold: read the postings of this many of the most common terms into the fresh engine first, as
/// `lotse serve` does after starting (0: a fresh engine as opened).
let warmTerms = option("--warm-terms", default: 0)
let pinCount = option("--pins", default: 200)
/// Traffic, typed: a pause after each query (not timed), as between keystrokes: with the encoder off the request
/// path (hybrid), how many texts get their own embedding in time depends on it.
let pauseMilliseconds = option("--pause-ms", default: 0)
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
/// Traffic: every match is shown (`--minimum-score 0`), so that each input's result rows and snippets are read: the
/// synthetic corpus answers none of the drafts, and the answer decision would leave that work out.
let everyMatch = arguments.contains("--every-match")
arguments.removeAll { $0 == "--detail" || $0 == "--cold" || $0 == "--result-cache" || $0 == "--every-match" }
let corpusFilter = stringOption("--corpus")
let workloadFilter = stringOption("--only")
let command = arguments.first ?? "all"

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
        let elapsed = (clock.now - started) / .seconds(1)
        times.append(elapsed)
        amounts.append(amount(result))
        print("  \(name) run \(run): \(format(elapsed)) s, \(format(Double(amount(result)) / elapsed, 0)) \(unit)/s")
    }
    let medianTime = median(times)
    let medianRate = median(zip(times, amounts).map { Double($1) / $0 })
    print(
        "\(name): median \(format(medianTime)) s over \(times.count) runs (min \(format(times.min()!)), max \(format(times.max()!))), "
        + "median \(format(medianRate, 0)) \(unit)/s"
    )
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
@MainActor func searchLatency(runs: Int, traffic withTraffic: Bool = true, cachedMix: Bool = true) async throws {
    let corpora = SearchCorpus.allCases.filter { corpusFilter == nil || $0.rawValue == corpusFilter }
    let workloads = cachedMix ? SearchWorkload.allCases.filter { workloadFilter == nil || $0.rawValue == workloadFilter } : []
    let trafficParts = withTraffic ? TrafficPart.allCases.filter { workloadFilter == nil || $0.rawValue == workloadFilter } : []
    precondition(!corpora.isEmpty && !(workloads.isEmpty && trafficParts.isEmpty), "unknown --corpus or --only value")
    defer { Fixtures.removeScratch() }
    var table: [LatencyRow] = []
    let clock = ContinuousClock()
    let loadBefore = loadAverage()
    if !trafficParts.isEmpty {
        // Distinct traffic on the 10k corpus unless --corpus says otherwise.
        for corpus in corpusFilter == nil ? [SearchCorpus.synthetic] : corpora {
            table += try await traffic(corpus: corpus, parts: trafficParts)
        }
    }
    for corpus in corpora where !workloads.isEmpty {
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
                    print(
                        "\(name) [\(corpus.label)] warmed the fresh engine with \(read) common terms in "
                        + "\(format((clock.now - started) / .seconds(1))) s"
                    )
                }
                var times: [Double] = []
                for item in 0..<fresh.inputCount(workload) {
                    let started = clock.now
                    _ = try await fresh.run(workload, item: item)
                    times.append((clock.now - started) / .milliseconds(1))
                }
                times.sort()
                print(
                    "\(name) [\(corpus.label)] cold, first call of each input on a fresh engine: p50 \(format(percentile(times, 50))) ms, "
                      + "p99 \(format(percentile(times, 99))) ms, max \(format(times.last!)) ms over \(times.count) calls")
                table.append(LatencyRow(name: name + " (cached mix, cold)", corpus: corpus.label, p50: percentile(times, 50),
                                        p99: percentile(times, 99), max: times.last!, count: times.count))
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
                    times.append((clock.now - started) / .milliseconds(1))
                    byInput[index].append(times[times.count - 1])
                    precondition(
                        count == expected[index], "\(name) input \(index): \(count) results, \(expected[index]) in the verification pass")
                    item += 1
                }
                times.sort()
                all += times
                print("  \(name) run \(run): p50 \(format(percentile(times, 50))) ms, p99 \(format(percentile(times, 99))) ms, "
                      + "max \(format(times.last!)) ms over \(times.count) calls")
            }
            all.sort()
            print("\(name) (cached mix) [\(corpus.label)]: p50 \(format(percentile(all, 50))) ms, p99 \(format(percentile(all, 99))) ms, "
                  + "max \(format(all.last!)) ms over \(all.count) calls")
            table.append(LatencyRow(name: name + " (cached mix)", corpus: corpus.label, p50: percentile(all, 50),
                                    p99: percentile(all, 99), max: all.last!, count: all.count))
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
    print("\n| Benchmark | Corpus | p50 ms | p99 ms | max ms | CPU ms/call (mean / max) | calls | with results |\n"
          + "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |")
    for row in table {
        let cpu = row.cpu.map { "\(format($0.mean, 1)) / \(format($0.max, 1))" } ?? ""
        let answered = row.answered.map { "\(format(100 * Double($0) / Double(max(1, row.count)), 1)) %" } ?? ""
        print(
            "| \(row.name) | \(row.corpus) | \(format(row.p50)) | \(format(row.p99)) | \(format(row.max)) | \(cpu) | \(row.count) | "
            + "\(answered) |"
        )
    }
    if !trafficParts.isEmpty {
        print("\nTraffic rows: every input distinct and asked once (no repeats), engine opened "
              + (resultCache ? "WITH its result cache (--result-cache)" : "without its result cache") + "; CPU ms = process CPU time"
              + " (CLOCK_PROCESS_CPUTIME_ID, all threads) per call. Cached-mix rows: a few dozen inputs in rotation.")
    }
    print(
        "\nload average (1/5/15 min) before: \(loadBefore), after: \(loadAverage()) on \(ProcessInfo.processInfo.activeProcessorCount) "
        + "cores"
    )
}

/// One row of the latency table.
struct LatencyRow {
    var name: String
    var corpus: String
    var p50: Double
    var p99: Double
    var max: Double
    var count: Int
    /// Process CPU time per call, ms (traffic rows).
    var cpu: (mean: Double, max: Double)? = nil
    /// Calls that returned ≥ 1 result (traffic rows).
    var answered: Int? = nil
}

/// The traffic workloads: `typed` (each distinct typed query of Benchmarks/traffic/queries.txt once), `drafts`
/// (each distinct ~300-word draft of drafts.jsonl once), `worst` (suggest with 20,000 characters of random
/// 10-letter words, search with one 20,000-letter word).
enum TrafficPart: String, CaseIterable {
    case typed, drafts, worst
}

/// CPU time (user + system) so far, in milliseconds: of the whole process, or (CLOCK_THREAD_CPUTIME_ID) of the
/// calling thread.
func cpuMilliseconds(_ clock: clockid_t = CLOCK_PROCESS_CPUTIME_ID) -> Double {
    var time = timespec()
    clock_gettime(clock, &time)
    return Double(time.tv_sec) * 1_000 + Double(time.tv_nsec) / 1_000_000
}

/// Runs `count` distinct calls once each on a freshly opened engine (sequentially, no warm-up: with distinct
/// inputs there is nothing to warm up on but the index itself). `call(i)` returns the result count.
/// `input`: the text of input i, for `$LOTSE_BENCH_TIMES` (a path prefix: each row's inputs are written to
/// `PREFIX-ROW` as index, ms, CPU ms and the text, tab-separated, to find the slow ones).
@MainActor func timeDistinct(_ name: String, corpus: SearchCorpus, count: Int, limit: Int, pause: Duration = .zero,
                             input: (Int) -> String = { _ in "" }, _ call: (Int) async throws -> Int) async rethrows -> LatencyRow {
    let clock = ContinuousClock()
    var times: [Double] = []
    var cpu: [Double] = []
    times.reserveCapacity(count)
    cpu.reserveCapacity(count)
    var answered = 0
    for item in 0..<count {
        let cpuBefore = cpuMilliseconds()
        let started = clock.now
        let results = try await call(item)
        times.append((clock.now - started) / .milliseconds(1))
        cpu.append(cpuMilliseconds() - cpuBefore)
        precondition(results <= limit, "\(name) input \(item): \(results) results, more than the limit \(limit)")
        if results > 0 { answered += 1 }
        if pause > .zero { try? await Task.sleep(for: pause) }
        if count <= 10 {
            print("  \(name) input \(item): \(format(times[item], 1)) ms, CPU \(format(cpu[item], 1)) ms, \(results) results")
            fflush(nil) // progress in a log file while slow calls go on
        }
    }
    if let prefix = ProcessInfo.processInfo.environment["LOTSE_BENCH_TIMES"], !prefix.isEmpty {
        let lines = times.indices.map { "\($0)\t\(times[$0])\t\(cpu[$0])\t\(input($0))\n" }
        try? lines.joined().write(toFile: prefix + "-" + name.replacingOccurrences(of: "/", with: "_"), atomically: true, encoding: .utf8)
    }
    let sorted = times.sorted()
    let row = LatencyRow(name: name, corpus: corpus.label, p50: percentile(sorted, 50), p99: percentile(sorted, 99),
                         max: sorted.last!, count: count, cpu: (cpu.reduce(0, +) / Double(count), cpu.max()!), answered: answered)
    print("\(name) [\(corpus.label)]: p50 \(format(row.p50)) ms, p99 \(format(row.p99)) ms, max \(format(row.max)) ms over "
          + "\(count) distinct inputs, CPU \(format(row.cpu!.mean, 2)) ms/call mean, \(format(row.cpu!.max, 1)) max; "
          + "\(answered) with results")
    fflush(nil)
    return row
}

@MainActor func traffic(corpus: SearchCorpus, parts: [TrafficPart]) async throws -> [LatencyRow] {
    let fixture = try SearchFixture(corpus: corpus, cachesResults: resultCache)
    let engine = fixture.engine
    var options = fixture.options
    if everyMatch { options.minimumScore = 0 }
    let suffix = everyMatch ? "-every-match" : ""
    print("traffic on \(corpus.label): \(fixture.articleCount) articles (\(fixture.indexPath)); stream \(TrafficInputs.directory): "
          + "\(TrafficInputs.queries.count) distinct queries, \(TrafficInputs.drafts.count) distinct drafts")
    if warmTerms > 0 {
        let started = ContinuousClock.now
        let read = await engine.warm(terms: engine.commonTerms(limit: warmTerms), until: .now + .seconds(300))
        let took = (ContinuousClock.now - started) / .seconds(1)
        print("warmed the engine with \(read) common terms in \(format(took)) s (as lotse serve does)")
    }
    print("resident memory after opening and warming: \(residentMemory())")
    var rows: [LatencyRow] = []
    for part in parts {
        switch part {
        case .typed:
            let stream = TrafficInputs.queries.prefix(queriesGiven ? queries : Int.max)
            let cpuBefore = cpuMilliseconds()
            rows.append(try await timeDistinct("Search/typed-distinct" + suffix, corpus: corpus, count: stream.count, limit: options.limit,
                                               pause: .milliseconds(pauseMilliseconds), input: { stream[stream.startIndex + $0] }) { item in
                try await engine.search(stream[stream.startIndex + item], options: options).count
            })
            // Work off the request path (the encoder) may run during the pauses: the process's CPU over the run.
            let cpuPerQuery = (cpuMilliseconds() - cpuBefore) / Double(stream.count)
            print("process CPU over the typed run: \(format(cpuPerQuery, 2)) ms per query")
            if let (exact, older, without) = engine.typedEmbeddingCounts {
                print("semantic: \(exact) typed texts ranked with their own embedding, \(older) with an older text's, "
                      + "\(without) lexical-only (nothing embedded yet)\(Fixtures.exactTyping ? "" : "; encoder off the request path")")
            }
            print("resident memory after the typed run: \(residentMemory())")
            printCacheCounts(engine, after: "the typed run")
        case .drafts:
            let drafts = TrafficInputs.drafts.prefix(draftLimit)
            let words = drafts.map(\.words)
            print("drafts: \(drafts.count), \(words.min()!)–\(words.max()!) words, median \(Int(median(words.map { Double($0) }))) words")
            rows.append(
                try await timeDistinct("Suggest/draft-distinct-300w" + suffix, corpus: corpus, count: drafts.count, limit: options.limit,
                                       input: { drafts[drafts.startIndex + $0].subject }) { item in
                let draft = drafts[drafts.startIndex + item]
                return try await engine.suggest(subject: draft.subject, description: draft.description, options: options).count
            })
            printCacheCounts(engine, after: "the drafts")
        case .worst:
            rows.append(try await timeDistinct("Worst/suggest-20k-chars", corpus: corpus, count: worstCount, limit: options.limit) { item in
                try await engine.suggest(subject: "", description: TrafficInputs.hostileDraft(number: item), options: options).count
            })
            rows.append(
                try await timeDistinct("Worst/search-20k-letter-word", corpus: corpus, count: worstCount, limit: options.limit) { item in
                try await engine.search(TrafficInputs.hostileWord(number: item), options: options).count
            })
        }
    }
    return rows
}

/// Each search cache's hit rate since the engine opened (warming included) and its fill.
func printCacheCounts(_ engine: SearchEngine, after: String) {
    let parts = engine.cacheCounts.map { name, counts in
        "\(name) \(format(counts.hitRate * 100, 1)) % hits, \(counts.bytes >> 20) of \(counts.budget >> 20) MB"
    }
    print("caches after \(after): " + parts.joined(separator: "; "))
}

/// Generates (or finds) the 10k corpus and prints its directory (Benchmarks/load/lib.sh uses the last line).
@MainActor func corpusCommand(countWords: Bool) throws {
    let started = ContinuousClock.now
    let corpus = try Fixtures.corpus(articles: articles)
    let message = "corpus ready in \(format((ContinuousClock.now - started) / .seconds(1), 1)) s: \(articles) articles, "
        + "\(Fixtures.corpusBytes(corpus) / 1_000_000) MB, long tail \(SyntheticCorpus.LongTail.path) "
        + "(\(SyntheticCorpus.LongTail.wordCount) usable entries)\n"
    FileHandle.standardError.write(Data(message.utf8))
    if countWords {
        let counted = try Fixtures.vocabulary(of: corpus)
        print("vocabulary of \(corpus): \(counted.words) words, \(counted.distinct) distinct (lowercased letter runs), "
              + "\(counted.distinctFolded) distinct folded analyzer words")
    }
    print(corpus)
}

/// "1.23 0.98 0.75" from /proc/loadavg (Linux), else "n/a".
/// The process's resident memory from /proc/self/smaps_rollup (as Benchmarks/load/server_rss.sh reads a server's):
/// all of it, anonymous, file-backed.
func residentMemory() -> String {
    guard let text = try? String(contentsOfFile: "/proc/self/smaps_rollup", encoding: .utf8) else { return "n/a" }
    func kilobytes(_ field: String) -> Int {
        let line = text.split(separator: "\n").first { $0.hasPrefix(field + ":") }
        return line.flatMap { Int($0.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first ?? "") } ?? 0
    }
    let rss = kilobytes("Rss"), anonymous = kilobytes("Anonymous")
    return "\(rss >> 10) MB (anonymous \(anonymous >> 10) MB, file \((rss - anonymous) >> 10) MB)"
}

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
case "traffic": try await searchLatency(runs: 1, cachedMix: false)
case "encoder": try encoderCost(limit: draftLimit)
case "curation": try await curationCost(pinCount: pinCount, queryLimit: queriesGiven ? queries : Int.max, warmTerms: warmTerms)
case "corpus": try corpusCommand(countWords: false)
case "vocabulary": try corpusCommand(countWords: true)
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
