import Foundation
import GRDB
import LotseIndex
import LotseSemantic

/// The semantic half of the ranking: every article's title and lead vector (int8, in document order), the query's
/// embedding (cached per text), and the fusion of cosine similarity with the lexical candidates.
///
/// Fusion is normalised: lexical score / the best lexical score, and cosine above `similarityFloor` / the best
/// cosine above it; candidates are the lexical top `pool` and the semantic top `pool`. The semantic weight
/// shrinks as the lexical evidence grows (`lexicalConfidence`): a query whose words the best article matches
/// well keeps its lexical ranking, one that matches nothing is ranked by meaning alone.
final class SemanticRanking: Sendable {
    typealias Parameters = FusionParameters

    let model: SemanticModel
    let parameters: Parameters
    private let openings: VectorSet
    private let leads: VectorSet
    private let scored = MemoryCache<String, ScoredText>(budget: 16 << 20)

    private init(model: SemanticModel, parameters: Parameters, openings: VectorSet, leads: VectorSet) {
        self.model = model
        self.parameters = parameters
        self.openings = openings
        self.leads = leads
    }

    /// The vectors of the index for `documents`, or nil when the index has none made by `model`.
    static func load(_ db: Database, model: SemanticModel, documents: DocumentTable, parameters: Parameters) throws -> SemanticRanking? {
        guard let byRowid = try ArticleVectors.load(db, model: model) else { return nil }
        let vectors = documents.rowids.map { byRowid[$0] }
        return SemanticRanking(model: model, parameters: parameters, openings: VectorSet(vectors.map { $0?.opening }),
                               leads: VectorSet(vectors.map { $0?.lead }))
    }

    /// Cosine of every article with `text`, in document order: embedded and scored once per text while it stays
    /// in the cache. As-you-type, the keystrokes inside a word ask for the same text (`semanticText`), so they
    /// cost neither an encoder run nor a pass over the vectors.
    func similarities(of text: String, draft: Bool) -> [Float] {
        let key = (draft ? "d\u{0}" : "s\u{0}") + text
        if let cached = scored.values(for: [key])[key] { return cached.similarities }
        let similarities = similarities(to: model.embed(text, maxPieces: draft ? parameters.draftPieces : parameters.shortPieces))
        scored.insert([key: ScoredText(similarities: similarities, keyBytes: key.utf8.count)])
        return similarities
    }

    /// Cosine of every article with `query`, in document order.
    private func similarities(to query: [Float]) -> [Float] {
        let opening = openings.similarities(to: query), lead = leads.similarities(to: query)
        let weight = Float(parameters.openingWeight)
        guard weight >= 0 else { return zip(opening, lead).map { max($0, $1) } }
        return zip(opening, lead).map { $0 * weight + $1 * (1 - weight) }
    }

    /// The lexical candidates (best first, at least `pool` of them when there are) fused with the articles most
    /// similar to `text`; returns the best `limit` and the cosine of the first.
    func fuse(_ lexical: [Ranker.Candidate], text: String, draft: Bool, limit: Int,
              accepts: (Int32) -> Bool) -> (candidates: [Ranker.Candidate], similarity: Double) {
        let similarity = similarities(of: text, draft: draft)
        var pool = Set(lexical.prefix(parameters.pool).map(\.document))
        for document in Self.top(similarity, count: parameters.pool, accepts: accepts) { pool.insert(document) }
        let lexicalScores = Dictionary(lexical.map { ($0.document, $0.score) }, uniquingKeysWith: max)
        let bestLexical = lexical.first?.score ?? 0
        let floor = Float(parameters.similarityFloor)
        let bestSimilarity = pool.map { similarity[Int($0)] }.max() ?? 0
        let weight = bestLexical > 0
            ? parameters.semanticWeight * (1 - min(1, bestLexical / parameters.lexicalConfidence)) : 1
        var fused = pool.map { document -> Ranker.Candidate in
            let lexicalPart = bestLexical > 0 ? (lexicalScores[document] ?? 0) / bestLexical : 0
            let semanticPart = bestSimilarity > floor ? Double(max(similarity[Int(document)] - floor, 0) / (bestSimilarity - floor)) : 0
            return Ranker.Candidate(document: document, score: (1 - weight) * lexicalPart + weight * semanticPart)
        }
        fused.sort { $0.ranks(before: $1) }
        fused = Array(fused.prefix(limit))
        return (fused, Double(fused.first.map { similarity[Int($0.document)] } ?? 0))
    }

    /// Documents with the `count` highest values that `accepts` lets through.
    private static func top(_ values: [Float], count: Int, accepts: (Int32) -> Bool) -> [Int32] {
        var best: [(Float, Int32)] = []
        best.reserveCapacity(count + 1)
        for (index, value) in values.enumerated() where best.count < count || value > best[best.count - 1].0 {
            let document = Int32(index)
            guard accepts(document) else { continue }
            best.insert((value, document), at: best.firstIndex { value > $0.0 } ?? best.count)
            if best.count > count { best.removeLast() }
        }
        return best.map(\.1)
    }
}

/// How the semantic similarity and the lexical score are fused (defaults tuned on the tuning parts, README).
public struct FusionParameters: Sendable, Equatable {
    /// Tuned with the answer decision (scripts/tune_fusion.py) on the tuning parts: judged-queries.json, the odd
    /// ids of heldout-queries.json and paraphrase-queries.json, xquad_de's odd paragraphs.
    public var semanticWeight = 0.5
    public var similarityFloor = 0.2
    /// The best lexical score at which the semantic weight would reach 0: scores stay below 1, so a strong lexical
    /// match keeps a quarter of the semantic weight.
    public var lexicalConfidence = 2.0
    /// An article's similarity: opening · openingWeight + lead · (1 − openingWeight), or (negative) the larger.
    public var openingWeight = -1.0
    public var pool = 30
    /// Pieces of the query embedded (BOS and EOS included): search box, drafts.
    public var shortPieces = 32
    public var draftPieces = 64

    public init() {}
}

private struct ScoredText: MemoryCosted {
    var similarities: [Float]
    var keyBytes: Int
    var byteCount: Int { similarities.count * 4 + keyBytes + 64 }
}
