import Foundation
import LotseEvaluation
import LotseIndex
import LotseSemantic
import LotseTestSupport
import Testing
@testable import LotseSearch

/// The hybrid ranking (lexical + sentence encoder) against lexical-only on the same index file, and the fallback
/// to lexical-only without the model or without vectors. Needs the model of `make deps` (`.lotse/model`); without
/// it the suite passes vacuously, except under LOTSE_TEST_REQUIRE_SHARED (`make test`), where that fails.
@Suite(.serialized) struct SemanticRankingTests {
    static func model() throws -> SemanticModel? { try SemanticTestModel.load() }

    /// Builds `articles` (the repository's by default) with vectors; `body` gets the hybrid engine and a lexical-only
    /// engine on the same file.
    static func withEngines<T>(_ model: SemanticModel, articles: URL = RelevanceTests.root.appendingPathComponent("articles"),
                               _ body: (SearchEngine, SearchEngine) async throws -> T) async throws -> T {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("lotse-semantic-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let indexPath = directory.appendingPathComponent("index.sqlite").path
        let report = try IndexBuilder(configuration: IndexConfiguration(articlesDirectory: articles.path, indexPath: indexPath,
                                                                        semantic: model)).build()
        #expect(report.embedded == report.articleCount)
        let hybrid = try SearchEngine(indexPath: indexPath, connectionCount: 1, semantic: model)
        let lexical = try SearchEngine(indexPath: indexPath, connectionCount: 1)
        #expect(hybrid.isSemantic && !lexical.isSemantic)
        return try await body(hybrid, lexical)
    }

    /// The paraphrase set (Fixtures/paraphrase-queries.json): odd ids tune, even ids are held out.
    static func paraphrases(heldOut: Bool) throws -> [JudgedQuery] {
        try RelevanceTests.judged("paraphrase-queries.json").filter { (Int($0.id.dropFirst())! % 2 == 0) == heldOut }
    }

    @Test func paraphrasesGainRecallAtOne() async throws {
        guard let model = try Self.model() else { return }
        let heldOut = try Self.paraphrases(heldOut: true)
        #expect(heldOut.count >= 30)
        try await Self.withEngines(model) { hybrid, lexical in
            let ours = try await RelevanceTests.evaluate(heldOut, hybrid), theirs = try await RelevanceTests.evaluate(heldOut, lexical)
            print("paraphrases held out  hybrid  \(ours.summary)\nparaphrases held out  lexical \(theirs.summary)")
            #expect(ours.recallAt1 >= theirs.recallAt1 + 0.10, "hybrid \(ours.recallAt1) vs lexical \(theirs.recallAt1)")
        }
    }

    @Test func judgedSetsGainAndOutOfScopeStaysQuiet() async throws {
        guard let model = try Self.model() else { return }
        let tuning = try RelevanceTests.judged("judged-queries.json"), heldOut = try RelevanceTests.heldOut()
        try await Self.withEngines(model) { hybrid, lexical in
            let ours = try await RelevanceTests.evaluate(tuning, hybrid), theirs = try await RelevanceTests.evaluate(tuning, lexical)
            print("judged tuning  hybrid  \(ours.summary)\njudged tuning  lexical \(theirs.summary)")
            #expect(ours.recallAt1 >= theirs.recallAt1 + SemanticFloors.judgedGain,
                    "hybrid \(ours.recallAt1) vs lexical \(theirs.recallAt1)")
            #expect(ours.recallAt3 >= 0.95, "Recall@3 \(ours.recallAt3)")
            #expect(ours.unanswerableWithResults <= SemanticFloors.judgedOutOfScope,
                    "out of scope answered \(ours.unanswerableWithResults) of \(ours.unanswerable)")
            let held = try await RelevanceTests.evaluate(heldOut, hybrid), heldLexical = try await RelevanceTests.evaluate(heldOut, lexical)
            print("judged held out  hybrid  \(held.summary)\njudged held out  lexical \(heldLexical.summary)")
            Self.expectFloors(held, SemanticFloors.heldOut, lexical: heldLexical)
            #expect(held.unanswerableWithResults <= SemanticFloors.heldOutOutOfScope,
                    "out of scope answered \(held.unanswerableWithResults) of \(held.unanswerable)")
        }
    }

    /// tuning2-queries.json is a tuning set like judged-queries.json: the hybrid loses nothing against lexical-only
    /// in any measure (tune_fusion.py's rule for every help-center tuning file).
    @Test func secondTuningSetLosesNothing() async throws {
        try await Self.expectSetMeetsFloors("tuning2-queries.json", SemanticFloors.tuning2, outOfScope: SemanticFloors.tuning2OutOfScope)
    }

    /// fresh-queries.json was never tuned on (Fixtures/README.md): the hybrid's floors sit under its one measurement.
    @Test func freshSetMeetsFloors() async throws {
        try await Self.expectSetMeetsFloors("fresh-queries.json", SemanticFloors.fresh, outOfScope: SemanticFloors.freshOutOfScope)
    }

    /// fresh3-queries.json, the third never-tuned set: as `freshSetMeetsFloors`.
    @Test func thirdFreshSetMeetsFloors() async throws {
        try await Self.expectSetMeetsFloors("fresh3-queries.json", SemanticFloors.fresh3, outOfScope: SemanticFloors.fresh3OutOfScope)
    }

    /// fresh4-queries.json, the fourth never-tuned set: as `freshSetMeetsFloors`.
    @Test func fourthFreshSetMeetsFloors() async throws {
        try await Self.expectSetMeetsFloors("fresh4-queries.json", SemanticFloors.fresh4, outOfScope: SemanticFloors.fresh4OutOfScope)
    }

    /// drafts5-queries.json, drafts in the customers' own words written without the engine: its odd ids chose
    /// `AnswerDecision.supportedDraftScore`, its even ids are held out (Fixtures/README.md).
    @Test(arguments: [true, false])
    func fifthDraftSetMeetsFloors(tuningPart: Bool) async throws {
        let floors = tuningPart ? SemanticFloors.drafts5Tuning : SemanticFloors.drafts5HeldOut
        try await Self.expectSetMeetsFloors("drafts5-queries.json", floors, outOfScope: SemanticFloors.drafts5OutOfScope) {
            Int($0.id.dropFirst())! % 2 == (tuningPart ? 1 : 0)
        }
    }

    /// tuning3-drafts.json (a tuning set): long, colloquial drafts, where the two rankings' agreement answers below
    /// the draft bar (`AnswerDecision.agreedDraftScore`).
    @Test func longDraftsMeetFloors() async throws {
        try await Self.expectSetMeetsFloors("tuning3-drafts.json", SemanticFloors.tuning3,
                                            outOfScope: SemanticFloors.tuning3OutOfScope)
    }

    /// A judged set of the repository's articles with the hybrid ranking: `floors` (against lexical-only on the same
    /// index too), and at most `outOfScope` of its out-of-scope queries answered.
    static func expectSetMeetsFloors(_ file: String, _ floors: SemanticFloors.Measures, outOfScope: Int,
                                     sourceLocation: SourceLocation = #_sourceLocation,
                                     where included: (JudgedQuery) -> Bool = { _ in true }) async throws {
        guard let model = try Self.model() else { return }
        let queries = try RelevanceTests.judged(file).filter(included)
        try await Self.withEngines(model) { hybrid, lexical in
            let ours = try await RelevanceTests.evaluate(queries, hybrid), theirs = try await RelevanceTests.evaluate(queries, lexical)
            print("\(file)  hybrid  \(ours.summary)\n\(file)  lexical \(theirs.summary)")
            Self.expectFloors(ours, floors, lexical: theirs, sourceLocation: sourceLocation)
            #expect(ours.unanswerableWithResults <= outOfScope,
                    "out of scope answered \(ours.unanswerableWithResults) of \(ours.unanswerable)", sourceLocation: sourceLocation)
        }
    }

    /// Recall@1, @3, @10 and MRR@10 at least `floors` (measured values minus a little, BENCHMARKS.md) and, in the
    /// measures where the measurement was, no lower than lexical-only's.
    static func expectFloors(_ report: RelevanceReport, _ floors: SemanticFloors.Measures, lexical: RelevanceReport,
                             sourceLocation: SourceLocation = #_sourceLocation) {
        let measured = [report.recallAt1, report.recallAt3, report.recallAt10, report.mrrAt10]
        let theirs = [lexical.recallAt1, lexical.recallAt3, lexical.recallAt10, lexical.mrrAt10]
        for (index, name) in ["Recall@1", "Recall@3", "Recall@10", "MRR@10"].enumerated() {
            #expect(measured[index] >= floors.values[index], "\(name) \(measured[index])", sourceLocation: sourceLocation)
            if floors.noLoss.contains(name) {
                #expect(measured[index] >= theirs[index] - 1e-9, "\(name) hybrid \(measured[index]) vs lexical \(theirs[index])",
                        sourceLocation: sourceLocation)
            }
        }
    }

    /// Customers who leave out umlauts (ä → a, ö → o, ü → u, ß → ss, as `scripts/spelling_variants.py --variant stripped`):
    /// the encoder reads their words as the articles spell them (`ArticleSpellings`), so the hybrid keeps its lead over
    /// lexical-only; the floors sit under one measurement of a tuning set and of the held-out paraphrases, above what
    /// the hybrid measured while the encoder read the text as typed.
    @Test func umlautStrippedTextKeepsTheHybridsGain() async throws {
        guard let model = try Self.model() else { return }
        let tuning = try RelevanceTests.judged("tuning2-queries.json").map(Self.strippedOfUmlauts)
        let heldOut = try Self.paraphrases(heldOut: true).map(Self.strippedOfUmlauts)
        try await Self.expectFloors(model, [("tuning2 stripped", tuning, SemanticFloors.tuning2Stripped),
                                            ("paraphrases held out stripped", heldOut, SemanticFloors.paraphrasesStripped)])
    }

    /// Each named set of queries meets its floors (`expectFloors`), hybrid and lexical-only on one index of `articles/`.
    static func expectFloors(_ model: SemanticModel, _ parts: [(String, [JudgedQuery], SemanticFloors.Measures)]) async throws {
        try await Self.withEngines(model) { hybrid, lexical in
            for (name, queries, floors) in parts {
                let ours = try await RelevanceTests.evaluate(queries, hybrid), theirs = try await RelevanceTests.evaluate(queries, lexical)
                print("\(name)  hybrid  \(ours.summary)\n\(name)  lexical \(theirs.summary)")
                Self.expectFloors(ours, floors, lexical: theirs)
            }
        }
    }

    static func strippedOfUmlauts(_ query: JudgedQuery) -> JudgedQuery {
        let plain: [Character: String] = ["ä": "a", "ö": "o", "ü": "u", "Ä": "A", "Ö": "O", "Ü": "U", "ß": "ss"]
        func strip(_ text: String?) -> String? { text.map { String($0.flatMap { plain[$0] ?? String($0) }) } }
        var query = query
        (query.query, query.subject, query.description) = (strip(query.query), strip(query.subject), strip(query.description))
        return query
    }

    /// Typo'd copies (one seeded edit in one word of at least 6 letters, never the first letter: Fixtures/README.md,
    /// "Typo copies"): the hybrid loses nothing against lexical-only in any measure, on the tuning copy and on the
    /// never-tuned fresh set's copy (floors under one measurement, BENCHMARKS.md). Before misspelt queries escaped
    /// the veto (`AnswerDecision.misspeltShare`) tuning2's copy lost Recall@10 (.854 vs .877) and @3, fresh's @10.
    @Test func typoCopiesKeepTheirAnswers() async throws {
        guard let model = try Self.model() else { return }
        let tuning = try RelevanceTests.judged("tuning2-typo.json"), heldOut = try RelevanceTests.judged("fresh-typo.json")
        #expect(tuning.count == 160 && heldOut.count == 200)
        try await Self.expectFloors(model, [("tuning2 typo", tuning, SemanticFloors.tuning2Typo),
                                            ("fresh typo", heldOut, SemanticFloors.freshTypo)])
    }

    /// The planner corrects every word the index lacks; only those that look misspelt count for the answer decision:
    /// the correction keeps the first letter and the encoder has no piece for the word (it has one for many real words).
    @Test func onlyMisspeltWordsKeepTheirCorrection() async throws {
        guard let model = try Self.model() else { return }
        try await Self.withEngines(model) { hybrid, lexical in
            func correction(_ query: String, _ word: String) -> String? {
                hybrid.planned(.query(query)).0.first { $0.word == word }?.correction
            }
            #expect(correction("abo beeden", "beeden") == "beenden")
            #expect(correction("minecraft server mieten", "mieten") == nil, "mieten → bieten changes the first letter")
            #expect(model.isPiece("verlieren"))
            #expect(correction("daten verlieren", "verlieren") == nil, "a word the encoder knows is a real word")
            // The planner's own concepts (lexical-only: no filter) had corrections for both.
            #expect(lexical.planned(.query("minecraft server mieten")).0.first { $0.word == "mieten" }?.correction != nil)
            #expect(lexical.planned(.query("daten verlieren")).0.first { $0.word == "verlieren" }?.correction != nil)
            // "abo beeden": answered (the veto would have silenced it: cosine 0.067), "minecraft server mieten" not.
            let typo = try await hybrid.search("abo beeden"), outOfScope = try await hybrid.search("minecraft server mieten")
            #expect(typo.first?.id == "vertrag-kuendigen", "\(typo.map(\.id))")
            #expect(outOfScope.isEmpty, "\(outOfScope.map(\.id))")
        }
    }

    /// xquad_de's held-out paragraphs with the hybrid ranking: no loss against lexical-only, and what its answer
    /// decision costs against showing every match (issue 14 asks at most one point; see `SemanticFloors`).
    @Test func xquadHeldOutKeepsItsAnswers() async throws {
        guard let model = try Self.model(), let queries = try RelevanceTests.xquadHeldOut() else { return }
        try await Self.withEngines(model, articles: RelevanceTests.xquad.appendingPathComponent("articles")) { hybrid, lexical in
            let ours = try await RelevanceTests.evaluate(queries, hybrid), theirs = try await RelevanceTests.evaluate(queries, lexical)
            let everything = try await RelevanceTests.evaluate(queries, hybrid, minimumScore: 0)
            print("xquad held-out hybrid  \(ours.summary)\nxquad held-out all     \(everything.summary)")
            print("xquad held-out lexical \(theirs.summary)")
            Self.expectFloors(ours, SemanticFloors.xquadHeldOut, lexical: theirs)
            #expect(everything.recallAt1 - ours.recallAt1 <= SemanticFloors.xquadRecallAt1Lost,
                    "Recall@1 lost \(everything.recallAt1 - ours.recallAt1)")
            #expect(everything.recallAt10 - ours.recallAt10 <= SemanticFloors.xquadRecallAt10Lost,
                    "Recall@10 lost \(everything.recallAt10 - ours.recallAt10)")
        }
    }

    /// The semantic half only vetoes weak lexical answers far from the query: the colloquial drafts of
    /// heldout-queries.json (both parts) that lexical-only answers, the hybrid answers too.
    @Test func colloquialDraftsTheLexicalRankingAnswersStayAnswered() async throws {
        guard let model = try Self.model() else { return }
        let drafts = try RelevanceTests.judged("heldout-queries.json").filter { $0.kind == "draft" }
        #expect(drafts.count >= 30)
        try await Self.withEngines(model) { hybrid, lexical in
            var answered = 0
            for draft in drafts where try await !lexical.answer(draft.input).isEmpty {
                answered += 1
                #expect(try await !hybrid.answer(draft.input).isEmpty, "\(draft.id) silenced by the hybrid ranking")
            }
            #expect(answered >= 25, "measured 29 of 35")
        }
    }

    @Test func exampleParaphraseFindsItsArticle() async throws {
        guard let model = try Self.model() else { return }
        try await Self.withEngines(model) { hybrid, lexical in
            let query = "Jemand Fremdes hat sich in mein Konto eingeloggt und Sachen bestellt"
            let results = try await hybrid.search(query), lexicalResults = try await lexical.search(query)
            #expect(results.first?.id == "gehacktes-konto-kompromittierte-website", "\(results.map(\.id))")
            #expect(lexicalResults.first?.id != "gehacktes-konto-kompromittierte-website")
            // Out of scope: no close article, no answer.
            #expect(try await hybrid.search("Wie wird das Wetter morgen in Leipzig?").isEmpty)
        }
    }

    /// As-you-type, the keystrokes inside a word and the space after it ask the encoder for one text (embedded and
    /// scored once, then cached): the unfinished word is left out, and so is what follows the last letter.
    @Test func typingWithinAWordEmbedsOneText() async throws {
        guard let model = try Self.model() else { return }
        #expect(model.isPiece("lautet") && !model.isPiece("Nachna"))
        try await Self.withEngines(model) { hybrid, _ in
            let typed = ["Wie lautet", "Wie lautet ", "Wie lautet d", "Wie lautet de", "Wie lautet, ", "Wie lautet?"]
            #expect(Set(typed.map { hybrid.semanticText($0, mode: .short) }) == ["Wie lautet"])
            #expect(hybrid.semanticText("Wie lautet der Nachna", mode: .short) == "Wie lautet der")
            #expect(hybrid.semanticText("Wie lautet der Nachname ", mode: .short) == "Wie lautet der Nachname")
            #expect(hybrid.semanticText("Wi", mode: .short) == nil)
            // A draft is embedded as written.
            #expect(hybrid.semanticText("Konto gesperrt?\nHallo ", mode: .draft) == "Konto gesperrt?\nHallo ")
        }
    }

    /// `lotse serve` embeds typing off the request path: a text whose embedding is not there yet is answered at
    /// once, lexical-only while nothing of it is embedded, else with its longest embedded prefix that ends a word;
    /// such answers are not cached, so once the text's own embedding is there the answer is the exact hybrid one.
    @Test func typingIsEmbeddedInTheBackground() async throws {
        guard let model = try Self.model() else { return }
        try await Self.withEngines(model) { hybrid, lexical in
            let typing = try SearchEngine(indexPath: hybrid.indexPath, connectionCount: 1, semantic: model, embedsTypingInBackground: true)
            let query = "Wie kann ich mein Konto kündigen "
            #expect(try await typing.search(query).map(\.id) == lexical.search(query).map(\.id))
            #expect(typing.typedEmbeddingCounts?.without == 1)
            var answer = try await typing.search(query).map(\.id)
            for _ in 0..<1_500 where typing.typedEmbeddingCounts?.exact == 0 {
                try await Task.sleep(for: .milliseconds(20))
                answer = try await typing.search(query).map(\.id)
            }
            #expect(typing.typedEmbeddingCounts?.exact == 1)
            #expect(try await answer == hybrid.search(query).map(\.id))
            // The next word: ranked with the cosines of the text without it, its own queued.
            _ = try await typing.search(query + "bitte ")
            #expect(typing.typedEmbeddingCounts?.older == 1)
        }
    }

    /// A question asked once (`SearchOptions.typing` false: an API caller without a session) waits for its own
    /// embedding even where typing is embedded in the background, so its first answer is the exact hybrid one.
    @Test func questionAskedOnceWaitsForItsEmbedding() async throws {
        guard let model = try Self.model() else { return }
        try await Self.withEngines(model) { hybrid, _ in
            let typing = try SearchEngine(indexPath: hybrid.indexPath, connectionCount: 1, semantic: model, embedsTypingInBackground: true)
            var once = SearchOptions()
            once.typing = false
            for query in ["Wie kann ich mein Konto kündigen", "Vertrag doch weiterlaufen lassen", "Zugang für Deployment-Skript"] {
                #expect(try await typing.search(query, options: once).map(\.id) == hybrid.search(query).map(\.id), "\(query)")
            }
            #expect(typing.typedEmbeddingCounts.map { $0.exact + $0.older + $0.without } == 0)
        }
    }

    /// A draft waits for its embedding, so the encoder reads at most `draftPieces` of it (EOS kept): two drafts that
    /// agree up to there get the same cosines whatever follows, and a difference before it changes them.
    @Test func draftEmbeddingReadsAtMostItsPieces() async throws {
        guard let model = try Self.model() else { return }
        try await Self.withEngines(model) { hybrid, _ in
            let semantic = try #require(hybrid.semantic)
            let cap = semantic.parameters.draftPieces
            let start = String(repeating: "Seit gestern lädt meine Webseite nicht mehr und das Postfach ist voll. ", count: 6)
            let draft = start + "Ich habe schon den Browser gewechselt."
            #expect(model.tokenizer.encode(start).count > cap)
            #expect(model.pieces(draft, maxPieces: cap).count == cap)
            let cosines = semantic.exactSimilarities(of: draft, draft: true)
            #expect(semantic.exactSimilarities(of: start + "Die Rechnung kam doppelt, bitte Geld zurück.", draft: true) == cosines)
            #expect(semantic.exactSimilarities(of: "Rechnung doppelt. " + draft, draft: true) != cosines)
        }
    }

    /// A draft's embedding starts before it is planned, so planning and the encoder share the two cores: it must
    /// embed the text the plan asks for (else the plan starts another), and only a draft is sure to be one before.
    @Test func aDraftsEmbeddingStartsWithTheTextItsPlanEmbeds() async throws {
        guard let model = try Self.model() else { return }
        try await Self.withEngines(model) { hybrid, lexical in
            let drafts: [SearchInput] = [
                .draft(subject: "Kuendigung", description: "Hallo, ich moechte meinen Vertrag kuendigen.\nGruesse, Jana"),
                .draft(subject: "", description: String(repeating: "Seit gestern lädt meine Webseite nicht mehr. ", count: 20)),
                .draft(subject: "E-Mail-Adresse ändern", description: "Wie ändere ich die Adresse?"),
            ]
            for draft in drafts {
                let early = try #require(hybrid.earlySimilarities(draft))
                #expect(early.text == hybrid.planned(draft).encoderText, "\(draft)")
                #expect(await early.task.value != nil)
                #expect(lexical.earlySimilarities(draft) == nil)
            }
            #expect(hybrid.earlySimilarities(.draft(subject: "Konto gesperrt", description: "")) == nil, "a subject alone may be short")
            #expect(hybrid.earlySimilarities(.query("Konto gesperrt")) == nil)
        }
    }

    @Test func wordPrefixesEndAtWordEnds() {
        #expect(SemanticRanking.wordPrefixes(of: "Wie lautet der") == ["Wie lautet", "Wie"])
        #expect(SemanticRanking.wordPrefixes(of: "E-Mail, bitte") == ["E-Mail", "E"])
        #expect(SemanticRanking.wordPrefixes(of: "Konto").isEmpty)
    }

    /// What `lotse evaluate --fusion-features` dumps for scripts/tune_fusion.py: the lexical ranking before fusion
    /// and every article's cosine, the ones the hybrid ranking fuses.
    @Test func fusionFeaturesAreTheFusionsInputs() async throws {
        guard let model = try Self.model() else { return }
        try await Self.withEngines(model) { hybrid, lexical in
            let query = "Passwort vergessen"
            let features = try #require(try await hybrid.fusionFeatures(.query(query)))
            let lexicalIds = try await lexical.search(query, options: SearchOptions(limit: 3, minimumScore: 0)).map(\.id)
            #expect(Array(features.lexicalOrder.prefix(3)) == lexicalIds)
            #expect(features.similarity.count == hybrid.statistics.documentCount)
            let best = try #require(features.similarity.max { $0.value < $1.value })
            let passwordArticles = ["passwort-zuruecksetzen", "en-resetting-your-password", "fr-reinitialiser-mot-de-passe"]
            #expect(best.value > 0.3 && passwordArticles.contains(best.key), "\(best)")
            #expect(try await lexical.fusionFeatures(.query(query)) == nil)
        }
    }

    /// Without the model an index with vectors is searched lexical-only; with the model, an index built without
    /// vectors too (and the next build adds them).
    @Test func fallsBackToLexicalOnly() async throws {
        guard let model = try Self.model() else { return }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("lotse-semantic-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let indexPath = directory.appendingPathComponent("index.sqlite").path
        let articles = RelevanceTests.root.appendingPathComponent("articles").path
        let lexicalBuild = try IndexBuilder(configuration: IndexConfiguration(articlesDirectory: articles, indexPath: indexPath)).build()
        #expect(lexicalBuild.embedded == 0)
        let engine = try SearchEngine(indexPath: indexPath, connectionCount: 1, semantic: model)
        #expect(!engine.isSemantic)
        #expect(try await engine.search("Kundennummer").first?.id == "kundennummer-finden")
        let semanticBuild = try IndexBuilder(configuration: IndexConfiguration(articlesDirectory: articles, indexPath: indexPath,
                                                                               semantic: model)).build()
        #expect(semanticBuild.wroteIndex && semanticBuild.embedded == semanticBuild.articleCount)
        let noOp = try IndexBuilder(configuration: IndexConfiguration(articlesDirectory: articles, indexPath: indexPath,
                                                                      semantic: model)).build()
        #expect(!noOp.wroteIndex && noOp.embedded == 0)
        #expect(try SearchEngine(indexPath: indexPath, connectionCount: 1, semantic: model).isSemantic)
        #expect(try !SearchEngine(indexPath: indexPath, connectionCount: 1).isSemantic)
    }
}

/// What the hybrid ranking is asserted to keep (measured values in BENCHMARKS.md).
enum SemanticFloors {
    /// Floors of Recall@1, @3, @10, MRR@10, and the measures in which the hybrid must be no lower than lexical-only.
    struct Measures {
        var values: [Double]
        var noLoss: Set<String>
    }

    static let all: Set<String> = ["Recall@1", "Recall@3", "Recall@10", "MRR@10"]
    /// Measured +0.007 (0.903 → 0.910) on judged-queries.json (issue 17 asks +0.03).
    static let judgedGain = 0.005
    /// Measured 1 of 10 (lexical-only: 4).
    static let judgedOutOfScope = 1
    /// tuning2-queries.json, measured .792 / .954 / .985 / .873 (lexical-only .746 / .908 / .969 / .826).
    static let tuning2 = Measures(values: [0.76, 0.91, 0.94, 0.84], noLoss: all)
    /// Measured 19 of 30 (lexical-only: 19).
    static let tuning2OutOfScope = 19
    /// heldout-queries.json even ids, measured .729 / .871 / .914 / .803 (lexical-only .686 / .829 / .929 / .767):
    /// Recall@10 still loses (one right answer of 70).
    static let heldOut = Measures(values: [0.70, 0.84, 0.88, 0.77], noLoss: ["Recall@1", "Recall@3", "MRR@10"])
    /// Measured 6 of 15 (lexical-only: 6).
    static let heldOutOutOfScope = 6
    /// fresh-queries.json, measured .824 / .941 / .959 / .882 (lexical-only .794 / .906 / .953 / .856).
    static let fresh = Measures(values: [0.80, 0.91, 0.94, 0.85], noLoss: all)
    /// Measured 14 of 30 (lexical-only: 13).
    static let freshOutOfScope = 14
    /// fresh3-queries.json, measured .774 / .900 / .947 / .843 (lexical-only .742 / .868 / .916 / .809).
    static let fresh3 = Measures(values: [0.76, 0.87, 0.91, 0.82], noLoss: all)
    /// Measured 18 of 30 (lexical-only: 18; k193 asks to sync a calendar with a "Handy", which finds the smartphone
    /// mail-setup article).
    static let fresh3OutOfScope = 18
    /// fresh4-queries.json, measured .768 / .884 / .942 / .831 (lexical-only .663 / .842 / .889 / .749).
    static let fresh4 = Measures(values: [0.74, 0.86, 0.92, 0.80], noLoss: all)
    /// Measured 12 of 30 (lexical-only: 12).
    static let fresh4OutOfScope = 12
    /// tuning3-drafts.json, measured .713 / .825 / .887 / .776 (lexical-only .588 / .688 / .762 / .651).
    static let tuning3 = Measures(values: [0.69, 0.80, 0.86, 0.75], noLoss: all)
    /// Measured 5 of 20 (lexical-only: 4).
    static let tuning3OutOfScope = 5
    /// drafts5-queries.json odd ids (tuning), measured .650 / .750 / .750 / .700 (lexical-only .500 / .675 / .675 /
    /// .579; every match .825 / .950 / .950 / .887: the draft bars still hide right answers).
    static let drafts5Tuning = Measures(values: [0.62, 0.72, 0.72, 0.67], noLoss: all)
    /// drafts5-queries.json even ids (held out), measured once .625 / .725 / .775 / .684 (lexical-only .475 / .600 /
    /// .625 / .542; every match .775 / .900 / 1.000 / .851).
    static let drafts5HeldOut = Measures(values: [0.60, 0.70, 0.75, 0.66], noLoss: all)
    /// Measured 6 of 20 in either part (lexical-only: 6 and 4).
    static let drafts5OutOfScope = 6
    /// xquad_de's even paragraphs: what the answer decision costs against every match, measured Recall@1 0.3 points
    /// (.928 vs .931) and Recall@10 0.7 (.990 vs .997): issue 14 asks at most 1.
    static let xquadRecallAt1Lost = 0.01
    static let xquadRecallAt10Lost = 0.01
    /// xquad_de's even paragraphs, measured .928 / .977 / .990 / .953 (lexical-only .911 / .961 / .973 / .938).
    static let xquadHeldOut = Measures(values: [0.915, 0.965, 0.98, 0.945], noLoss: all)
    /// tuning2-queries.json without umlauts, measured .785 / .946 / .977 / .866 (lexical-only .746 / .908 / .969 / .826).
    static let tuning2Stripped = Measures(values: [0.75, 0.89, 0.925, 0.82], noLoss: all)
    /// Fixtures/tuning2-typo.json, measured .785 / .908 / .962 / .855 (lexical-only .731 / .885 / .946 / .807).
    static let tuning2Typo = Measures(values: [0.70, 0.81, 0.87, 0.76], noLoss: all)
    /// Fixtures/fresh-typo.json, measured .782 / .906 / .918 / .840 (lexical-only .741 / .853 / .912 / .805).
    static let freshTypo = Measures(values: [0.75, 0.86, 0.88, 0.80], noLoss: all)
    /// paraphrase-queries.json even ids without umlauts, measured .657 / .886 / .943 / .778 (lexical-only .457 / .771 /
    /// .914 / .613).
    static let paraphrasesStripped = Measures(values: [0.64, 0.88, 0.94, 0.77], noLoss: all)
}
