import LotseAnalysis

/// An operator's `--synonyms` file: the format of the built-in `Resources/synonyms.txt` (one group of
/// interchangeable expressions per line, commas between them, `#` comments), checked line by line so a mistake is
/// reported where it is. Bounded: a group feeds every query that contains one of its words.
enum SynonymFile {
    static let maximumLineBytes = 1_000
    static let maximumGroupSize = 20
    /// Alternatives one expression may gather across groups (each is a term looked up per query).
    static let maximumAlternatives = 50
    /// Expression pairs the file may create (a group of n makes n·(n−1)): bounds its memory to a few MB.
    static let maximumPairs = 200_000

    /// The file's groups and how many there are.
    static func parse(_ text: String, file: String) throws(CurationFileError) -> (Synonyms, Int) {
        let analyzer = Analyzer()
        var synonyms = Synonyms.empty
        var pairs = 0, groups = 0
        for (offset, line) in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated() {
            func refuse(_ reason: String) -> CurationFileError { CurationFileError(file: file, line: offset + 1, reason: reason) }
            guard line.utf8.count <= maximumLineBytes else { throw refuse("line longer than \(maximumLineBytes) bytes") }
            guard let expressions = Synonyms.expressions(in: line, analyzer: analyzer) else { continue }
            let written = line.split(separator: ",").filter { !$0.allSatisfy(\.isWhitespace) }
            guard expressions.count == written.count else { throw refuse("an expression without letters or digits") }
            guard expressions.count >= 2 else { throw refuse("a group needs at least two expressions, separated by commas") }
            guard expressions.count <= maximumGroupSize else { throw refuse("more than \(maximumGroupSize) expressions in one group") }
            pairs += expressions.count * (expressions.count - 1)
            guard pairs <= maximumPairs else { throw refuse("more than \(maximumPairs) synonym pairs in the file") }
            synonyms.add(expressions)
            groups += 1
            if let crowded = expressions.first(where: { synonyms.alternativeCount(of: $0) > maximumAlternatives }) {
                throw refuse("\"\(crowded.joined(separator: " "))\" has more than \(maximumAlternatives) synonyms across the file's groups")
            }
        }
        return (synonyms, groups)
    }
}
