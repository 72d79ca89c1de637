import Testing
@testable import LotseSearch

/// The answer decision on evidence: the hybrid ranking keeps every lexical answer but a weak one far from the query,
/// and adds search-box answers very close in meaning.
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
        silent.similarity = AnswerDecision.semanticAnswerSimilarity - 0.01
        #expect(!AnswerDecision.answers(silent), "the semantic half adds no answer that is not very close in meaning")
        silent.similarity = 0.9
        #expect(AnswerDecision.answers(silent) == !draft, "it adds search-box answers very close in meaning, never drafts")
    }

    /// "Was ist Sepsis?" asked of xquad_de: no article has "sepsis", so there is no lexical evidence, only the
    /// semantic ranking's best (cosine 0.26 there: silent); a search-box text that close to an article is answered.
    @Test func searchBoxTextWithoutLexicalEvidenceIsAnsweredByMeaningAlone() {
        var alone = AnswerEvidence(score: 0, similarity: AnswerDecision.semanticAnswerSimilarity, wordCoverage: 0, draft: false)
        #expect(AnswerDecision.answers(alone))
        alone.similarity = 0.26
        #expect(!AnswerDecision.answers(alone))
        alone.similarity = nil
        #expect(!AnswerDecision.answers(alone), "typing in the background, nothing embedded yet: no answer")
    }

    /// "abo beeden": a weak search-box answer far from the query as the encoder read it (the typo) is kept when the
    /// best article matches enough of the query through corrections of misspelt words; "minecraft server mieten", as
    /// weak and as far but matched through the words as typed (or real words "corrected"), is still vetoed.
    @Test func misspeltQueriesEscapeTheVeto() {
        var misspelt = AnswerEvidence(score: 0.049, similarity: 0.067, wordCoverage: 0.31, draft: false)
        misspelt.misspeltCoverage = 0.35
        #expect(AnswerDecision.answers(misspelt), "a typo'd query's cosine does not veto")
        var outOfScope = misspelt
        outOfScope.misspeltCoverage = 0
        outOfScope.similarity = 0.031
        #expect(!AnswerDecision.answers(outOfScope), "out of scope: vetoed as before")
        outOfScope.misspeltCoverage = AnswerDecision.misspeltShare - 0.01
        #expect(!AnswerDecision.answers(outOfScope), "a misspelt word that carries little of the query does not save it")
        var unanswered = misspelt
        unanswered.wordCoverage = 0.1
        #expect(!AnswerDecision.answers(unanswered), "the semantic half adds no answer, misspelt or not")
        var draft = misspelt
        (draft.draft, draft.score, draft.similarity) = (true, AnswerDecision.weakDraftScore / 2, 0.05)
        #expect(!AnswerDecision.answers(draft), "drafts keep their veto")
    }
}
