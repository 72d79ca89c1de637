import Foundation
import GRDB
import LotseIndex
import LotseSearch
import LotseTestSupport
import Testing

/// The index's record of what was learned (`learned_words`, one row per article): what `lotse learned`, the dashboard
/// and a build that keeps the learning read back.
@Suite("Learned table")
struct LearnedTableTests {
    /// Two sessions each, so every word is learned whatever the dictionaries say; "zugang" is used more often, so it
    /// comes first in the column although "rechnung" comes first alphabetically.
    private static let outcomes = [
        CustomerWords(session: "s1", articleID: "passwort-zuruecksetzen", text: "Rechnung Zugang Zugang"),
        CustomerWords(session: "s2", articleID: "passwort-zuruecksetzen", text: "rechnung zugang"),
        CustomerWords(session: "s3", articleID: "kundennummer", text: "Rechnung"),
    ]

    private static func build(_ workspace: ArticleWorkspace, _ learning: Learning) throws {
        var configuration = workspace.configuration()
        configuration.learning = learning
        _ = try IndexBuilder(configuration: configuration).build()
    }

    /// Each article's learned column as stored, by id.
    private static func columns(_ workspace: ArticleWorkspace) throws -> [String: String] {
        try workspace.inspector().queue.read { db in
            let rows = try Row.fetchAll(db, sql: "SELECT id, learned FROM articles")
            return Dictionary(uniqueKeysWithValues: rows.map { ($0[0] as String, $0[1] as String) })
        }
    }

    /// So the next build writes a new file instead of keeping the old one.
    private static func touchArticle(_ workspace: ArticleWorkspace) throws {
        try workspace.write(ArticleFixtures.postfach + "\nAuch am Telefon.\n", to: "postfach-einrichten.md")
    }

    @Test("words show most sessions first, then alphabetically; the column has the most used first; the dashboard counts them")
    func wordsAndColumn() async throws {
        let workspace = try ArticleWorkspace(files: ArticleFixtures.markdownSet)
        try Self.build(workspace, .learn(LearningConfiguration(outcomes: Self.outcomes)))
        let engine = try workspace.engine()
        #expect(try await engine.learnedWords(articleID: "passwort-zuruecksetzen") == [
            LearnedWord(word: "rechnung", weight: 2, sessions: 2), LearnedWord(word: "zugang", weight: 2, sessions: 2),
        ])
        #expect(try Self.columns(workspace)["passwort-zuruecksetzen"] == "zugang zugang rechnung rechnung")
        let counts = Dictionary(uniqueKeysWithValues: try await engine.articleSummaries().map { ($0.id, $0.learnedWords) })
        #expect(counts == ["passwort-zuruecksetzen": 2, "kundennummer": 1, "postfach-einrichten": 0])
    }

    @Test("a build that keeps the learning writes exactly the learned column and words of the build that learned")
    func keepingReproducesLearning() async throws {
        let workspace = try ArticleWorkspace(files: ArticleFixtures.markdownSet)
        try Self.build(workspace, .learn(LearningConfiguration(outcomes: Self.outcomes)))
        let learnedColumns = try Self.columns(workspace)
        let learnedWords = try await workspace.engine().learnedWords(articleID: "passwort-zuruecksetzen")

        try Self.touchArticle(workspace)
        try Self.build(workspace, .keep)
        #expect(try Self.columns(workspace) == learnedColumns)
        #expect(try await workspace.engine().learnedWords(articleID: "passwort-zuruecksetzen") == learnedWords)
    }

    @Test("an index with the older table of one row per word is read, and a build that keeps its learning converts it")
    func olderTableRead() async throws {
        let workspace = try ArticleWorkspace(files: ArticleFixtures.markdownSet)
        try Self.build(workspace, .learn(LearningConfiguration(outcomes: Self.outcomes)))
        let expected = try await workspace.engine().learnedWords(articleID: "passwort-zuruecksetzen")
        let older = try DatabaseQueue(path: workspace.indexPath)
        try await older.write { db in
            try db.execute(sql: """
                CREATE TABLE learned(article_id TEXT NOT NULL, word TEXT NOT NULL, weight INTEGER NOT NULL, sessions INTEGER NOT NULL,
                                     PRIMARY KEY(article_id, word)) WITHOUT ROWID;
                INSERT INTO learned VALUES ('passwort-zuruecksetzen', 'zugang', 2, 2), ('passwort-zuruecksetzen', 'rechnung', 2, 2),
                                           ('kundennummer', 'rechnung', 1, 1);
                DROP TABLE learned_words;
                """)
        }
        try older.close()
        #expect(try await workspace.engine().learnedWords(articleID: "passwort-zuruecksetzen") == expected)
        #expect(try await workspace.engine().articleSummaries().first { $0.id == "kundennummer" }?.learnedWords == 1)

        try Self.touchArticle(workspace)
        try Self.build(workspace, .keep)
        #expect(try workspace.inspector().count(sql: "SELECT count(*) FROM learned_words") == 2)
        #expect(try await workspace.engine().learnedWords(articleID: "passwort-zuruecksetzen") == expected)
        #expect(try Self.columns(workspace)["kundennummer"] == "rechnung")
    }
}
