import Foundation
import GRDB
import LotseAnalysis
import LotseIndex

/// What the help-center pages read besides searches: an article by its address, every address for the sitemap,
/// and the articles to read next.
extension SearchEngine {
    /// The article served at `url` (`/hilfe/kategorie/artikel`), or nil.
    public func article(url: String) async throws -> ArticleDetail? {
        try await article(where: "url", is: url)
    }

    /// The article whose `column` (`id` or `url`, both unique) is `value`.
    func article(where column: StaticString, is value: String) async throws -> ArticleDetail? {
        let sql = "SELECT id, title, category, tags, lang, url, updated, ticket_only, html FROM articles WHERE \(column) = ?"
        // Built inside the closure: an ArticleDetail is Sendable (a Row is not), so the read is asynchronous.
        return try await connection.read { db in
            try Row.fetchOne(db, sql: sql, arguments: [value]).map { row in
                let tags = (row[3] as String).split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
                return ArticleDetail(id: row[0], title: row[1], category: row[2], tags: tags, lang: row[4], url: row[5],
                                     updated: row[6], ticketOnly: row[7], html: row[8])
            }
        }
    }

    /// Every article's address, category and last update, by address. (An index built before every article had
    /// a url, served as it is by a replica, gets the derived one where its column is empty.)
    public func addresses() async throws -> [(url: String, category: String, updated: String?)] {
        try await connection.read { db in
            try Row.fetchAll(db, sql: "SELECT url, category, updated, id FROM articles").map {
                (url: $0[0] ?? ArticleAddress.derived(category: $0[1], id: $0[3]), category: $0[1], updated: $0[2])
            }.sorted { $0.url < $1.url }
        }
    }

    /// Up to `limit` articles to read after `article`, in its language: two of its category (the closest to it
    /// first), then its closest neighbours of any category (lexical, hybrid with a semantic model), then more of
    /// its category.
    public func related(to article: ArticleDetail, limit: Int = 5) async throws -> [SearchResult] {
        let language = Language(rawValue: article.lang)
        let neighbours = try await answer(.draft(subject: article.title, description: article.tags.joined(separator: " ")),
                                          options: SearchOptions(limit: limit * 2, language: language, minimumScore: 0))
            .filter { $0.id != article.id }
        let siblings = try await articles(inCategory: article.category,
                                          options: SearchOptions(limit: SearchOptions.maximumLimit, language: language))
            .filter { $0.id != article.id }
        let siblingIDs = Set(siblings.map(\.id))
        var chosen: [SearchResult] = []
        func add(_ candidates: [SearchResult], upTo count: Int) {
            for candidate in candidates where chosen.count < count && !chosen.contains(where: { $0.id == candidate.id }) {
                chosen.append(candidate)
            }
        }
        add(neighbours.filter { siblingIDs.contains($0.id) }, upTo: 2)
        add(siblings, upTo: 2)
        add(neighbours, upTo: limit)
        add(siblings, upTo: limit)
        return chosen
    }
}

extension SearchEngine {
    /// Every article's id, title, address and number of learned words (0 without learning), by id: the dashboard's list.
    public func articleSummaries() async throws -> [(id: String, title: String, url: String, learnedWords: Int)] {
        try await connection.read { db in
            let learned = try LearnedTable.counts(db)
            return try Row.fetchAll(db, sql: "SELECT id, title, url, category FROM articles ORDER BY id").map { row in
                let id: String = row[0]
                let url: String = row[2] ?? ArticleAddress.derived(category: row[3], id: id)
                return (id: id, title: row[1], url: url, learnedWords: learned[id] ?? 0)
            }
        }
    }
}
