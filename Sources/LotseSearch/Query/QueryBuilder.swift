/// Turns concepts into what the ranker looks up: per concept its alternatives with every term cleaned (no spaces,
/// no control characters) and empty ones dropped. User text reaches the index only as these terms, each bound as
/// the parameter of an exact term lookup in FTS5's index (`Postings.load`); no FTS5 query syntax is written.
enum QueryBuilder {
    struct Query: Equatable {
        /// Per concept (same order as the input): its matchable alternatives, empty when nothing is left.
        var alternatives: [[Concept.Alternative]]

        /// Every distinct term, in first-use order.
        var terms: [String] {
            var seen: Set<String> = []
            return alternatives.joined().flatMap(\.terms).filter { seen.insert($0).inserted }
        }
    }

    static func build(_ concepts: [Concept]) -> Query? {
        let alternatives = concepts.map { concept in concept.alternatives.compactMap(clean) }
        guard alternatives.contains(where: { !$0.isEmpty }) else { return nil }
        return Query(alternatives: alternatives)
    }

    /// The alternative with clean terms; nil when nothing is left (or, for parts that must co-occur, one part).
    static func clean(_ alternative: Concept.Alternative) -> Concept.Alternative? {
        var cleaned = alternative
        cleaned.terms = alternative.terms.map(clean).filter { !$0.isEmpty }
        return cleaned.terms.count > (alternative.allOf ? 1 : 0) ? cleaned : nil
    }

    /// Terms come from the analyzer, but stay defensive: no spaces (terms are single tokens), no control characters.
    private static func clean(_ term: String) -> String {
        String(term.unicodeScalars.filter { $0 != " " && !$0.properties.generalCategory.isControl })
    }
}

private extension Unicode.GeneralCategory {
    var isControl: Bool { self == .control || self == .format || self == .surrogate || self == .unassigned }
}
