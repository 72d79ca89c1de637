import Foundation
import LotseEvaluation
import LotseIndex
import LotseTestSupport
import Testing
@testable import LotseSearch

/// What the learned column gives the lexical ranking (issue 18, README "Learning from outcomes"): a log of solved
/// drafts made of the tuning split (every answerable query of judged-queries.json, the odd ids of heldout-queries.json
/// and of the paraphrase set, one session each, as `scripts/learning_replay.py --part heldout` posts them), and the
/// held-out paraphrases (even ids) scored lexical-only with and without it.
@Suite(.serialized) struct LearningRelevanceTests {
    /// The tuning split as solved drafts: subject (or query) and description, as the deflections' learning text is
    /// made (`LearningQueries`). `ticket_only` articles are left out: the portal refuses their deflections.
    static func tuningLog() throws -> [CustomerWords] {
        let odd = { (query: JudgedQuery) in Int(query.id.dropFirst())! % 2 == 1 }
        let queries = try RelevanceTests.judged("judged-queries.json") + RelevanceTests.judged("heldout-queries.json").filter(odd)
            + RelevanceTests.judged("paraphrase-queries.json").filter(odd)
        return try queries.enumerated().compactMap { index, query -> CustomerWords? in
            guard let article = query.relevant.first, try !isTicketOnly(article) else { return nil }
            let text = [query.subject ?? query.query ?? "", query.description ?? ""].filter { !$0.isEmpty }.joined(separator: "\n")
            return CustomerWords(session: "tuning-\(index)", articleID: article, text: text)
        }
    }

    private static func isTicketOnly(_ article: String) throws -> Bool {
        let path = ArticleWorkspace.repositoryArticles + "/\(article).md"
        guard FileManager.default.fileExists(atPath: path) else { return false }
        return try String(contentsOfFile: path, encoding: .utf8).contains("\nticket_only: true")
    }

    private static func engine(_ workspace: ArticleWorkspace, learning: Learning) throws -> SearchEngine {
        var configuration = workspace.configuration(full: true)
        configuration.learning = learning
        try IndexBuilder(configuration: configuration).build()
        return try workspace.engine()
    }

    /// Measured once (2026-12-06 04:37 UTC, main's ranking, the whole tuning split in the log): held-out paraphrases
    /// R@1 .429 / R@3 .771 without learning, .571 / .829 with it (×1.33; the replay's 75 % logs: .577, BENCHMARKS.md).
    /// The floors sit one query under that measurement and ten points above the ranking without learning.
    @Test("a log of the tuning split lifts the held-out paraphrases' Recall@1 by ten points or more, lexical-only")
    func tuningLogLiftsHeldOutParaphrases() async throws {
        let heldOut = try SemanticRankingTests.paraphrases(heldOut: true)
        let log = try Self.tuningLog()
        #expect(log.count >= 200, "\(log.count) solved drafts")
        let workspace = try ArticleWorkspace(readingArticlesAt: ArticleWorkspace.repositoryArticles)
        let without = try await RelevanceTests.evaluate(heldOut, try Self.engine(workspace, learning: .off))
        let learning = Learning.learn(LearningConfiguration(outcomes: log))
        let learned = try await RelevanceTests.evaluate(heldOut, try Self.engine(workspace, learning: learning))
        print("paraphrases held out, lexical, no learning  \(without.summary)")
        print("paraphrases held out, lexical, tuning log  \(learned.summary)")
        #expect(learned.recallAt1 >= 0.54, "Recall@1 \(learned.recallAt1)")
        #expect(learned.recallAt1 >= without.recallAt1 + 0.1, "Recall@1 \(without.recallAt1) → \(learned.recallAt1)")
        #expect(learned.recallAt3 >= without.recallAt3, "Recall@3 \(without.recallAt3) → \(learned.recallAt3)")
    }

    @Test("an empty log learns nothing: every judged query ranks exactly as without learning")
    func emptyLogKeepsTheRanking() async throws {
        let queries = try RelevanceTests.judged("judged-queries.json") + RelevanceTests.judged("paraphrase-queries.json")
        let workspace = try ArticleWorkspace(readingArticlesAt: ArticleWorkspace.repositoryArticles)
        let options = SearchOptions(limit: 10, minimumScore: 0)
        func rankings(_ engine: SearchEngine) async throws -> [[String]] {
            var rankings: [[String]] = []
            for query in queries { rankings.append(try await engine.answer(query.input, options: options).map(\.id)) }
            return rankings
        }
        let without = try await rankings(try Self.engine(workspace, learning: .off))
        let empty = try await rankings(try Self.engine(workspace, learning: .learn(LearningConfiguration(outcomes: []))))
        #expect(without.filter { !$0.isEmpty }.count >= queries.count / 2)
        #expect(empty == without)
    }
}
