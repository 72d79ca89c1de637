import GRDB
import LotseAnalysis

/// The curation an engine answers with right now (replaced whole by `curate`).
struct CurationState: Sendable {
    var synonyms: Synonyms
    var pins: PinTable
    /// Starts at 0 and counts the engine's curations; part of every cache key.
    var generation: Int
}

extension SearchEngine {
    /// Answers with `curation` from now on: its synonyms beside the built-in ones, its pins on this index's
    /// articles. Returns the pins whose article the index does not have (skipped, so a removed article does not
    /// cost the other pins). Answers and plans cached under the previous curation are never served again.
    @discardableResult
    public func curate(_ curation: Curation) throws -> [Pin] {
        let table = documents
        let numbers = try connection.read { db in
            var numbers: [String: Int32] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT rowid, id FROM articles") {
                if let number = table.number(ofRowid: row[0]) { numbers[row[1]] = number }
            }
            return numbers
        }
        let (pins, skipped) = PinTable.resolve(curation.pins, documents: numbers)
        let synonyms = Synonyms.bundled.merged(with: curation.synonyms)
        self.curation.withLock { $0 = CurationState(synonyms: synonyms, pins: pins, generation: $0.generation + 1) }
        return skipped
    }
}

extension PinTable {
    /// A search-box query is matched as typed; a draft by its subject (the customer's headline), typed while
    /// there is no description yet.
    func placements(for input: SearchInput, analyzer: Analyzer) -> [Placement] {
        switch input {
        case .query(let query): placements(for: query, typing: true, analyzer: analyzer)
        case .draft(let subject, let description): placements(for: subject, typing: description.isEmpty, analyzer: analyzer)
        }
    }
}
