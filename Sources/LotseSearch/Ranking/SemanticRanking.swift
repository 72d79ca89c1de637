import Foundation
import GRDB
import LotseIndex
import LotseSemantic
import Synchronization

/// The semantic half of the ranking: every article's title and lead vector (int8, in document order), the query's
/// embedding (cached per text), and the fusion of cosine similarity with the lexical candidates.
///
/// Fusion is normalised: lexical score / the best lexical score, and cosine above `similarityFloor` / the best
/// cosine above it; candidates are the lexical top `pool` and the semantic top `pool`. The semantic weight
/// shrinks as the lexical evidence grows (`lexicalConfidence`): a query whose words the best article matches
/// well keeps its lexical ranking, one that matches nothing is ranked by meaning alone. Search-box text and
/// drafts have parameters of their own (`FusionParameters.Mode`).
final class SemanticRanking: Sendable {
    typealias Parameters = FusionParameters

    let model: SemanticModel
    let parameters: Parameters
    private let openings: VectorSet
    private let leads: VectorSet
    /// What articles learned from outcomes (`LearnedVectors`); nil for an index without them (no pass over zeros).
    private let learned: VectorSet?
    private let scored: MemoryCache<String, ScoredText>
    /// Non-nil: search-box texts are embedded off the request path (`similarities(of:draft:typed:)`).
    private let typing: EmbeddingQueue?
    /// Search-box texts ranked with their own cosines, an older text's (a word or more shorter), none yet.
    private let typedExact = Atomic<Int>(0), typedOlder = Atomic<Int>(0), typedWithout = Atomic<Int>(0)

    private init(model: SemanticModel, parameters: Parameters, openings: VectorSet, leads: VectorSet, learned: VectorSet?,
                 cacheBytes: Int, embedsTypingInBackground: Bool) {
        scored = MemoryCache(budget: cacheBytes)
        typing = embedsTypingInBackground ? EmbeddingQueue() : nil
        self.model = model
        self.parameters = parameters
        self.openings = openings
        self.leads = leads
        self.learned = learned
    }

    /// The vectors of the index for `documents`, or nil when the index has none made by `model`.
    static func load(_ db: Database, model: SemanticModel, documents: DocumentTable, parameters: Parameters,
                     cacheBytes: Int, embedsTypingInBackground: Bool) throws -> SemanticRanking? {
        guard let byRowid = try ArticleVectors.load(db, model: model) else { return nil }
        let vectors = documents.rowids.map { byRowid[$0] }, learned = try LearnedVectors.load(db, model: model)
        return SemanticRanking(model: model, parameters: parameters, openings: VectorSet(vectors.map { $0?.opening }),
                               leads: VectorSet(vectors.map { $0?.lead }),
                               learned: learned.isEmpty ? nil : VectorSet(documents.rowids.map { learned[$0] }),
                               cacheBytes: cacheBytes, embedsTypingInBackground: embedsTypingInBackground)
    }

    /// The cosines a query is ranked with, and whether they are its own text's. Drafts, and every text unless typing
    /// is embedded in the background, wait for the encoder. In the background, search-box text (`typed`) not cached
    /// yet is queued and ranked meanwhile with its longest cached prefix that ends a word ("Wie lautet" for "Wie
    /// lautet der", cached since that word was typed), or lexical-only (nil) when there is none.
    func similarities(of text: String, draft: Bool, typed: Bool) -> (values: Cosines, exact: Bool)? {
        guard typed, let typing else { return (cosines(of: text, draft: draft), true) }
        let texts = [text] + Self.wordPrefixes(of: text)
        let found = scored.values(for: texts.map { Self.key($0, draft: draft) })
        if let own = found[Self.key(text, draft: draft)] {
            typedExact.add(1, ordering: .relaxed)
            return (own.cosines, true)
        }
        typing.request(Self.key(text, draft: draft)) { [self] in _ = cosines(of: text, draft: draft) }
        guard let older = texts.lazy.compactMap({ found[Self.key($0, draft: draft)] }).first else {
            typedWithout.add(1, ordering: .relaxed)
            return nil
        }
        typedOlder.add(1, ordering: .relaxed)
        return (older.cosines, false)
    }

    /// Search-box texts ranked with their own cosines, with an older text's, without (background typing only).
    var typedCounts: (exact: Int, older: Int, without: Int) {
        (typedExact.load(ordering: .relaxed), typedOlder.load(ordering: .relaxed), typedWithout.load(ordering: .relaxed))
    }

    /// The prefixes of `text` that end a word, longest first ("Wie lautet der" → "Wie lautet", "Wie").
    static func wordPrefixes(of text: String) -> [String] {
        var prefixes: [String] = []
        var index = text.endIndex, inWord = false
        while index > text.startIndex {
            let before = text.index(before: index)
            let isWordCharacter = text[before].isLetter || text[before].isNumber
            if isWordCharacter, !inWord, index < text.endIndex { prefixes.append(String(text[..<index])) }
            inWord = isWordCharacter
            index = before
        }
        return prefixes
    }

    private static func key(_ text: String, draft: Bool) -> String { (draft ? "d\u{0}" : "s\u{0}") + text }

    /// Cosine of every article with `text`, in document order: embedded and scored once per text while it stays
    /// in the cache. As-you-type, the keystrokes inside a word ask for the same text (`semanticText`), so they
    /// cost neither an encoder run nor a pass over the vectors.
    func exactSimilarities(of text: String, draft: Bool) -> [Float] {
        cosines(of: text, draft: draft).floats
    }

    /// The same, as the fusion reads them (no array of floats per request).
    func cosines(of text: String, draft: Bool) -> Cosines {
        let key = Self.key(text, draft: draft)
        if let cached = scored.values(for: [key])[key] { return cached.cosines }
        let pieces = draft ? parameters.draftPieces : parameters.shortPieces
        let embedded = ScoredText(cosines: cosines(to: model.embed(text, maxPieces: pieces)), keyBytes: key.utf8.count)
        scored.insert([key: embedded])
        return embedded.cosines
    }

    /// Cosine of every article with `query`, in document order: the title and lead vectors in one pass, combined per
    /// article straight into the 16-bit cosines.
    private func cosines(to query: [Float]) -> Cosines {
        let (opening, lead) = openings.similarities(to: query, and: leads)
        let learned = learned?.similarities(to: query)
        let weight = Float(parameters.openingWeight), share = Self.learnedShare
        return Cosines(count: opening.count) { document in
            let authored = weight >= 0 ? opening[document] * weight + lead[document] * (1 - weight) : max(opening[document], lead[document])
            // An article that learned words: part author's text, part customers' words (`learnedShare`).
            guard let learned, learned[document] != 0 else { return authored }
            return (1 - share) * authored + share * learned[document]
        }
    }

    /// The learned vector's share of an article's similarity: 0.2–0.35 gave the same Recall@1 on the tuning part
    /// (BENCHMARKS.md, "Learning from outcomes"); as the only similarity (the larger of it and the authors') it lost.
    static let learnedShare: Float = 0.3

    /// How far down the other ranking each ranking's first may stand for the two to agree (`AnswerEvidence.agreement`).
    static let agreementDepth = 3

    /// The lexical candidates (best first, at least `pool` of them when there are) fused with the articles most
    /// similar to the query (`similarity`: every article's cosine) by the parameters of the query's mode (`draft`);
    /// returns the best `limit`, the cosine of the first and whether the two rankings agree (nil without lexical
    /// candidates).
    func fuse(_ lexical: [Ranker.Candidate], similarity: Cosines, draft: Bool, limit: Int,
              accepts: (Int32) -> Bool) -> (candidates: [Ranker.Candidate], similarity: Double, agreement: Bool?) {
        let mode = draft ? parameters.draft : parameters.short
        var pool = Set(lexical.prefix(parameters.pool).map(\.document))
        let semantic = similarity.top(parameters.pool, accepts: accepts)
        pool.formUnion(semantic)
        let agreement = lexical.first.map { first in
            semantic.prefix(Self.agreementDepth).contains(first.document)
                && semantic.first.map { top in lexical.prefix(Self.agreementDepth).contains { $0.document == top } } == true
        }
        let lexicalScores = Dictionary(lexical.map { ($0.document, $0.score) }, uniquingKeysWith: max)
        let bestLexical = lexical.first?.score ?? 0
        let floor = Float(mode.similarityFloor)
        let poolSimilarities = pool.map { similarity[Int($0)] }
        let bestSimilarity = poolSimilarities.max() ?? 0
        // How far the best candidate's cosine stands above the candidates' mean: how clearly the query's meaning
        // picks one out (cosines of short or unclear texts lie close together).
        let standout = Double(bestSimilarity) - poolSimilarities.reduce(0.0) { $0 + Double($1) } / Double(max(1, pool.count))
        let weight = (bestLexical > 0 ? mode.semanticWeight * (1 - min(1, bestLexical / mode.lexicalConfidence)) : 1)
            * min(1, max(0, standout) / mode.standoutMargin)
        var fused = pool.map { document -> Ranker.Candidate in
            let lexicalPart = bestLexical > 0 ? (lexicalScores[document] ?? 0) / bestLexical : 0
            let semanticPart = bestSimilarity > floor ? Double(max(similarity[Int(document)] - floor, 0) / (bestSimilarity - floor)) : 0
            return Ranker.Candidate(document: document, score: (1 - weight) * lexicalPart + weight * semanticPart)
        }
        fused.sort { $0.ranks(before: $1) }
        fused = Array(fused.prefix(limit))
        return (fused, Double(fused.first.map { similarity[Int($0.document)] } ?? 0), agreement)
    }
}

/// How the semantic similarity and the lexical score are fused (defaults tuned on the tuning parts, README).
public struct FusionParameters: Sendable, Equatable {
    /// The fusion of one query mode. The semantic weight shrinks as the best lexical score nears
    /// `lexicalConfidence` (a strong lexical match keeps its ranking) and as the best candidate's cosine stands less
    /// than `standoutMargin` above the candidates' mean (a meaning that picks out no candidate does not re-rank).
    public struct Mode: Sendable, Equatable {
        public var semanticWeight: Double
        public var similarityFloor: Double
        public var lexicalConfidence: Double
        public var standoutMargin: Double
    }

    /// Tuned with the answer decision (scripts/tune_fusion.py) on the tuning parts: judged-queries.json,
    /// tuning2-queries.json, the odd ids of heldout-queries.json and paraphrase-queries.json, xquad_de's odd
    /// paragraphs (BENCHMARKS.md "Relevance"). Search-box text with few concepts:
    public var short = Mode(semanticWeight: 0.9, similarityFloor: 0.0, lexicalConfidence: 1.0, standoutMargin: 0.2)
    /// Drafts, and search-box text with many concepts:
    public var draft = Mode(semanticWeight: 0.7, similarityFloor: 0.1, lexicalConfidence: 1.0, standoutMargin: 0.2)
    /// An article's similarity: opening · openingWeight + lead · (1 − openingWeight), or (negative) the larger.
    public var openingWeight = -1.0
    public var pool = 30
    /// Pieces of the query embedded (BOS and EOS included): search box, drafts. A draft waits for its embedding, so
    /// its pieces are its cost; 32 ranked the tuning parts' drafts as 64 did at half the encoder's work but silenced
    /// a held-out colloquial draft (BENCHMARKS.md "Tried and not kept"), so 64 stays.
    public var shortPieces = 32
    public var draftPieces = 64

    public init() {}
}

/// A text's cosines kept per text (`Cosines`), costed for the cache.
private struct ScoredText: MemoryCosted {
    var cosines: Cosines
    var keyBytes: Int

    var byteCount: Int { cosines.count * 2 + keyBytes + 64 }
}
