/// One thing the query asks for (a word, a hyphenated compound), matched by any of its alternatives.
struct Concept: Equatable, Sendable {
    struct Alternative: Equatable, Hashable, Sendable {
        /// Analysed terms; more than one is a phrase, or with `allOf` terms that must all occur anywhere.
        var terms: [String]
        /// The terms need not be adjacent (compound parts: "kund" AND "numm" finds "Nummer des Kunden").
        var allOf = false
        /// How much an occurrence counts (1 for the word itself, less for parts, synonyms, corrections).
        var weight = 1.0
        /// A typo correction's (or its synonym's): a match through it is a guess, and the encoder read the typo.
        var corrected = false
    }

    /// The folded word as the user wrote it (for debugging and query logs).
    var word: String
    var alternatives: [Alternative]
    /// Query weight: subject words weigh more than description words.
    var weight: Double
    /// Inverse document frequency, set by the planner from the index statistics.
    var idf = 1.0
    /// Says that something is wrong, not what (`SymptomWords`): not required where a search wants every concept.
    var isSymptom = false
    /// The typed word is unknown to the index: its likeliest correction (folded). The engine keeps it only where the
    /// word looks misspelt (`SearchEngine.misspellings`), which the answer decision asks (`AnswerEvidence`).
    var correction: String? = nil
}

/// How a query is ranked: a short search (AND first, relaxed to OR) or a whole ticket draft (OR, coverage).
/// An unfinished last word is handled by the planner in either mode (vocabulary completions).
public enum QueryMode: String, Sendable, Equatable {
    case short
    case draft
}

/// A query's concepts as cached per engine.
struct PlannedQuery: MemoryCosted {
    var concepts: [Concept]
    /// The articles the curation's pins place for the query.
    var pinned: [PinTable.Placement] = []
    /// What the encoder reads (`SearchEngine.semanticText`); nil: nothing, or no semantic ranking.
    var encoderText: String?
    var keyBytes: Int

    var byteCount: Int {
        keyBytes + pinned.count * 32 + (encoderText?.utf8.count ?? 0) + concepts.reduce(64) { total, concept in
            total + 64 + concept.word.utf8.count
                + concept.alternatives.reduce(0) { $0 + 48 + $1.terms.reduce(0) { $0 + 16 + $1.utf8.count } }
        }
    }
}
