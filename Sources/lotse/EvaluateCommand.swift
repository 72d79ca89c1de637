import ArgumentParser
import Foundation
import LotseEvaluation
import LotseIndex
import LotseSearch

/// Scores a judged query set with Lotse and with the plain FTS5 baseline, in the same run.
struct EvaluateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "evaluate", abstract: "Measure relevance on a judged query set.")

    @Option(help: "Index file to read.")
    var index = IndexConfiguration.defaultIndexPath

    @Argument(help: "Judged queries (JSON).")
    var judged: String

    @Flag(help: "List the answered queries Lotse misses in the top 3.")
    var misses = false

    @Option(help: "A fixed minimum score instead of the answer decision (0 shows every match).")
    var minimumScore: Double?

    @OptionGroup var semantic: SemanticOptions
    @OptionGroup var curation: CurationOptions

    @Option(help: "Write each query's ranking without the answer decision and its evidence as JSON lines (tuning).")
    var features: String?

    @Option(help: ArgumentHelp("Write each query's lexical candidates and every article's cosine as JSON lines (fusion tuning).",
                               visibility: .hidden))
    var fusionFeatures: String?

    @Option(help: ArgumentHelp("The learned field's weight, for tuning it (scripts/learning_replay.py).", visibility: .hidden))
    var learnedWeight = SearchEngine.defaultLearnedWeight

    func run() async throws {
        let queries = try RelevanceReport.load(judged)
        let model = try semantic.load(index: index)
        let engine = try SearchEngine(indexPath: index, connectionCount: 1, semantic: model, fusion: semantic.fusionParameters,
                                      learnedWeight: learnedWeight)
        try curation.apply(to: engine)
        let note = semantic.lexicalOnlyNote(engine: engine, model: model, index: index).map { " (semantic search off: \($0))" }
        print("ranking: \(engine.isSemantic ? "hybrid (lexical + semantic)" : "lexical-only")\(note ?? "")")
        let options = SearchOptions(limit: 10, minimumScore: minimumScore)
        let lotse = try await RelevanceReport.evaluate(queries, engine: engine, options: options)
        let baselineEngine = try BaselineSearch(indexPath: index)
        let baseline = try await RelevanceReport.evaluate(queries) { try baselineEngine.search($0.text) }
        print("queries: \(queries.count)")
        print("lotse     \(lotse.summary)")
        print("baseline  \(baseline.summary)")
        print("Recall@3 by kind (lotse / baseline):")
        for kind in lotse.byKind.keys.sorted() {
            let ours = lotse.byKind[kind]!, theirs = baseline.byKind[kind]!
            print(String(format: "  %-9@ %3d queries  %.3f / %.3f", kind, ours.count,
                         Double(ours.foundAt3) / Double(ours.count), Double(theirs.foundAt3) / Double(theirs.count)))
        }
        let drafts = queries.filter { $0.kind == "draft" }
        let replay = try await TypingReplay.run(drafts, engine: engine, options: SearchOptions(limit: 3, minimumScore: minimumScore))
        let replayFormat = "typing replay (%d drafts, suggestions every 3 characters): a right article first in the top 3 after %.1f %% "
            + "of the text (median), and stays there from %.1f %%; never: %d"
        print(String(format: replayFormat, replay.outcomes.count, replay.medianShare * 100, replay.medianStableShare * 100,
                     replay.neverFound))
        if let features { try await writeFeatures(queries, engine: engine, to: features) }
        if let fusionFeatures { try await writeFusionFeatures(queries, engine: engine, to: fusionFeatures) }
        if misses {
            for miss in lotse.misses {
                let text = miss.query.text.prefix(90).replacingOccurrences(of: "\n", with: " / ")
                print("miss \(miss.query.id) [\(miss.query.kind)] \(text) → want \(miss.query.relevant) got \(miss.results)")
            }
        }
    }

    private func writeFeatures(_ queries: [JudgedQuery], engine: SearchEngine, to path: String) async throws {
        struct Line: Encodable {
            var id: String, kind: String, relevant: [String], results: [String], evidence: AnswerEvidence?, answered: Bool
        }
        try await writeLines(queries, to: path) { query in
            let (ids, evidence) = try await engine.explain(query.input, limit: 10)
            return Line(id: query.id, kind: query.kind, relevant: query.relevant, results: ids, evidence: evidence,
                        answered: !ids.isEmpty && evidence.map(AnswerDecision.answers) == true)
        }
    }

    private func writeFusionFeatures(_ queries: [JudgedQuery], engine: SearchEngine, to path: String) async throws {
        struct Line: Encodable {
            var id: String, kind: String, relevant: [String], features: FusionFeatures?
        }
        try await writeLines(queries, to: path) { query in
            Line(id: query.id, kind: query.kind, relevant: query.relevant, features: try await engine.fusionFeatures(query.input))
        }
    }

    /// One JSON object per query and line.
    private func writeLines(_ queries: [JudgedQuery], to path: String, _ line: (JudgedQuery) async throws -> some Encodable) async throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        var output = Data()
        for query in queries {
            output += try encoder.encode(try await line(query))
            output += Data("\n".utf8)
        }
        try output.write(to: URL(fileURLWithPath: path))
    }
}
