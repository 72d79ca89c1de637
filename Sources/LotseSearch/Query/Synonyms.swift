import Foundation
import LotseAnalysis

/// Groups of interchangeable expressions from `synonyms.txt`, matched by stem.
struct Synonyms: Sendable {
    /// Stem of a single-word expression → the analysed forms of its group (each a list of stems).
    private let groups: [String: [[String]]]

    static let bundledPath = Bundle.module.path(forResource: "synonyms", ofType: "txt")

    init(text: String, analyzer: Analyzer) {
        var groups: [String: [[String]]] = [:]
        for line in text.split(separator: "\n") {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            guard !trimmed.isEmpty, !trimmed.hasPrefix("#") else { continue }
            let expressions = trimmed.split(separator: ",").map { expression in
                analyzer.words(in: String(expression)).map { analyzer.stem($0.folded) }
            }.filter { !$0.isEmpty }
            for expression in expressions where expression.count == 1 {
                let others = expressions.filter { $0 != expression }
                groups[expression[0], default: []].append(contentsOf: others.filter { !groups[expression[0], default: []].contains($0) })
            }
        }
        self.groups = groups
    }

    static let empty = Synonyms(groups: [:])
    private init(groups: [String: [[String]]]) { self.groups = groups }

    /// Expressions interchangeable with a word of this stem.
    func alternatives(forStem stem: String) -> [[String]] { groups[stem] ?? [] }
}
