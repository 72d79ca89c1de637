import LotseAnalysis

/// An operator's pins resolved to one index's articles, and where a query's pins put them in its answer.
struct PinTable: Sendable {
    private struct Entry: Sendable {
        var words: PinnedWords
        var document: Int32
        var position: Int
        /// The pin's place in its file: the earlier pin wins a tie.
        var order: Int
    }

    /// An article a query's pins place, at `position` (1 is the top).
    struct Placement: Equatable {
        var document: Int32
        var position: Int
        var match: PinnedWords.Match
        var order: Int

        /// Lower positions first; for the same position a pin whose whole query was typed, then the file's order.
        func precedes(_ other: Placement) -> Bool {
            (position, other.match, order) < (other.position, match, other.order)
        }
    }

    /// By the first letter of the pinned query: a typed query is compared with the pins that start like it (so a
    /// thousand pins cost a query about what a few dozen do; a typo in the first letter misses the pin).
    private let entries: [Unicode.Scalar: [Entry]]

    static let empty = PinTable(entries: [])
    var isEmpty: Bool { entries.isEmpty }

    private init(entries: [Entry]) { self.entries = Dictionary(grouping: entries) { $0.words.words[0].letters[0] } }

    /// The pins whose article is in `documents` (id → document number); the others are returned as `skipped`.
    static func resolve(_ pins: [Pin], documents: [String: Int32]) -> (table: PinTable, skipped: [Pin]) {
        var entries: [Entry] = [], skipped: [Pin] = []
        for (order, pin) in pins.enumerated() {
            guard let document = documents[pin.articleId] else {
                skipped.append(pin)
                continue
            }
            entries.append(Entry(words: pin.words, document: document, position: pin.position, order: order))
        }
        return (PinTable(entries: entries), skipped)
    }

    /// The articles pinned to `text` or to a query it begins (`typing`: its last word may be unfinished), each
    /// once, in the order they take their places.
    func placements(for text: String, typing: Bool, analyzer: Analyzer) -> [Placement] {
        guard !entries.isEmpty else { return [] }
        let typed = PinnedWords(text, analyzer: analyzer, typing: typing)
        guard let first = typed.words.first?.letters.first, let entries = entries[first] else { return [] }
        var best: [Int32: Placement] = [:]
        for entry in entries {
            guard let match = typed.match(entry.words) else { continue }
            let placement = Placement(document: entry.document, position: entry.position, match: match, order: entry.order)
            if best[entry.document].map({ placement.precedes($0) }) ?? true { best[entry.document] = placement }
        }
        return best.values.sorted { $0.precedes($1) }
    }

    /// `ranked` with the pinned articles at their positions and the rest moved down, cut to `limit`. A position
    /// past the end takes the last place (of the answer or of the limit), so every pin shows while there is room;
    /// a pinned article keeps the score the ranking gave it (0 when it does not match the query at all).
    static func place(_ placements: [Placement], in ranked: [Ranker.Candidate], limit: Int) -> [Ranker.Candidate] {
        let pins = Array(placements.prefix(limit))
        // The k-th last pin may sit at limit − k at most, so later pins still fit.
        let positions = pins.indices.map { min(pins[$0].position, limit - (pins.count - 1 - $0)) }
        let pinned = Set(pins.map(\.document))
        let scores = Dictionary(ranked.map { ($0.document, $0.score) }, uniquingKeysWith: max)
        var rest = ranked.filter { !pinned.contains($0.document) }[...]
        var next = 0
        var placed: [Ranker.Candidate] = []
        while placed.count < limit, next < pins.count || !rest.isEmpty {
            if next < pins.count, positions[next] <= placed.count + 1 || rest.isEmpty {
                placed.append(Ranker.Candidate(document: pins[next].document, score: scores[pins[next].document] ?? 0))
                next += 1
            } else {
                placed.append(rest.removeFirst())
            }
        }
        return placed
    }
}
