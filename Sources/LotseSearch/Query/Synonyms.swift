import Foundation
import LotseAnalysis

/// Groups of interchangeable expressions from `synonyms.txt` (and an operator's `--synonyms` file), matched by stem.
struct Synonyms: Sendable {
    /// Stem of a single-word expression → the analysed forms of its group (each a list of stems).
    private var groups: [String: [[String]]] = [:]
    /// First stem of a multi-word expression → its expressions (as stems) → the other expressions of their group.
    private var phrases: [String: [[String]: [[String]]]] = [:]

    static let bundledPath = Bundle.module.path(forResource: "synonyms", ofType: "txt")
    static let bundled = Synonyms(
        text: bundledPath.flatMap { try? String(contentsOfFile: $0, encoding: .utf8) } ?? "", analyzer: Analyzer())
    static let empty = Synonyms()

    private init() {}

    /// Every line of `text` that is not blank or a comment is a group.
    init(text: String, analyzer: Analyzer) {
        for line in text.split(whereSeparator: \.isNewline) {
            guard let expressions = Self.expressions(in: line, analyzer: analyzer) else { continue }
            add(expressions)
        }
    }

    /// The analysed expressions of one line (each a list of stems, empty ones dropped); nil for a blank or comment line.
    static func expressions(in line: Substring, analyzer: Analyzer) -> [[String]]? {
        let trimmed = line.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty, !trimmed.hasPrefix("#") else { return nil }
        return trimmed.split(separator: ",").map { expression in
            analyzer.words(in: String(expression)).map { analyzer.stem($0.folded) }
        }.filter { !$0.isEmpty }
    }

    /// Adds one group: each expression gains the others as alternatives.
    mutating func add(_ expressions: [[String]]) {
        for expression in expressions { add(expressions.filter { $0 != expression }, to: expression) }
    }

    private mutating func add(_ alternatives: [[String]], to expression: [String]) {
        if expression.count == 1 {
            let known = groups[expression[0], default: []]
            groups[expression[0], default: []].append(contentsOf: alternatives.filter { !known.contains($0) })
        } else {
            let known = phrases[expression[0], default: [:]][expression, default: []]
            phrases[expression[0], default: [:]][expression, default: []].append(contentsOf: alternatives.filter { !known.contains($0) })
        }
    }

    /// Both lists' groups: an expression in both has the alternatives of both.
    func merged(with other: Synonyms) -> Synonyms {
        var merged = self
        for (stem, alternatives) in other.groups { merged.add(alternatives, to: [stem]) }
        for (expression, alternatives) in other.phrases.values.joined() { merged.add(alternatives, to: expression) }
        return merged
    }

    /// The longest multi-word expression starting at `index` of `stems`: its length and its alternatives.
    func phrase(at index: Int, in stems: [String]) -> (length: Int, alternatives: [[String]])? {
        guard let candidates = phrases[stems[index]] else { return nil }
        var best: (length: Int, alternatives: [[String]])?
        for (expression, alternatives) in candidates where index + expression.count <= stems.count
            && expression.count > (best?.length ?? 1) && Array(stems[index..<(index + expression.count)]) == expression {
            best = (expression.count, alternatives)
        }
        return best
    }

    /// How many expressions are interchangeable with `expression` (stems).
    func alternativeCount(of expression: [String]) -> Int {
        expression.count == 1 ? groups[expression[0]]?.count ?? 0 : phrases[expression[0]]?[expression]?.count ?? 0
    }

    /// Expressions interchangeable with a word of this stem.
    func alternatives(forStem stem: String) -> [[String]] { groups[stem] ?? [] }
}
