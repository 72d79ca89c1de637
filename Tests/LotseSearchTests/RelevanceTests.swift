import Foundation
import LotseEvaluation
import LotseTestSupport
import Testing
@testable import LotseSearch

/// Measured relevance on the judged query sets, asserted against floors, with the stock FTS5 unicode61
/// baseline scored in the same run. The tuning part (judged-queries.json, odd ids of heldout-queries.json) may
/// be tuned on; the held-out part (even ids) never is, and is asserted on its own (Fixtures/README.md).
@Suite(.serialized) struct RelevanceTests {
    static let root = URL(fileURLWithPath: ArticleWorkspace.repositoryRoot)
    static let fixtures = root.appendingPathComponent("Tests/LotseSearchTests/Fixtures")
    static let xquad = root.deletingLastPathComponent().appendingPathComponent("shared/eval/xquad_de")

    /// An engine over a fresh index of the repository's `articles/`, and the index's path.
    static func withArticlesEngine<T>(_ body: (SearchEngine, String) async throws -> T) async throws -> T {
        let workspace = try ArticleWorkspace(readingArticlesAt: ArticleWorkspace.repositoryArticles)
        try workspace.build()
        return try await body(try workspace.engine(), workspace.indexPath)
    }

    static func judged(_ file: String) throws -> [JudgedQuery] {
        try RelevanceReport.load(fixtures.appendingPathComponent(file).path)
    }

    /// The held-out part: even ids of heldout-queries.json.
    static func heldOut() throws -> [JudgedQuery] {
        try judged("heldout-queries.json").filter { Int($0.id.dropFirst())! % 2 == 0 }
    }

    static func evaluate(_ queries: [JudgedQuery], _ engine: SearchEngine, minimumScore: Double? = nil) async throws -> RelevanceReport {
        try await RelevanceReport.evaluate(queries, engine: engine, options: SearchOptions(limit: 10, minimumScore: minimumScore))
    }

    /// Lotse with its defaults and stock FTS5 on `queries`, over one fresh index of `articles/`, printed under `label`.
    static func lotseAndBaseline(_ queries: [JudgedQuery],
                                 label: String) async throws -> (lotse: RelevanceReport, baseline: RelevanceReport) {
        try await withArticlesEngine { engine, indexPath in
            let lotse = try await evaluate(queries, engine)
            let baselineEngine = try BaselineSearch(indexPath: indexPath)
            let baseline = try await RelevanceReport.evaluate(queries) { try baselineEngine.search($0.text) }
            print("\(label) lotse    \(lotse.summary)\n\(label) baseline \(baseline.summary)")
            return (lotse, baseline)
        }
    }

    @Test func tuningSetMeetsRecallAndMRRFloors() async throws {
        let queries = try Self.judged("judged-queries.json")
        #expect(queries.count >= 120)
        let (lotse, baseline) = try await Self.lotseAndBaseline(queries, label: "tuning  ")
        #expect(lotse.recallAt3 >= 0.95, "Recall@3 \(lotse.recallAt3)")
        #expect(lotse.mrrAt10 >= 0.90, "MRR@10 \(lotse.mrrAt10)")
        #expect(lotse.recallAt1 >= 0.85, "Recall@1 \(lotse.recallAt1)")
        #expect(lotse.unanswerableWithResults <= 4, "unanswerable queries with suggestions: \(lotse.unanswerableWithResults)")
        #expect(lotse.recallAt3 > baseline.recallAt3)
        #expect(lotse.mrrAt10 > baseline.mrrAt10)
        // Typos and missing umlauts are where plain FTS5 fails; Lotse must not.
        for kind in ["typo", "noumlaut"] {
            let measured = lotse.byKind[kind]!
            #expect(Double(measured.foundAt3) / Double(measured.count) >= 0.9, "\(kind)")
        }
    }

    /// tuning2-queries.json, the second tuning set (Fixtures/README.md): floors a little under its measurement
    /// (.731 / .885 / .946 / .808, out of scope 19 of 30: drafts ranked from their matchable words answer one
    /// more out-of-scope draft here and 3 more right ones, separable verbs one more, t151's "wie richte ich … ein";
    /// BENCHMARKS.md "Relevance").
    @Test func secondTuningSetMeetsFloors() async throws {
        let queries = try Self.judged("tuning2-queries.json")
        #expect(queries.count == 160)
        let (lotse, baseline) = try await Self.lotseAndBaseline(queries, label: "tuning2 ")
        let measured = [lotse.recallAt1, lotse.recallAt3, lotse.recallAt10, lotse.mrrAt10]
        for (value, floor) in zip(measured, [0.70, 0.84, 0.90, 0.77]) { #expect(value >= floor, "R@1, @3, @10, MRR@10: \(measured)") }
        // Stock FTS5 finds more at Recall@3 and @10 here (.869 / .969), but ranks worse.
        #expect(lotse.mrrAt10 > baseline.mrrAt10)
        #expect(lotse.unanswerableWithResults <= 19, "out of scope answered \(lotse.unanswerableWithResults) of \(lotse.unanswerable)")
    }

    /// symptom-queries.json (Fixtures/README.md): a topic and a symptom ("login klappt nicht"), split separable verbs.
    /// Odd ids tuned on, even ids held out; floors a little under the measurement (.697 / .879 and .688 / .844 Recall@1
    /// / @3; before symptom words left the AND and separable verbs were rejoined .636 / .818 and .562 / .781).
    @Test func symptomQueriesMeetFloors() async throws {
        let queries = try Self.judged("symptom-queries.json")
        #expect(queries.count == 80)
        try await Self.withArticlesEngine { engine, _ in
            for (part, floors) in [("tuning", [0.66, 0.84]), ("held out", [0.65, 0.81])] {
                let measured = try await Self.evaluate(queries.filter { Int($0.id.dropFirst())! % 2 == (part == "tuning" ? 1 : 0) }, engine)
                print("symptoms \(part)  \(measured.summary)")
                #expect(measured.recallAt1 >= floors[0] && measured.recallAt3 >= floors[1], "\(part): \(measured.summary)")
            }
        }
    }

    /// Never tuned on: what a new help center's customers would see.
    @Test func heldOutSetMeetsFloors() async throws {
        let queries = try Self.heldOut()
        #expect(queries.count == 85)
        try await Self.withArticlesEngine { engine, _ in
            let lotse = try await Self.evaluate(queries, engine)
            let everything = try await Self.evaluate(queries, engine, minimumScore: 0)
            print("held-out lotse    \(lotse.summary)\nheld-out all      \(everything.summary)")
            #expect(lotse.recallAt3 >= 0.78, "Recall@3 \(lotse.recallAt3)")
            #expect(lotse.recallAt10 >= 0.88, "Recall@10 \(lotse.recallAt10)")
            #expect(
                lotse.unanswerableWithResults <= 7,
                "out-of-scope queries with suggestions: \(lotse.unanswerableWithResults) of \(lotse.unanswerable)")
            for kind in ["typo", "noumlaut", "short"] {
                let measured = lotse.byKind[kind]!
                #expect(Double(measured.foundAt3) / Double(measured.count) >= 0.85, "\(kind)")
            }
        }
    }

    /// fresh-queries.json was written after the engine, by someone who never saw its code or rankings, and is never
    /// tuned on: the closest the suite gets to traffic nobody here wrote. Floors sit a little under the first
    /// measurement (Fixtures/README.md), and Lotse must beat stock FTS5 on it.
    @Test func freshSetMeetsFloorsAndBeatsTheBaseline() async throws {
        let queries = try Self.judged("fresh-queries.json")
        #expect(queries.count == 200)
        let (lotse, baseline) = try await Self.lotseAndBaseline(queries, label: "fresh   ")
        #expect(lotse.recallAt1 >= 0.74, "Recall@1 \(lotse.recallAt1)")
        #expect(lotse.recallAt3 >= 0.87, "Recall@3 \(lotse.recallAt3)")
        #expect(lotse.mrrAt10 >= 0.81, "MRR@10 \(lotse.mrrAt10)")
        #expect(lotse.recallAt3 > baseline.recallAt3)
        #expect(lotse.mrrAt10 > baseline.mrrAt10)
        #expect(lotse.unanswerableWithResults <= 14,
                "out-of-scope queries with suggestions: \(lotse.unanswerableWithResults) of \(lotse.unanswerable)")
        for kind in ["typo", "noumlaut", "compound", "short"] {
            let measured = lotse.byKind[kind]!
            #expect(Double(measured.foundAt3) / Double(measured.count) >= 0.9, "\(kind)")
        }
    }

    /// tuning3-drafts.json (a tuning set, Fixtures/README.md): 80 long, colloquial drafts with names, numbers and
    /// pasted errors, and 20 out of scope. Floors a little under the measurement (.562 / .675 / .725, every match
    /// .688 / .850; main before drafts ranked from their matchable words: .487 / .613 / .688, .575 / .750).
    @Test func longDraftsMeetFloors() async throws {
        let queries = try Self.judged("tuning3-drafts.json")
        #expect(queries.count == 100)
        try await Self.withArticlesEngine { engine, _ in
            let lotse = try await Self.evaluate(queries, engine)
            let everything = try await Self.evaluate(queries, engine, minimumScore: 0)
            print("tuning3  lotse    \(lotse.summary)\ntuning3  all      \(everything.summary)")
            for (value, floor) in zip([lotse.recallAt1, lotse.recallAt3, lotse.recallAt10], [0.54, 0.65, 0.70]) {
                #expect(value >= floor, "R@1, @3, @10: \(lotse.summary)")
            }
            #expect(everything.recallAt1 >= 0.66 && everything.recallAt3 >= 0.83, "every match: \(everything.summary)")
            #expect(lotse.unanswerableWithResults <= 5, "out of scope answered \(lotse.unanswerableWithResults) of 20")
        }
    }

    /// A set written later by someone who had not seen the engine, never tuned on (Fixtures/README.md): floors a little
    /// under its measurement, and at most `outOfScope` of its 30 out-of-scope queries answered.
    struct FreshSet: Sendable, CustomTestStringConvertible {
        let file: String
        var count = 220
        let floors: [Double]
        let outOfScope: Int
        var testDescription: String { file }
    }

    /// Measured (BENCHMARKS.md "Relevance"): fresh2 .721 / .853 / .916 / .793, 21 of 30 out of scope answered; fresh3
    /// .742 / .868 / .916 / .809, 18; fresh4 .663 / .842 / .889 / .749, 12; drafts5 .487 / .637 / .650 / .561, 10 of 40.
    /// With every match shown each finds more (fresh3 .774 / .916 / .963 / .848, drafts5 .675 / .875 / .950 / .784):
    /// the draft bar hides right answers.
    @Test(arguments: [
        FreshSet(file: "fresh2-queries.json", floors: [0.69, 0.82, 0.89, 0.76], outOfScope: 21),
        FreshSet(file: "fresh3-queries.json", floors: [0.73, 0.85, 0.90, 0.79], outOfScope: 19),
        FreshSet(file: "fresh4-queries.json", floors: [0.65, 0.82, 0.87, 0.73], outOfScope: 13),
        FreshSet(file: "drafts5-queries.json", count: 120, floors: [0.46, 0.61, 0.62, 0.53], outOfScope: 10),
    ])
    func laterFreshSetsMeetFloors(_ set: FreshSet) async throws {
        let queries = try Self.judged(set.file)
        #expect(queries.count == set.count)
        let (lotse, _) = try await Self.lotseAndBaseline(queries, label: String(set.file.prefix(6)) + "  ")
        let measured = [lotse.recallAt1, lotse.recallAt3, lotse.recallAt10, lotse.mrrAt10]
        for (value, floor) in zip(measured, set.floors) { #expect(value >= floor, "R@1, @3, @10, MRR@10: \(measured)") }
        #expect(lotse.unanswerableWithResults <= set.outOfScope,
                "out of scope answered \(lotse.unanswerableWithResults) of \(lotse.unanswerable)")
    }

    /// Plain questions keep their answer: on the held-out paragraphs of xquad_de (even numbers; odd ones tune),
    /// the answer decision costs at most about one point of Recall@1 and Recall@10 against showing every match.
    @Test func xquadHeldOutKeepsItsAnswers() async throws {
        guard let queries = try Self.xquadHeldOut() else { return }
        let workspace = try ArticleWorkspace(readingArticlesAt: Self.xquad.appendingPathComponent("articles").path)
        try workspace.build()
        let engine = try workspace.engine()
        let lotse = try await Self.evaluate(queries, engine)
        let everything = try await Self.evaluate(queries, engine, minimumScore: 0)
        print("xquad held-out lotse \(lotse.summary)\nxquad held-out all   \(everything.summary)")
        #expect(lotse.recallAt1 >= 0.89, "Recall@1 \(lotse.recallAt1)")
        #expect(everything.recallAt1 - lotse.recallAt1 <= 0.011, "Recall@1 lost \(everything.recallAt1 - lotse.recallAt1)")
        #expect(everything.recallAt10 - lotse.recallAt10 <= 0.011, "Recall@10 lost \(everything.recallAt10 - lotse.recallAt10)")
    }

    /// xquad_de's held-out questions (even paragraph numbers), or nil when the set is not beside the repository.
    static func xquadHeldOut() throws -> [JudgedQuery]? {
        guard FileManager.default.fileExists(atPath: xquad.path) else {
            #expect(ProcessInfo.processInfo.environment["LOTSE_TEST_REQUIRE_SHARED"] == nil,
                    "LOTSE_TEST_REQUIRE_SHARED is set but \(xquad.path) is missing")
            print("xquad_de not found beside the repository: skipped (make test requires it)")
            return nil
        }
        let queries = try String(contentsOf: xquad.appendingPathComponent("queries.jsonl"), encoding: .utf8)
            .split(separator: "\n").map { line -> JudgedQuery in
                let row = try JSONSerialization.jsonObject(with: Data(line.utf8)) as! [String: Any]
                return JudgedQuery(id: row["qid"] as! String, kind: "xquad", query: row["query"] as? String,
                                   subject: nil, description: nil, relevant: row["relevant"] as! [String])
            }
            .filter { Int($0.relevant[0].split(separator: "-").last!)! % 2 == 0 }
        #expect(queries.count == 596)
        return queries
    }

    @Test func typingReplayFindsTheAnswerEarly() async throws {
        let drafts = try Self.judged("judged-queries.json").filter { $0.kind == "draft" }
        try await Self.withArticlesEngine { engine, _ in
            let replay = try await TypingReplay.run(drafts, engine: engine, options: SearchOptions(limit: 3))
            print(
                String(
                    format: "typing replay: first %.3f, stays %.3f, never %d", replay.medianShare, replay.medianStableShare,
                    replay.neverFound))
            #expect(replay.outcomes.count == drafts.count)
            #expect(replay.medianShare <= 0.4)
            #expect(replay.medianStableShare <= 0.4)
            #expect(replay.neverFound <= 2)
        }
    }
}
