/// The only code that writes FTS5 query syntax. Every term is quoted with inner quotes doubled; only this
/// builder writes OR, AND and parentheses; empty terms are dropped. The result is bound as a parameter.
/// (No FTS5 prefix queries: the planner completes unfinished words from the vocabulary, which bounds the work.)
enum QueryBuilder {
    struct Query: Equatable {
        /// The FTS5 MATCH expression.
        var match: String
        /// For each phrase of `match`, left to right: its concept index and weight (for `lotse_score`).
        var phraseConcepts: [Int32]
        var phraseWeights: [Double]
    }

    enum Combination {
        case all
        case any
    }

    static func build(_ concepts: [Concept], combining combination: Combination) -> Query? {
        var groups: [String] = []
        var phraseConcepts: [Int32] = []
        var phraseWeights: [Double] = []
        for (index, concept) in concepts.enumerated() {
            var phrases: [String] = []
            for alternative in concept.alternatives {
                if alternative.allOf {
                    let parts = alternative.terms.compactMap { phrase(Concept.Alternative(terms: [$0])) }
                    guard parts.count > 1 else { continue }
                    phrases.append("(" + parts.joined(separator: " AND ") + ")")
                    for _ in parts {
                        phraseConcepts.append(Int32(index))
                        phraseWeights.append(alternative.weight)
                    }
                    continue
                }
                guard let phrase = phrase(alternative) else { continue }
                phrases.append(phrase)
                phraseConcepts.append(Int32(index))
                phraseWeights.append(alternative.weight)
            }
            guard !phrases.isEmpty else { continue }
            groups.append(phrases.count == 1 ? phrases[0] : "(" + phrases.joined(separator: " OR ") + ")")
        }
        guard !groups.isEmpty else { return nil }
        let separator = combination == .all ? " AND " : " OR "
        return Query(match: groups.joined(separator: separator), phraseConcepts: phraseConcepts, phraseWeights: phraseWeights)
    }

    /// `"term"`, or `"first second"` for a phrase; nil when nothing is left.
    static func phrase(_ alternative: Concept.Alternative) -> String? {
        let terms = alternative.terms.map(clean).filter { !$0.isEmpty }
        guard !terms.isEmpty else { return nil }
        return "\"" + terms.joined(separator: " ").replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// Terms come from the analyzer, but stay defensive: no spaces (the query tokenizer splits on them),
    /// no control characters.
    private static func clean(_ term: String) -> String {
        String(term.unicodeScalars.filter { $0 != " " && !$0.properties.generalCategory.isControl })
    }
}

private extension Unicode.GeneralCategory {
    var isControl: Bool { self == .control || self == .format || self == .surrogate || self == .unassigned }
}
