import GRDB
import Glibc
import LotseAnalysis
import LotseIndex

/// What the query side needs from the index, loaded once per index file into memory.
struct IndexStatistics: Sendable {
    var documentCount: Int
    /// Every indexed term (words, stems, parts, joined forms) → number of articles containing it.
    var documentFrequency: TermCounts
    var compoundDictionary: [String: Int]
    var languages: Set<Language>
    var categories: [String: Int]
    /// The same per article language: a French visitor's category list holds French articles only.
    var categoriesByLanguage: [Language: [String: Int]]
    var analyzerVersion: String

    static func load(_ db: Database) throws -> IndexStatistics {
        try db.execute(sql: "CREATE VIRTUAL TABLE IF NOT EXISTS temp.lotse_vocab USING fts5vocab(main, fts, row)")
        let rows = try Row.fetchCursor(db, sql: "SELECT term, doc FROM temp.lotse_vocab")
        var terms: [(String, Int)] = []
        while let row = try rows.next() { terms.append((row[0], row[1])) }
        var compounds: [String: Int] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT word, frequency FROM compounds") { compounds[row[0]] = row[1] }
        let languages = Set(try String.fetchAll(db, sql: "SELECT DISTINCT lang FROM articles").compactMap(Language.init(rawValue:)))
        var categories: [String: Int] = [:]
        var categoriesByLanguage: [Language: [String: Int]] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT lang, category, count(*) FROM articles GROUP BY lang, category") {
            let (category, count): (String, Int) = (row[1], row[2])
            categories[category, default: 0] += count
            if let language = Language(rawValue: row[0]) { categoriesByLanguage[language, default: [:]][category] = count }
        }
        return IndexStatistics(
            documentCount: try Int.fetchOne(db, sql: "SELECT count(*) FROM articles") ?? 0,
            documentFrequency: TermCounts(terms), compoundDictionary: compounds,
            languages: languages, categories: categories, categoriesByLanguage: categoriesByLanguage,
            analyzerVersion: try IndexStore.meta(db, IndexMetaKey.analyzerVersion) ?? "unknown")
    }

    /// Folded words (no stems) → document frequency: the vocabulary for typo correction (`SortedVocabulary`
    /// keeps it; the statistics do not).
    static func words(_ db: Database) throws -> [String: Int] {
        var words: [String: Int] = [:]
        let rows = try Row.fetchCursor(db, sql: "SELECT term, df FROM terms")
        while let row = try rows.next() { words[row[0]] = row[1] }
        return words
    }

    /// Robertson–Spärck Jones idf, never negative.
    func idf(documentFrequency df: Int) -> Double {
        let n = Double(max(documentCount, 1))
        return log(1 + (n - Double(df) + 0.5) / (Double(df) + 0.5))
    }
}
