import Foundation
import LotseSearch

/// Recall@1, Recall@3 and MRR@10 over answered queries, and how many unanswerable queries got suggestions.
/// Recall@k counts a query as found when any of its relevant articles is among the first k results.
public struct RelevanceReport: Sendable {
    public struct Miss: Sendable {
        public var query: JudgedQuery
        public var results: [String]
    }

    public var answered = 0
    public var foundAt1 = 0
    public var foundAt3 = 0
    public var foundAt10 = 0
    public var reciprocalRankSum = 0.0
    public var unanswerable = 0
    public var unanswerableWithResults = 0
    public var misses: [Miss] = []
    public var byKind: [String: (count: Int, foundAt3: Int)] = [:]

    public var recallAt1: Double { answered == 0 ? 0 : Double(foundAt1) / Double(answered) }
    public var recallAt3: Double { answered == 0 ? 0 : Double(foundAt3) / Double(answered) }
    public var recallAt10: Double { answered == 0 ? 0 : Double(foundAt10) / Double(answered) }
    public var mrrAt10: Double { answered == 0 ? 0 : reciprocalRankSum / Double(answered) }

    /// Lotse's answer to every query (its search-box query, or its draft).
    public static func evaluate(_ queries: [JudgedQuery], engine: SearchEngine, options: SearchOptions) async throws -> RelevanceReport {
        try await evaluate(queries) { try await engine.answer($0.input, options: options).map(\.id) }
    }

    /// Runs `search` (returning article ids, best first) for every query.
    public static func evaluate(_ queries: [JudgedQuery], search: (JudgedQuery) async throws -> [String]) async rethrows -> RelevanceReport
    {
        var report = RelevanceReport()
        for query in queries {
            let results = try await search(query)
            guard query.isAnswerable else {
                report.unanswerable += 1
                if !results.isEmpty { report.unanswerableWithResults += 1 }
                continue
            }
            report.answered += 1
            let rank = results.prefix(10).firstIndex { query.relevant.contains($0) }.map { $0 + 1 }
            if let rank {
                if rank == 1 { report.foundAt1 += 1 }
                if rank <= 3 { report.foundAt3 += 1 }
                report.foundAt10 += 1
                report.reciprocalRankSum += 1 / Double(rank)
            }
            if rank.map({ $0 > 3 }) ?? true { report.misses.append(Miss(query: query, results: Array(results.prefix(5)))) }
            var kind = report.byKind[query.kind] ?? (0, 0)
            kind.count += 1
            if let rank, rank <= 3 { kind.foundAt3 += 1 }
            report.byKind[query.kind] = kind
        }
        return report
    }

    public var summary: String {
        String(format: "Recall@1 %.3f  Recall@3 %.3f  Recall@10 %.3f  MRR@10 %.3f  (%d answered)  unanswerable with results: %d of %d",
               recallAt1, recallAt3, recallAt10, mrrAt10, answered, unanswerableWithResults, unanswerable)
    }

    public static func load(_ path: String) throws -> [JudgedQuery] {
        try JSONDecoder().decode([JudgedQuery].self, from: Data(contentsOf: URL(fileURLWithPath: path)))
    }
}
