import LotseSemantic

extension SearchEngine {
    /// A text with no word the lexical ranking can use (only stop words, say): the semantic ranking alone, whose
    /// evidence has no lexical score, so only a close article answers it.
    func semanticOnly(_ text: String, mode: QueryMode, options: SearchOptions) throws
        -> (candidates: [Ranker.Candidate], evidence: AnswerEvidence, matchers: [[ConceptFrequencies.Matcher]])? {
        guard let semantic, text.contains(where: { $0.isLetter || $0.isNumber }) else { return nil }
        let fused = semantic.fuse([], text: text, draft: mode == .draft, limit: options.limit, accepts: filter(options))
        guard !fused.candidates.isEmpty else { return nil }
        return (fused.candidates, AnswerEvidence(score: 0, similarity: fused.similarity, wordCoverage: 0, draft: mode == .draft), [])
    }
}
