import Foundation
import GRDB

/// The inputs of the content-gap topics (`GapInput`).
extension SQLiteTicketStore {
    public func gapInputs(since: Date, limit: Int) async throws -> [GapInput] {
        try await read { db in
            let stamp = since.timeIntervalSince1970
            var rows = GapRows()
            for row in try Row.fetchAll(db, sql: """
                SELECT endpoint, query, session, created_at FROM query_log
                WHERE result_count = 0 AND query <> '' AND created_at >= ? ORDER BY created_at DESC LIMIT ?
                """, arguments: [stamp, limit]) {
                rows.inputs.append((GapInput(kind: row[0], text: row[1], session: row[2], time: Self.date(row[3])), []))
            }
            for row in try Row.fetchAll(db, sql: """
                SELECT substr(subject || char(10) || description, 1, ?), session, suggested_articles, created_at FROM tickets
                WHERE created_at >= ? AND suggested_articles <> '[]' ORDER BY created_at DESC LIMIT ?
                """, arguments: [GapInput.maximumTicketCharacters, stamp, limit]) {
                let input = GapInput(kind: GapInput.ticketKind, text: row[0], session: row[1], time: Self.date(row[3]))
                rows.inputs.append((input, try JSONText.decode([String].self, from: row[2])))
            }
            // The sessions as one bound JSON array: no statement grows with the number of sessions.
            let sessions: StatementArguments = ["sessions": try JSONText.encode(rows.sessions)]
            let list = "SELECT value FROM json_each(:sessions)"
            for row in try Row.fetchAll(db, sql: GapQueries.shown(list), arguments: sessions) {
                rows.shown[row[0], default: []].append(row[1])
            }
            for row in try Row.fetchAll(db, sql: GapQueries.helped(list), arguments: sessions) {
                rows.helped[row[0], default: []].insert(row[1])
            }
            for row in try Row.fetchAll(db, sql: GapQueries.notHelpful(list), arguments: sessions) {
                rows.notHelpful[row[0], default: []].append(row[1])
            }
            return rows.joined()
        }
    }

    private static func date(_ stamp: Double) -> Date { Date(timeIntervalSince1970: stamp) }
}
