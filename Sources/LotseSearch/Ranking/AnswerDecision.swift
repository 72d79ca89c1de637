/// What the best article matched of a query: the inputs of the answer / no-answer decision.
public struct AnswerEvidence: Sendable, Codable, Equatable {
    /// The best article's score (0…1).
    public var score: Double
    /// Cosine of the best article with the query (hybrid ranking only): an out-of-scope query has no close article.
    public var similarity: Double? = nil
    /// Share of the query's weight (query weight × idf) the best article matches by the words as typed: a concept
    /// matched only through a typo correction or a compound part counts at that alternative's weight.
    public var wordCoverage: Double
    public var draft: Bool
    /// Hybrid ranking: whether the lexical and the semantic ranking agree on the topic, each one's first among the
    /// other's first three (`SemanticRanking.agreementDepth`); nil lexical-only or without lexical candidates.
    public var agreement: Bool? = nil
    /// Share of the query's weight the best article matches only through corrections of words that look misspelt
    /// (`SearchEngine.misspellings`): the encoder read those words as typed, so the cosine says little.
    public var misspeltCoverage = 0.0
    /// Share of the query's weight in words no article has in any form (not as typed, stemmed, split or corrected):
    /// an out-of-scope text's most specific word ("teamspeak", "rabattcode", "affiliate"), but also many a right
    /// answer's colloquial or misspelt word. For tuning (`lotse evaluate --features`); the decision does not ask.
    public var unknownShare = 0.0
    /// Drafts, hybrid ranking: how many standard deviations the cosine of the hybrid ranking's best stands above the
    /// mean cosine of every article. For tuning, as `unknownShare`.
    public var standout: Double? = nil
    /// How many concepts the query has (its words after stop words; a draft keeps `QueryPlanner.draftConceptLimit`):
    /// one or two generic words some article has match it by chance more often than a longer text. For tuning, as
    /// `unknownShare` (`scripts/fit_answers.py --concepts`).
    public var concepts = 0
}

/// Answer or stay silent. A fixed minimum score was wrong both ways: it hid right answers to plain questions
/// whose words the article shares only in part, and let out-of-scope drafts through on one common word. The
/// decision asks how much of the query the best article matches by the words as typed (`wordCoverage`), and
/// keeps a small score floor.
///
/// Every bar was chosen (`scripts/tune_answers.py`, `scripts/tune_fusion.py`) on the tuning parts only, with each
/// set's questions asked of the other corpus as out-of-scope queries; the held-out parts are only measured
/// (BENCHMARKS.md "Relevance", "Answer decision"; RelevanceTests). Issue 14's out-of-scope text shares a generic word
/// with some article while its most specific word is in none, and so do many right answers' colloquial or misspelt
/// words: bars on unknown words and one logistic model over all the evidence lost as many held-out right answers as
/// they silenced out-of-scope ones (BENCHMARKS.md "Tried and not kept").
public enum AnswerDecision {
    /// Search-box queries: below this share of the query's weight matched by the words as typed, the best
    /// article is a coincidence.
    static let minimumWordCoverage = 0.21
    static let minimumScore = 0.015
    /// Drafts: customers write context, greetings and asides, so even the right article matches a small share
    /// of the words; only a near-zero score is silence (drafts rank with up to `QueryPlanner.draftConceptLimit`
    /// concepts some article matches).
    static let minimumDraftScore = 0.025
    /// Drafts, hybrid ranking: the draft bar where the lexical and the semantic ranking agree on the topic
    /// (`AnswerEvidence.agreement`): an out-of-scope draft's two rankings seldom do (it shares a word with one article
    /// and its meaning with another), while many right answers under the draft bar had both agree.
    static let agreedDraftScore = 0.01

    /// Hybrid ranking: it answers wherever the lexical decision does, except that the semantic half vetoes a weak
    /// lexical answer (score below these) whose best article is far from the query (cosine of the hybrid ranking's
    /// best below these bars); it adds only search-box answers very close in meaning (`semanticAnswerSimilarity`).
    /// Out-of-scope queries share a word or two with some article ("wetter morgen in leipzig": the address), not its
    /// meaning; the tuning parts had to lose nothing against lexical-only in Recall@1, @3, @10 and MRR@10. Search box:
    /// right answers can have cosines near 0 for every article ("junk mails filtern" 0.06), so the bar stays low.
    static let weakScore = 0.2
    static let vetoSimilarity = 0.075
    static let weakDraftScore = 0.05
    static let vetoDraftSimilarity = 0.15
    /// Search box: no veto where the best article matches at least this share of the query's weight only through
    /// corrections of misspelt words. The encoder reads a typo as typed, and an unfinished-looking misspelt last word
    /// not at all, so the cosine of "abo beeden" (0.067), "pawsord vergesen" or "Bis wann kann man samstags anrufne"
    /// says nothing; an out-of-scope query's unknown words are mostly real words ("minecraft server mieten": mieten →
    /// bieten), which `misspellings` does not count. Chosen on the tuning parts' typo and umlaut-less copies too.
    static let misspeltShare = 0.3
    /// Search box: a query the lexical decision leaves unanswered is answered where the hybrid ranking's best is at
    /// least this close in meaning (issue 14: xquad_de's questions whose words the article shares only in part,
    /// "Welcher Forscher benutzte zum ersten Mal das Wort Oxygenium?", 0.47). No out-of-scope search-box text of the
    /// tuning parts came above 0.31. Drafts need a lexical score beside it: their out-of-scope cosines reach 0.6.
    static let semanticAnswerSimilarity = 0.35
    /// Drafts, hybrid ranking: under the draft bar, answered from this score where the best article is at least
    /// `semanticAnswerSimilarity` close in meaning. Customers describe symptoms in their own words ("unsere Angebote
    /// kommen zurück"), so a long draft matches few of the article's; drafts5's tuning half lost 11 of 38 right
    /// answers to the bar, most of them close in meaning (0.28–0.52). Among the cheapest points of
    /// `scripts/tune_draft_support.py` over the tuning parts' drafts (48 errors of 632, against 54), the one that keeps
    /// the draft bars and hides the fewest right answers: 9 more answered for 3 more out-of-scope ones.
    static let supportedDraftScore = 0.012

    public static func answers(_ evidence: AnswerEvidence) -> Bool {
        guard answersLexically(evidence) else {
            let close = (evidence.similarity ?? -1) >= semanticAnswerSimilarity
            return close && (!evidence.draft || evidence.score >= supportedDraftScore)
        }
        guard let similarity = evidence.similarity else { return true }
        return evidence.draft
            ? evidence.score >= weakDraftScore || similarity >= vetoDraftSimilarity
            : evidence.score >= weakScore || similarity >= vetoSimilarity || evidence.misspeltCoverage >= misspeltShare
    }

    /// The decision of the lexical ranking, which the hybrid one keeps unless the semantic half vetoes it (for drafts
    /// with the lower bar where the two rankings agree).
    static func answersLexically(_ evidence: AnswerEvidence) -> Bool {
        evidence.draft
            ? evidence.score >= (evidence.agreement == true ? agreedDraftScore : minimumDraftScore)
            : evidence.wordCoverage >= minimumWordCoverage && evidence.score >= minimumScore
    }
}
