import Foundation
import LotseAnalysis

/// Groups of interchangeable expressions from `synonyms.txt`, matched by stem.
struct Synonyms: Sendable {
    /// Stem of a single-word expression → the analysed forms of its group (each a list of stems).
    private let groups: [String: [[String]]]
    /// Multi-word expressions (as stems) → the other expressions of their group.
    let phrases: [[String]: [[String]]]

    static let bundledPath = Bundle.module.path(forResource: "synonyms", ofType: "txt")

    init(text: String, analyzer: Analyzer) {
        var groups: [String: [[String]]] = [:]
        var phrases: [[String]: [[String]]] = [:]
        for line in text.split(separator: "\n") {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            guard !trimmed.isEmpty, !trimmed.hasPrefix("#") else { continue }
            let expressions = trimmed.split(separator: ",").map { expression in
                analyzer.words(in: String(expression)).map { analyzer.stem($0.folded) }
            }.filter { !$0.isEmpty }
            for expression in expressions {
                let others = expressions.filter { $0 != expression }
                if expression.count == 1 {
                    groups[expression[0], default: []].append(
                        contentsOf: others.filter { !groups[expression[0], default: []].contains($0) })
                } else {
                    phrases[expression, default: []].append(contentsOf: others.filter { !phrases[expression, default: []].contains($0) })
                }
            }
        }
        self.groups = groups
        self.phrases = phrases
    }

    static let empty = Synonyms(groups: [:], phrases: [:])
    private init(groups: [String: [[String]]], phrases: [[String]: [[String]]]) {
        self.groups = groups
        self.phrases = phrases
    }

    /// The longest multi-word expression starting at `index` of `stems`: its length and its alternatives.
    func phrase(at index: Int, in stems: [String]) -> (length: Int, alternatives: [[String]])? {
        var best: (length: Int, alternatives: [[String]])?
        for (expression, alternatives) in phrases where index + expression.count <= stems.count
            && expression.count > (best?.length ?? 1) && Array(stems[index..<(index + expression.count)]) == expression {
            best = (expression.count, alternatives)
        }
        return best
    }

    /// Expressions interchangeable with a word of this stem.
    func alternatives(forStem stem: String) -> [[String]] { groups[stem] ?? [] }
}
