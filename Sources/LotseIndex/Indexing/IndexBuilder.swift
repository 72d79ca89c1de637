import Foundation
import GRDB
import LotseAnalysis
import Synchronization

/// Builds the index from the articles directory: unchanged files (same content hash, same analyzer) are
/// copied from the previous index instead of re-parsed, everything is written into a temporary file, checked,
/// and renamed over the old index, so readers never see a half-built index and a failed build changes nothing.
public struct IndexBuilder: Sendable {
    public var configuration: IndexConfiguration
    /// Called after each file is looked at: (files done, files in total).
    public var progress: (@Sendable (Int, Int) -> Void)?
    /// Called after each article is embedded (with a semantic model): (articles done, articles to embed).
    public var embeddingProgress: (@Sendable (Int, Int) -> Void)?

    public init(configuration: IndexConfiguration, progress: (@Sendable (Int, Int) -> Void)? = nil) {
        self.configuration = configuration
        self.progress = progress
    }

    /// The report is what `lotse index` prints; a caller that only needs the index (tests, tools) may drop it.
    @discardableResult
    public func build() throws -> BuildReport {
        let started = ContinuousClock.now
        let indexPath = configuration.indexPath
        try FileManager.default.createDirectory(atPath: (indexPath as NSString).deletingLastPathComponent.nonEmpty ?? ".",
                                                withIntermediateDirectories: true)
        let lock = try BuildLock(indexPath: indexPath)
        defer { lock.release() }

        let analyzerVersion = AnalyzerResources.empty.version
        // With --full (or another analyzer) nothing is kept, but the previous articles still count as updated or removed.
        let existing = PreviousIndex.load(path: indexPath)
        let previous = existing?.analyzerVersion == analyzerVersion && !configuration.full ? existing : nil
        let (files, unreadable) = try SourceFile.scan(directory: configuration.articlesDirectory)
        let parsed = parseChanged(files, previous: previous)
        var plan = BuildPlan(rejected: unreadable)
        for (file, outcome) in zip(files, parsed) {
            switch outcome {
            case nil: plan.keep(previous!.entries[file.relativePath]!, display: file.displayPath)
            case .success(let article): plan.add(article, from: file, replacing: existing?.entries[file.relativePath] != nil)
            case .failure(let error): plan.rejected.append(error)
            }
        }
        plan.rejected.sort { $0.file < $1.file }
        if plan.kept.isEmpty, plan.parsed.isEmpty, let count = existing?.entries.count, count > 0, !configuration.allowEmpty {
            throw IndexError.noArticles(path: configuration.articlesDirectory, previous: count)
        }
        if !plan.rejected.isEmpty, !configuration.keepGoing {
            throw IndexError.rejectedArticles(plan.rejected)
        }

        var report = BuildReport()
        report.added = plan.parsed.count - plan.replacedCount
        report.updated = plan.replacedCount
        report.unchanged = plan.kept.count
        report.removed = (existing?.entries.count ?? 0) - plan.kept.count - plan.replacedCount
        report.rejected = plan.rejected
        // Hashing every outcome costs time on a large log: once per build.
        let learningInputs = configuration.learning.fingerprint
        if let previous, previous.entries.count == plan.kept.count, plan.parsed.isEmpty, previous.hasCurrentSchema,
           previous.semanticModel == ArticleVectors.signature(of: configuration.semantic),
           keepsLearning(of: previous, inputs: learningInputs) {
            report.learnedWords = previous.learnedWords
            report.seconds = (ContinuousClock.now - started) / .seconds(1)
            return report
        }
        try write(plan, previousPath: previous == nil ? nil : indexPath, analyzerVersion: analyzerVersion, learningInputs: learningInputs,
                  report: &report)
        report.wroteIndex = true
        report.seconds = (ContinuousClock.now - started) / .seconds(1)
        return report
    }

    /// Parses every file whose content changed, on all cores (cmark-gfm and libxml2 parse documents
    /// independently); nil for files the previous index already has with the same hash.
    private func parseChanged(_ files: [SourceFile], previous: PreviousIndex?) -> [Result<Article, ArticleParseError>?] {
        let outcomes = Mutex([Result<Article, ArticleParseError>?](repeating: nil, count: files.count))
        let done = Atomic<Int>(0)
        DispatchQueue.concurrentPerform(iterations: files.count) { index in
            let file = files[index]
            if let entry = previous?.entries[file.relativePath], entry.hash == file.hash {
                // kept: stays nil
            } else {
                let outcome = Result { () throws(ArticleParseError) in try ArticleParser.parse(file.data, file: file.displayPath) }
                outcomes.withLock { $0[index] = outcome }
            }
            progress?(done.wrappingAdd(1, ordering: .relaxed).newValue, files.count)
        }
        return outcomes.withLock { $0 }
    }

    /// Whether the previous index's learned column is what this build would write (`inputs`: this build's
    /// `Learning.fingerprint`).
    private func keepsLearning(of previous: PreviousIndex, inputs: String?) -> Bool {
        switch configuration.learning {
        case .keep: true
        case .off: previous.learnedWords == 0
        case .learn: inputs == nil ? previous.learnedWords == 0 : previous.learningInputs == inputs
        }
    }

    /// Counts what it embedded and learned in `report`.
    private func write(_ plan: BuildPlan, previousPath: String?, analyzerVersion: String, learningInputs: String?,
                       report: inout BuildReport) throws {
        var embedded = 0, learnedCounts = (words: 0, articles: 0)
        let indexPath = configuration.indexPath
        // The dictionary is read while the articles are: only a build that learns needs it.
        let dictionary = SideThread { () -> WordList in
            guard case .learn(let learning) = configuration.learning, !learning.outcomes.isEmpty else { return WordList() }
            return WordList.load(learning.wordLists, cachePath: indexPath + ".wordlists")
        }
        let temporaryPath = indexPath + ".building"
        try? FileManager.default.removeItem(atPath: temporaryPath)
        do {
            let (queue, context) = try IndexStore.openForBuild(path: temporaryPath, resources: .empty)
            try queue.writeWithoutTransaction { db in
                try IndexSchema.create(db)
                try IndexSchema.startBulkLoad(db)
                if let previousPath { try copyKept(plan.kept, from: previousPath, db) }
                if let previousPath, let model = configuration.semantic { try ArticleVectors.copy(from: previousPath, model: model, db) }
                try db.inTransaction {
                    // Kept rows were copied first; the parsed ones follow them in rowid order.
                    let kept = try IndexedRow.fetchAll(db)
                    let parsed = IndexedRow.numbering(plan.parsed.map(\.article), after: kept.last?.rowid ?? 0)
                    let rows = kept + parsed
                    let languages = try articleLanguages(plan, db)
                    // Counting only reads `rows`: it runs on the other threads while this one inserts the articles. Learning
                    // from outcomes needs the vocabulary, so such a build inserts them after learning, with their learned
                    // text, instead of rewriting every row with an UPDATE.
                    let counting = SideThread { Vocabulary.counting(rows) }
                    let insertsFirst = !configuration.learning.needsVocabulary
                    let inserted = insertsFirst ? Result { try insert(plan.parsed, as: parsed, learned: [:], db) } : .success(())
                    let (vocabulary, words) = counting.join()
                    try inserted.get()
                    let compounds = vocabulary.compoundDictionary
                    context.resources = AnalyzerResources(compoundDictionary: compounds)
                    try writeStatistics(vocabulary, compounds: compounds, db)
                    let learned = try learnedWords(vocabulary, dictionary: dictionary.join(), languages: languages)
                    learnedCounts = (learned.values.reduce(0) { $0 + $1.count }, learned.count)
                    let learnedTexts = try LearnedTable.write(learned, db)
                    if !insertsFirst { try insert(plan.parsed, as: parsed, learned: learnedTexts, db) }
                    try LearnedTable.fillColumn(learnedTexts, of: insertsFirst ? rows : kept, db)
                    if let model = configuration.semantic {
                        embedded = try ArticleVectors.fill(db, model: model, progress: embeddingProgress)
                        try LearnedVectors.write(learned, model: model, previousPath: previousPath, db)
                    }
                    try indexText(rows, words: words, learned: learnedTexts, db, context: context)
                    try writeMeta(db, analyzerVersion: analyzerVersion, count: plan.kept.count + plan.parsed.count,
                                  learnedWords: learnedCounts.words, learningInputs: learningInputs)
                    return .commit
                }
                try IndexSchema.endBulkLoad(db)
                try db.execute(sql: "INSERT INTO fts(fts) VALUES('optimize')")
                try verify(db, expected: plan.kept.count + plan.parsed.count)
                try db.execute(sql: "PRAGMA journal_mode = DELETE")
            }
            try queue.close()
            try Durability.replace(indexPath, with: temporaryPath)
        } catch {
            try? FileManager.default.removeItem(atPath: temporaryPath)
            throw error
        }
        report.embedded = embedded
        (report.learnedWords, report.learnedArticles) = learnedCounts
    }

    /// What each article learned: from the outcomes, or the previous index's words for the articles still there.
    private func learnedWords(_ vocabulary: Vocabulary, dictionary: WordList,
                              languages: [String: Language]) throws -> [String: [LearnedWord]] {
        switch configuration.learning {
        case .off:
            return [:]
        case .keep:
            return LearnedTable.all(path: configuration.indexPath).filter { languages[$0.key] != nil }
        case .learn(let learning):
            let terms = vocabulary.terms
            return LearnedField.learn(learning, articles: languages, isCorpusWord: { terms[$0] != nil }, dictionary: dictionary)
        }
    }

    /// The language of every article the new index will have: those kept (already in the table) and those parsed.
    private func articleLanguages(_ plan: BuildPlan, _ db: Database) throws -> [String: Language] {
        var languages: [String: Language] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT id, lang FROM articles") { languages[row[0]] = Language(rawValue: row[1]) ?? .de }
        for item in plan.parsed { languages[item.article.id] = item.article.language }
        return languages
    }

    private func copyKept(_ kept: [PreviousIndex.Entry], from previousPath: String, _ db: Database) throws {
        guard !kept.isEmpty else { return }
        try db.execute(sql: "ATTACH DATABASE ? AS previous", arguments: [previousPath])
        try db.execute(sql: "CREATE TEMP TABLE kept(rowid INTEGER PRIMARY KEY)")
        let statement = try db.makeStatement(sql: "INSERT INTO kept(rowid) VALUES (?)")
        for entry in kept { try statement.execute(arguments: [entry.rowid]) }
        try db.execute(sql: """
            INSERT INTO articles(id, path, hash, lang, title, headings, tags, body, category, url, updated, ticket_only, html)
            SELECT id, path, hash, lang, title, headings, tags, body, category, url, updated, ticket_only, html
            FROM previous.articles WHERE rowid IN (SELECT rowid FROM kept)
            """)
        try db.execute(sql: "DROP TABLE kept")
        try db.execute(sql: "DETACH DATABASE previous")
    }

    /// Inserts the parsed articles as `rows` (their rowids and FTS columns) say, with their learned column (by article id).
    private func insert(_ parsed: [BuildPlan.Parsed], as rows: [IndexedRow], learned: [String: String], _ db: Database) throws {
        let statement = try db.makeStatement(sql: """
            INSERT INTO articles(
                rowid, id, path, hash, lang, title, headings, tags, body, category, url, updated, ticket_only, html, learned)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        for (item, row) in zip(parsed, rows) {
            let article = item.article
            try statement.execute(arguments: [
                row.rowid, article.id, item.path, item.hash, article.language.rawValue,
                row.columns[0], row.columns[1], row.columns[2], row.columns[3],
                article.category, article.url, article.updated, article.ticketOnly, article.html, learned[article.id] ?? "",
            ])
        }
    }

    private func writeStatistics(_ vocabulary: Vocabulary, compounds dictionary: [String: Int], _ db: Database) throws {
        let terms = try db.makeStatement(sql: "INSERT INTO terms(term, df, cf) VALUES (?, ?, ?)")
        for (term, counts) in vocabulary.terms {
            try terms.execute(arguments: [term, counts.documents, counts.occurrences])
        }
        try db.execute(sql: "CREATE TABLE compounds(word TEXT PRIMARY KEY, frequency INTEGER NOT NULL) WITHOUT ROWID")
        let compounds = try db.makeStatement(sql: "INSERT INTO compounds(word, frequency) VALUES (?, ?)")
        for (word, frequency) in dictionary {
            try compounds.execute(arguments: [word, frequency])
        }
        try db.execute(sql: "CREATE TABLE spellings(word TEXT PRIMARY KEY, spelling TEXT NOT NULL) WITHOUT ROWID")
        let spellings = try db.makeStatement(sql: "INSERT INTO spellings(word, spelling) VALUES (?, ?)")
        for (word, spelling) in vocabulary.spellings {
            try spellings.execute(arguments: [word, spelling])
        }
    }

    /// Writes every row into FTS5 in rowid order. Workers analyse the rows ahead of this thread; the tokenizer
    /// replays their token streams, so SQLite's single thread does no analysis.
    /// `learned`: the learned column by article id (analysed by the workers too).
    private func indexText(_ rows: [IndexedRow], words: RowWords, learned: [String: String], _ db: Database,
                           context: TokenizerContext) throws {
        let statement = try db.makeStatement(sql: "INSERT INTO fts(rowid, title, headings, tags, body, learned) VALUES (?, ?, ?, ?, ?, ?)")
        defer { context.prepared = nil }
        try TokenPipeline.run(rows, words: words, learned: learned, resources: context.resources) { pipeline in
            for (index, row) in rows.enumerated() {
                context.language = row.language
                context.prepared = pipeline.take(index)
                try statement.execute(arguments: [row.rowid, row.columns[0], row.columns[1], row.columns[2], row.columns[3],
                                                  learned[row.id] ?? ""])
            }
        }
    }

    private func writeMeta(_ db: Database, analyzerVersion: String, count: Int, learnedWords: Int, learningInputs: String?) throws {
        var values = [
            IndexMetaKey.analyzerVersion: analyzerVersion,
            IndexMetaKey.builtAt: ISO8601DateFormatter().string(from: Date()),
            IndexMetaKey.articleCount: String(count),
            IndexMetaKey.learnedWords: String(learnedWords),
        ]
        values[IndexMetaKey.learningInputs] = learningInputs
        for (key, value) in values {
            try db.execute(sql: "INSERT INTO meta(key, value) VALUES (?, ?)", arguments: [key, value])
        }
    }

    /// The checks before the new file may replace the old one.
    private func verify(_ db: Database, expected: Int) throws {
        let quickCheck = try String.fetchOne(db, sql: "PRAGMA quick_check")
        let rows = try Int.fetchOne(db, sql: "SELECT count(*) FROM articles") ?? -1
        try db.execute(sql: "INSERT INTO fts(fts) VALUES('integrity-check')")
        guard quickCheck == "ok", rows == expected else {
            throw DatabaseError(message: "new index failed its checks (quick_check: \(quickCheck ?? "none"), rows: \(rows) of \(expected))")
        }
    }
}

private extension String {
    var nonEmpty: String? { isEmpty ? nil : self }
}
