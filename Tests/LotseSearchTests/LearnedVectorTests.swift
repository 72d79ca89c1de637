import Foundation
import GRDB
import LotseIndex
import LotseSearch
import LotseSemantic
import LotseTestSupport
import Testing

/// The learned vector (README "Learning from outcomes"): with `--semantic`, what an article learned is embedded as
/// one more vector, so a customer's paraphrase comes closer to the article by meaning where it shares no word with
/// the article's learned words; the vector follows the learned words (blocklist, erasure, `--no-learning`).
/// Needs the model of `make deps`, like `SemanticRankingTests`.
@Suite(.serialized) struct LearnedVectorTests {
    private static func build(_ workspace: ArticleWorkspace, _ outcomes: [(String, String, String)]?,
                              blocklist: LearningBlocklist = LearningBlocklist(), semantic model: SemanticModel) throws {
        var configuration = workspace.configuration()
        configuration.semantic = model
        configuration.learning = outcomes.map { outcomes in
            .learn(LearningConfiguration(outcomes: outcomes.map { CustomerWords(session: $0.0, articleID: $0.1, text: $0.2) },
                                         blocklist: blocklist))
        } ?? .off
        try IndexBuilder(configuration: configuration).build()
    }

    private static func vectors(_ workspace: ArticleWorkspace) throws -> [String: Data] {
        try workspace.inspector().queue.read { db in
            guard try db.tableExists("learned_vectors") else { return [:] }
            return Dictionary(uniqueKeysWithValues: try Row.fetchAll(db, sql: "SELECT article_id, vector FROM learned_vectors").map {
                ($0[0] as String, $0[1] as Data)
            })
        }
    }

    private static func similarity(_ workspace: ArticleWorkspace, _ model: SemanticModel, _ query: String) async throws -> [String: Float] {
        let engine = try SearchEngine(indexPath: workspace.indexPath, connectionCount: 1, semantic: model)
        return try #require(try await engine.fusionFeatures(.query(query))).similarity
    }

    /// Three customers' words for the customer-number article: the query below has none of them.
    static let hotline = [
        ("s1", "kundennummer-finden", "Hotline will eine Kennung von mir"),
        ("s2", "kundennummer-finden", "welche Kennung gebe ich am Telefon an"),
        ("s3", "kundennummer-finden", "Kennung für den Anruf fehlt"),
    ]

    @Test("a learned vector brings an article closer to a paraphrase that shares no word with what it learned")
    func liftsByMeaning() async throws {
        guard let model = try SemanticTestModel.load() else { return }
        let workspace = try ArticleWorkspace(readingArticlesAt: ArticleWorkspace.repositoryArticles)
        let query = "Was will der Support am Apparat von mir hören?"
        try Self.build(workspace, nil, semantic: model)
        let before = try await Self.similarity(workspace, model, query)
        try Self.build(workspace, Self.hotline, semantic: model)
        let learned = try #require(try await workspace.engine().learnedWords(articleID: "kundennummer-finden")).map(\.word)
        #expect(Set(learned).isDisjoint(with: ["support", "apparat", "horen"]), "no query word was learned: \(learned)")
        #expect(try Self.vectors(workspace).keys.sorted() == ["kundennummer-finden"])
        let after = try await Self.similarity(workspace, model, query)
        let lifted = try #require(after["kundennummer-finden"]), was = try #require(before["kundennummer-finden"])
        #expect(lifted > was + 0.02, "similarity \(was) → \(lifted)")
        #expect(after["passwort-zuruecksetzen"] == before["passwort-zuruecksetzen"], "an article that learned nothing keeps its similarity")
    }

    @Test("the learned vector follows the learned words: a blocked word changes it, erasure and --no-learning remove it")
    func followsTheLearning() async throws {
        guard let model = try SemanticTestModel.load() else { return }
        let workspace = try ArticleWorkspace(readingArticlesAt: ArticleWorkspace.repositoryArticles)
        try Self.build(workspace, Self.hotline, semantic: model)
        let first = try #require(try Self.vectors(workspace)["kundennummer-finden"])
        try Self.build(workspace, Self.hotline, semantic: model)
        #expect(try Self.vectors(workspace)["kundennummer-finden"] == first, "unchanged words, the same vector")
        try Self.build(workspace, Self.hotline, blocklist: LearningBlocklist(text: "kundennummer-finden hotline"), semantic: model)
        let blocked = try #require(try Self.vectors(workspace)["kundennummer-finden"])
        #expect(blocked != first, "the vector is of the words left after the block")
        try Self.build(workspace, [], semantic: model)
        #expect(try Self.vectors(workspace).isEmpty, "outcomes erased: nothing learned, no vector")
        try Self.build(workspace, Self.hotline, semantic: model)
        try Self.build(workspace, nil, semantic: model)
        #expect(try Self.vectors(workspace).isEmpty, "--no-learning: no vector")
    }
}
