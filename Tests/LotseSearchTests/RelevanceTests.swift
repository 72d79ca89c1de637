import Foundation
import LotseIndex
import Testing
@testable import LotseSearch

/// Measured relevance on the judged query set for `articles/`, asserted against the floors of the issues,
/// with the stock FTS5 unicode61 baseline scored in the same run.
@Suite(.serialized) struct RelevanceTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func buildIndex() throws -> String {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("lotse-relevance-\(UUID().uuidString)")
        let indexPath = directory.appendingPathComponent("index.sqlite").path
        _ = try IndexBuilder(configuration: IndexConfiguration(
            articlesDirectory: root.appendingPathComponent("articles").path, indexPath: indexPath)).build()
        return indexPath
    }

    static func judged() throws -> [JudgedQuery] {
        try RelevanceReport.load(root.appendingPathComponent("Tests/LotseSearchTests/Fixtures/judged-queries.json").path)
    }

    @Test func judgedSetMeetsRecallAndMRRFloors() async throws {
        let indexPath = try Self.buildIndex()
        let queries = try Self.judged()
        #expect(queries.count >= 120)
        #expect(queries.filter { !$0.isAnswerable }.count == 10)

        let engine = try SearchEngine(indexPath: indexPath, connectionCount: 1)
        let lotse = try await RelevanceReport.evaluate(queries) { query in
            let options = SearchOptions(limit: 10)
            let results = if let text = query.query {
                try await engine.search(text, options: options)
            } else {
                try await engine.suggest(subject: query.subject ?? "", description: query.description ?? "", options: options)
            }
            return results.map(\.id)
        }
        let baselineEngine = try BaselineSearch(indexPath: indexPath)
        let baseline = try await RelevanceReport.evaluate(queries) { try baselineEngine.search($0.text) }
        print("lotse    \(lotse.summary)\nbaseline \(baseline.summary)")

        #expect(lotse.recallAt3 >= 0.93, "Recall@3 \(lotse.recallAt3)")
        #expect(lotse.mrrAt10 >= 0.85, "MRR@10 \(lotse.mrrAt10)")
        #expect(lotse.recallAt1 >= 0.80, "Recall@1 \(lotse.recallAt1)")
        #expect(lotse.unanswerableWithResults <= 2, "unanswerable queries with suggestions: \(lotse.unanswerableWithResults)")
        #expect(lotse.recallAt3 > baseline.recallAt3)
        #expect(lotse.mrrAt10 > baseline.mrrAt10)
        // Typos and missing umlauts are where plain FTS5 fails; Lotse must not.
        for kind in ["typo", "noumlaut"] {
            let measured = lotse.byKind[kind]!
            #expect(Double(measured.foundAt3) / Double(measured.count) >= 0.9, "\(kind)")
        }
    }

    @Test func typingReplayFindsTheAnswerEarly() async throws {
        let engine = try SearchEngine(indexPath: try Self.buildIndex(), connectionCount: 1)
        let drafts = try Self.judged().filter { $0.kind == "draft" }
        let replay = try await TypingReplay.run(drafts) { subject, description in
            try await engine.suggest(subject: subject, description: description, options: SearchOptions(limit: 3)).map(\.id)
        }
        print(String(format: "typing replay: first %.3f, stays %.3f, never %d", replay.medianShare, replay.medianStableShare, replay.neverFound))
        #expect(replay.outcomes.count == drafts.count)
        #expect(replay.medianShare <= 0.4)
        #expect(replay.medianStableShare <= 0.4)
        #expect(replay.neverFound <= 2)
    }
}
