import Foundation
import LotseAnalysis
import LotseIndex
import LotseSearch
import LotseSemantic
import LotseTestSupport

// Inputs and indexes of the search latency measurements (`Search/*`, `Suggest/*` and `lotse-bench search`).

/// The two corpora searched: the generated 10k articles and the repository's real `articles/` folder.
public enum SearchCorpus: String, CaseIterable, Sendable {
    case synthetic
    case real

    /// Appended to the benchmark names of the real corpus ("Search/short-articles").
    public var nameSuffix: String { self == .synthetic ? "" : "-articles" }

    public var label: String { self == .synthetic ? "10k synthetic" : "articles/" }
}

/// What one measured iteration does: one `search` or one `suggest` call.
public enum SearchWorkload: String, CaseIterable, Sendable {
    /// `search` with 2–3-word queries.
    case short
    /// `search` with the same queries cut in the middle of the last word (as-you-type).
    case prefix
    /// `suggest` with ~300-word ticket drafts (subject + description).
    case draft

    public func benchmarkName(_ corpus: SearchCorpus) -> String {
        switch self {
        case .short: "Search/short" + corpus.nameSuffix
        case .prefix: "Search/prefix" + corpus.nameSuffix
        case .draft: "Suggest/draft-300w" + corpus.nameSuffix
        }
    }

    /// The invariant: at least this share of the inputs returns ≥ 1 result. Every draft finds something among
    /// 10,000 articles; the 51 real ones do not cover every topic a random draft is about (the engine rightly
    /// suggests nothing rather than noise), so there 80 % as for the queries.
    public func minimumHitRate(_ corpus: SearchCorpus) -> Double { self == .draft && corpus == .synthetic ? 1.0 : 0.8 }
}

/// The fixed inputs. Everything is deterministic: the same list on every run and machine.
public enum SearchInputs {
    public static let limit = 5

    /// Realistic 2–3-word search-box queries built from `SyntheticCorpus`'s vocabulary (which is also the
    /// real help center's): plain ones, compounds written apart, words typed without umlauts (both "ae" and
    /// a bare vowel) and one typo each in some.
    public static let shortQueries: [String] = [
        // Plain
        "Passwort zurücksetzen",
        "E-Mail-Adresse ändern",
        "Rechnungsadresse ändern",
        "Weiterleitung einrichten",
        "Domain kündigen",
        "Postfach einrichten",
        "SSL-Zertifikat aktivieren",
        "Backup wiederherstellen",
        "Zwei-Faktor-Authentifizierung einrichten",
        "Kundennummer finden",
        "Zahlungsart ändern",
        "DNS-Eintrag bearbeiten",
        "Datenbank anlegen",
        "Rechnung Lastschrift bezahlen",
        "Speicherplatz Postfach voll",
        "Vertrag kündigen Frist",
        "Spamfilter Posteingang",
        "Zugangsdaten vergessen",
        "Fehlermeldung Anmeldung Kundencenter",
        "Bankverbindung hinterlegen",
        // Compounds written apart
        "Rechnungs adresse ändern",
        "Kunden nummer finden",
        "Bank verbindung ändern",
        "Kündigungs frist Vertrag",
        "Spam filter deaktivieren",
        "Datenbank benutzer anlegen",
        // Without umlauts
        "Kuendigung bestaetigen",
        "Passwort aendern",
        "Postfach loeschen",
        "Rueckerstattung beantragen",
        "Kundigungsfrist Vertrag",
        "Gebuhren Lastschrift",
        // One typo each
        "Pasword zurücksetzen",
        "Weiterleitnug einrichten",
        "Rechnugsadresse ändern",
        "Zertifkat erneuern",
        "Datenbnak anlegen",
        "Kundencenter Anmledung",
    ]

    /// The short queries cut in the middle of their last word, as while typing ("Rechnungsadresse änd").
    public static let prefixQueries: [String] = shortQueries.map(cutLastWord)

    public static func cutLastWord(_ query: String) -> String {
        guard let space = query.lastIndex(of: " ") else { return String(query.prefix(max(2, query.count / 2))) }
        let last = query[query.index(after: space)...]
        return String(query[...space]) + last.prefix(max(2, last.count / 2))
    }

    /// A ticket draft as the `suggest` call gets it.
    public struct Draft: Sendable {
        public var subject: String
        public var description: String
        /// Whitespace-separated words of subject and description together.
        public var words: Int
    }

    public static let draftCount = 40
    public static let draftWords = 300

    /// `draftCount` drafts of ~300 words (subject + description): a greeting, prose from
    /// `SyntheticCorpus.sampleText` (seed 1000 + number, without Markdown markup) and a sign-off with a name and
    /// a customer number; the subject is the text's first heading or sentence, at most 8 words.
    public static let drafts: [Draft] = (0..<draftCount).map(draft)

    public static func draft(number: Int) -> Draft {
        let greetings = ["Hallo Support-Team,", "Sehr geehrte Damen und Herren,", "Guten Tag,", "Liebes Lindenhost-Team,", "Hallo,"]
        let signOffs = ["Mit freundlichen Grüßen", "Viele Grüße", "Beste Grüße", "Danke im Voraus und viele Grüße"]
        let names = ["Anna Schneider", "Jürgen Weiß", "Mehmet Yılmaz", "Sabine Köhler", "Thomas Müller", "Lea Hoffmann", "Jan Becker"]
        let text = SyntheticCorpus.sampleText(words: draftWords + 100, seed: 1_000 + UInt64(number))
        let lines = text.split(separator: "\n").map { line -> String in
            var line = String(line).replacingOccurrences(of: "**", with: "").replacingOccurrences(of: "`", with: "")
            if line.hasPrefix("## ") { line.removeFirst(3) }
            return line
        }
        let firstLine = lines.first ?? ""
        let firstSentence = firstLine.split(separator: ".", maxSplits: 1).first.map(String.init) ?? firstLine
        let subject = firstSentence.split(separator: " ").prefix(8).joined(separator: " ")
            .trimmingCharacters(in: CharacterSet(charactersIn: " ?!:"))
        let greeting = greetings[number % greetings.count]
        let signature = signOffs[number % signOffs.count] + "\n" + names[number % names.count]
            + "\nKundennummer " + String(100_000 + (number * 7_919) % 900_000)
        let fixedWords = wordCount(subject) + wordCount(greeting) + wordCount(signature)
        var remaining = max(50, draftWords - fixedWords)
        var body: [String] = []
        for line in lines where remaining > 0 {
            let words = line.split(separator: " ").prefix(remaining)
            remaining -= words.count
            body.append(words.joined(separator: " "))
        }
        let description = greeting + "\n\n" + body.joined(separator: "\n\n") + "\n\n" + signature
        return Draft(subject: subject, description: description, words: wordCount(subject) + wordCount(description))
    }

    static func wordCount(_ text: String) -> Int {
        text.split(whereSeparator: { $0 == " " || $0 == "\n" }).count
    }
}

/// An open `SearchEngine` over one corpus plus the inputs; `run` is what one measured iteration calls.
public final class SearchFixture: Sendable {
    public let corpus: SearchCorpus
    public let engine: SearchEngine
    public let indexPath: String
    public let articleCount: Int
    public let options = SearchOptions(limit: SearchInputs.limit)

    /// Opens the corpus's index (building it if needed, never inside a measured region) with the engine's
    /// default two read connections. Without `cachesResults` (the default) every call ranks and builds snippets,
    /// which is what the latency goals are about; with it, repeated inputs are result-cache hits.
    public init(corpus: SearchCorpus, cachesResults: Bool = false) throws {
        self.corpus = corpus
        switch corpus {
        case .synthetic:
            indexPath = try Fixtures.syntheticSearchIndex()
        case .real:
            indexPath = try Fixtures.realSearchIndex()
        }
        engine = try SearchEngine(indexPath: indexPath, cachesResults: cachesResults, semantic: Fixtures.semanticModel,
                                  embedsTypingInBackground: !Fixtures.exactTyping, cacheMemory: Fixtures.cacheMemory)
        articleCount = engine.articleCount
    }

    public func inputCount(_ workload: SearchWorkload) -> Int {
        workload == .draft ? SearchInputs.drafts.count : SearchInputs.shortQueries.count
    }

    /// One query: input `item` (modulo the list) of `workload`. Returns the number of results.
    @inline(never)
    public func run(_ workload: SearchWorkload, item: Int) async throws -> Int {
        switch workload {
        case .short:
            let queries = SearchInputs.shortQueries
            return try await engine.search(queries[item % queries.count], options: options).count
        case .prefix:
            let queries = SearchInputs.prefixQueries
            return try await engine.search(queries[item % queries.count], options: options).count
        case .draft:
            let drafts = SearchInputs.drafts
            let draft = drafts[item % drafts.count]
            return try await engine.suggest(subject: draft.subject, description: draft.description, options: options).count
        }
    }

    /// One unmeasured pass over all inputs that checks the invariant (≥ `minimumHitRate` of the inputs return
    /// a result, none more than the limit) and returns each input's result count. Passes a summary line to `log`
    /// (standard error by default).
    @discardableResult
    public func verify(_ workload: SearchWorkload,
                       log: @Sendable (String) -> Void = { FileHandle.standardError.write(Data(($0 + "\n").utf8)) }) async throws -> [Int] {
        var counts: [Int] = []
        for item in 0..<inputCount(workload) {
            counts.append(try await run(workload, item: item))
        }
        let hits = counts.filter { $0 > 0 }.count
        let rate = Double(hits) / Double(counts.count)
        var message = "\(workload.benchmarkName(corpus)) on \(corpus.label) (\(articleCount) articles): "
            + "\(hits) of \(counts.count) inputs with results, \(counts.reduce(0, +)) results"
        if workload == .draft {
            let words = SearchInputs.drafts.map(\.words)
            message += ", drafts of \(words.min()!)–\(words.max()!) words"
        } else {
            let misses = zip(inputs(workload), counts).filter { $1 == 0 }.map { "\"\($0.0)\"" }
            if !misses.isEmpty { message += "; none for " + misses.joined(separator: ", ") }
        }
        log(message)
        precondition(counts.allSatisfy { $0 <= options.limit }, "more than \(options.limit) results")
        precondition(rate >= workload.minimumHitRate(corpus),
                     "\(workload.benchmarkName(corpus)): only \(hits) of \(counts.count) inputs returned results")
        return counts
    }

    private func inputs(_ workload: SearchWorkload) -> [String] {
        switch workload {
        case .short: SearchInputs.shortQueries
        case .prefix: SearchInputs.prefixQueries
        case .draft: SearchInputs.drafts.map(\.subject)
        }
    }
}

extension Fixtures {
    /// `$LOTSE_BENCH_CACHE_MB` megabytes for the engine's caches (as `lotse serve --cache-memory`), else the standard.
    public static let cacheMemory: CacheMemory = {
        guard let text = ProcessInfo.processInfo.environment["LOTSE_BENCH_CACHE_MB"], let megabytes = Int(text) else { return .standard }
        return CacheMemory(megabytes: megabytes)
    }()

    /// `$LOTSE_BENCH_EXACT_TYPING=1`: every search-box text waits for its own embedding (as `lotse evaluate`), not
    /// embedded in the background as `lotse serve` does.
    public static let exactTyping = ProcessInfo.processInfo.environment["LOTSE_BENCH_EXACT_TYPING"] == "1"

    /// The sentence encoder when `$LOTSE_BENCH_SEMANTIC` names its directory (hybrid ranking, article vectors
    /// in the index); nil otherwise (lexical-only, as before).
    public static let semanticModel: SemanticModel? = {
        guard let directory = ProcessInfo.processInfo.environment["LOTSE_BENCH_SEMANTIC"], !directory.isEmpty else { return nil }
        do { return try SemanticModel(directory: directory) } catch { fatalError("LOTSE_BENCH_SEMANTIC: \(error)") }
    }()

    /// The real help-center articles: `$LOTSE_BENCH_ARTICLES`, else `articles/` of the repository this package
    /// sits in.
    public static var realArticlesDirectory: String {
        if let directory = ProcessInfo.processInfo.environment["LOTSE_BENCH_ARTICLES"], !directory.isEmpty { return directory }
        var url = URL(fileURLWithPath: #filePath) // …/Benchmarks/Sources/BenchmarkFixtures/SearchFixtures.swift
        for _ in 0..<4 { url.deleteLastPathComponent() }
        return url.appendingPathComponent("articles").path
    }

    /// Index of the real articles, built into the per-process scratch folder (a fraction of a second).
    public static func realSearchIndex() throws -> String {
        let index = (try scratch() as NSString).appendingPathComponent("articles.sqlite")
        if FileManager.default.fileExists(atPath: index) { return index }
        let report = try IndexBuilder(configuration: IndexConfiguration(
            articlesDirectory: realArticlesDirectory, indexPath: index, full: true, keepGoing: true, semantic: semanticModel)).build()
        precondition(report.articleCount > 0 && report.wroteIndex, "no articles in \(realArticlesDirectory): \(report.summary)")
        if !report.rejected.isEmpty {
            FileHandle.standardError.write(Data("articles/: \(report.rejected.count) files rejected\n".utf8))
        }
        return index
    }

    /// Index of the 10k synthetic corpus, shared by all benchmark processes: built once (~30 s) into the
    /// temporary directory under a name that fingerprints the corpus and this executable's bytes (so an index
    /// made by other library code is never reused), then only opened. Older indexes of the same executable
    /// are removed. Building goes to the scratch folder and is renamed into place, so concurrent processes
    /// never see a partial file.
    public static func syntheticSearchIndex() throws -> String {
        // An index of this corpus made elsewhere (`lotse index [--no-semantic]`): a rebuilt bench binary need not
        // re-embed 10,000 articles (~9 min under load) to compare engine code on the same file.
        if let given = ProcessInfo.processInfo.environment["LOTSE_BENCH_INDEX"], !given.isEmpty { return given }
        let corpus = try corpus()
        var hash = StableHash()
        hash.add((try? String(contentsOfFile: (corpus as NSString).appendingPathComponent(".complete"), encoding: .utf8)) ?? "")
        hash.add(AnalyzerResources.empty.version)
        hash.add(ArticleVectors.signature(of: semanticModel) ?? "lexical")
        let executable = executablePath
        if let data = try? Data(contentsOf: URL(fileURLWithPath: executable), options: .alwaysMapped) {
            data.withUnsafeBytes { hash.add(bytes: $0) }
        } else {
            hash.add(UUID().uuidString) // unknown code: never reuse
        }
        let prefix = "lotse-bench-index-\((executable as NSString).lastPathComponent)-"
        let directory = (NSTemporaryDirectory() as NSString).standardizingPath
        let cached = (directory as NSString).appendingPathComponent(prefix + hash.hex + ".sqlite")
        if let engine = try? SearchEngine(indexPath: cached, connectionCount: 1, semantic: semanticModel),
           engine.articleCount == articleCount, engine.isSemantic == (semanticModel != nil) {
            return cached
        }
        FileHandle.standardError.write(Data("building the 10k search index (once per executable build) …\n".utf8))
        let building = (try scratch() as NSString).appendingPathComponent("synthetic.sqlite")
        let report = try IndexBuilder(configuration: IndexConfiguration(articlesDirectory: corpus, indexPath: building, full: true,
                                                                        semantic: semanticModel)).build()
        precondition(report.articleCount == articleCount && report.rejected.isEmpty, report.summary)
        for name in (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? [] where name.hasPrefix(prefix) {
            try? FileManager.default.removeItem(atPath: (directory as NSString).appendingPathComponent(name))
        }
        guard rename(building, cached) == 0 else { throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: cached]) }
        return cached
    }

    private static var executablePath: String {
        #if os(Linux)
        if let path = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") { return path }
        #endif
        return Bundle.main.executablePath ?? CommandLine.arguments[0]
    }
}
