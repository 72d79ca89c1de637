import LotseAnalysis
import LotseSemantic

extension SearchEngine {
    typealias PendingSimilarities = Task<(values: Cosines, exact: Bool)?, Never>

    /// A draft's cosines, started beside its lexical ranking: a draft waits for its embedding (64 pieces, ~2 ms of
    /// CPU), so the two overlap on the second core. Nil for search-box text (typing embeds in the background or
    /// from the cache) and without the semantic ranking.
    func startSimilarities(_ text: String?, mode: QueryMode, typed: Bool) -> PendingSimilarities? {
        guard let semantic, mode == .draft, !typed, let text else { return nil }
        return Task { semantic.similarities(of: text, draft: true, typed: false) }
    }

    /// A draft with a description is ranked as a draft whatever its words, so its embedding starts before it is
    /// planned: planning (typo correction of its unknown words) and the encoder then share the two cores, instead of
    /// the encoder waiting for the plan (hybrid drafts at 10k: planning ~2 ms, embedding and cosines ~2.7 ms).
    func earlySimilarities(_ input: SearchInput) -> EarlySimilarities? {
        guard semantic != nil, case .draft(_, let description) = input, !description.isEmpty,
              let text = semanticText(input.semanticText, mode: .draft),
              let task = startSimilarities(text, mode: .draft, typed: false) else { return nil }
        return EarlySimilarities(text: text, task: task)
    }
}

/// A draft's cosines started early (`SearchEngine.earlySimilarities`) and the text they are of.
struct EarlySimilarities {
    var text: String
    var task: SearchEngine.PendingSimilarities

    /// The task, when the plan's encoder text is the one it embeds.
    func task(for text: String?) -> SearchEngine.PendingSimilarities? { text == self.text ? task : nil }
}

extension SearchEngine {
    /// A text with no word the lexical ranking can use (only stop words, or words no article has): the semantic
    /// ranking alone. Its evidence has no lexical score, so `AnswerDecision` answers only search-box text whose best
    /// article is very close in meaning (`semanticAnswerSimilarity`), and a fixed minimum score shows it.
    func semanticOnly(_ text: String?, mode: QueryMode, typed: Bool, options: SearchOptions,
                      started: PendingSimilarities?) async -> Ranked? {
        guard let semantic, let text else { return nil }
        guard let similarity = await started?.value ?? semantic.similarities(of: text, draft: mode == .draft, typed: typed) else {
            // Typing in the background, nothing embedded yet: no answer this once, and none cached.
            let evidence = AnswerEvidence(score: 0, wordCoverage: 0, draft: mode == .draft)
            return Ranked(candidates: [], evidence: evidence, matchers: [], exact: false)
        }
        let fused = semantic.fuse([], similarity: similarity.values, draft: mode == .draft, limit: options.limit, accepts: filter(options))
        guard !fused.candidates.isEmpty else { return nil }
        return Ranked(candidates: fused.candidates, evidence: AnswerEvidence(score: 0, similarity: fused.similarity, wordCoverage: 0,
                                                                             draft: mode == .draft),
                      matchers: [], exact: similarity.exact)
    }

    /// What the encoder embeds, or nil (nothing to embed). As-you-type, it runs at word ends: a search-box text
    /// that ends inside a word ("Wie lautet der Nachna") is embedded without it ("Wie lautet der", cached since
    /// the keystroke that finished it), so typing within a word costs no encoder run. The last word counts as
    /// finished when a space or punctuation follows it, or when it is one piece of the encoder's vocabulary of
    /// 5–30 letters ("bestellt", "lautet"; most prefixes are not: "Nachna" is "Nach" + "na"). (The index's own
    /// vocabulary does not tell: 10,000 articles hold most prefixes as words.) What follows the last letter or digit
    /// of a search-box text is dropped. Drafts are embedded up to their piece budget: a 300-word draft as its first 64
    /// words when those hold every piece the encoder reads (`SemanticModel.readPrefix`), so the rest is neither
    /// respelled nor part of the embedding cache's key.
    /// The encoder reads words typed without their umlauts as the articles spell them (`ArticleSpellings`); a last
    /// word so read counts as finished when what it reads is one piece.
    func semanticText(_ text: String, mode: QueryMode, analyzer: Analyzer = Analyzer()) -> String? {
        var text = text
        if mode == .draft, let semantic, let read = SemanticModel.readPrefix(of: text, maxPieces: semantic.parameters.draftPieces) {
            text = read
        }
        if mode == .short, let semantic, let last = text.last, last.isLetter || last.isNumber {
            let start = text.lastIndex { !($0.isLetter || $0.isNumber) }.map { text.index(after: $0) } ?? text.startIndex
            let word = String(text[start...])
            let read = analyzer.fold(word).flatMap { spellings.spelling(of: word, folded: $0) } ?? word
            if !((5...30).contains(read.count) && semantic.model.isPiece(read)) { text = String(text[..<start]) }
        }
        if mode == .short, let end = text.lastIndex(where: { $0.isLetter || $0.isNumber }) {
            // "Wie lautet", "Wie lautet " and "Wie lautet d" mean the same so far: one text, one encoder run.
            text = String(text[...end])
        }
        guard text.contains(where: { $0.isLetter || $0.isNumber }) else { return nil }
        return spellings.normalized(text, analyzer: analyzer)
    }
}

extension SearchEngine {
    /// The concepts with a correction only where the typed word looks misspelt (`Concept.correction`): the correction
    /// keeps its first letter (typos rarely hit it) and the encoder does not know the word as one piece of its
    /// vocabulary, which holds many real words the articles lack ("morgen", "verlieren", that the corrector reads as
    /// "sorgen", "verloren"). Lexical-only, nothing asks.
    func misspellings(_ concepts: [Concept]) -> [Concept] {
        guard let model = semantic?.model else { return concepts }
        return concepts.map { concept in
            guard let correction = concept.correction else { return concept }
            let word = concept.word, capitalised = word.prefix(1).uppercased() + word.dropFirst()
            var concept = concept
            if correction.first != word.first || model.isPiece(word) || model.isPiece(capitalised) { concept.correction = nil }
            return concept
        }
    }
}

extension SearchInput {
    /// Search-box text: asked for keystroke by keystroke, so it may be ranked with an older embedding.
    var isTyped: Bool {
        if case .query = self { true } else { false }
    }

    /// The text the encoder reads: the query, or the draft's subject and description.
    var semanticText: String {
        switch self {
        case .query(let query): query
        case .draft(let subject, let description): subject + "\n" + description
        }
    }
}

/// What `lotse evaluate --fusion-features` writes per query, so fusion rules can be tried offline: the lexical
/// candidates before fusion, every article's cosine with the text the encoder reads, and the lexical evidence.
public struct FusionFeatures: Sendable, Encodable {
    public var lexical: [String: Double]
    public var lexicalOrder: [String]
    public var similarity: [String: Float]
    public var evidence: AnswerEvidence?
}

extension SearchEngine {
    /// The inputs of the fusion for `input` (nil without the semantic ranking).
    public func fusionFeatures(_ input: SearchInput) async throws -> FusionFeatures? {
        guard let semantic else { return nil }
        let (concepts, mode, encoderText) = planned(input)
        let ids = try await connection.read { db in try String.fetchAll(db, sql: "SELECT id FROM articles ORDER BY rowid") }
        let ranked = try await rank(concepts, mode: mode, encoderText: encoderText,
                                    options: SearchOptions(limit: semantic.parameters.pool, minimumScore: 0), fuses: false)
        // Without lexical candidates `rank` answers with the semantic ranking alone (its evidence has a cosine).
        let lexical = ranked?.evidence.similarity == nil ? ranked : nil
        let candidates = lexical?.candidates ?? []
        var similarity: [String: Float] = [:]
        if let text = encoderText {
            for (document, value) in semantic.exactSimilarities(of: text, draft: mode == .draft).enumerated() {
                similarity[ids[document]] = value
            }
        }
        return FusionFeatures(lexical: Dictionary(candidates.map { (ids[Int($0.document)], $0.score) }, uniquingKeysWith: max),
                              lexicalOrder: candidates.map { ids[Int($0.document)] }, similarity: similarity,
                              evidence: lexical?.evidence)
    }
}
