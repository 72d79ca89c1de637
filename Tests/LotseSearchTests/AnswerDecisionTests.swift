import Testing
@testable import LotseSearch

/// The answer decision on evidence: the hybrid ranking keeps every lexical answer but a weak one far from the query.
struct AnswerDecisionTests {
    static let lexical = AnswerEvidence(score: 0.3, wordCoverage: 0.7, draft: false)

    @Test(arguments: [false, true])
    func semanticHalfOnlyVetoesWeakLexicalAnswers(draft: Bool) {
        var strong = Self.lexical
        strong.draft = draft
        strong.similarity = -0.1
        #expect(AnswerDecision.answers(strong), "a strong lexical answer stays, however far its article")
        var weak = strong
        weak.score = (draft ? AnswerDecision.weakDraftScore : AnswerDecision.weakScore) / 2
        #expect(AnswerDecision.answersLexically(weak))
        #expect(!AnswerDecision.answers(weak), "a weak lexical answer far from the query is vetoed")
        weak.similarity = draft ? AnswerDecision.vetoDraftSimilarity : AnswerDecision.vetoSimilarity
        #expect(AnswerDecision.answers(weak))
        var silent = Self.lexical
        silent.draft = draft
        silent.score = 0.001
        silent.similarity = 0.9
        #expect(!AnswerDecision.answers(silent), "the semantic half adds no answer")
    }
}
