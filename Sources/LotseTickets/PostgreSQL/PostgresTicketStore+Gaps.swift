import Foundation
import PostgresNIO

/// The inputs of the content-gap topics (`GapInput`).
extension PostgresTicketStore {
    public func gapInputs(since: Date, limit: Int) async throws -> [GapInput] {
        var rows = GapRows()
        for row in try await self.rows("""
            SELECT endpoint, query, session, created_at FROM query_log
            WHERE result_count = 0 AND query <> '' AND created_at >= \(since) ORDER BY created_at DESC LIMIT \(limit)
            """) {
            let (kind, text, session, time) = try row.decode((String, String, String?, Date).self)
            rows.inputs.append((GapInput(kind: kind, text: text, session: session, time: time), []))
        }
        for row in try await self.rows("""
            SELECT substr(subject || chr(10) || description, 1, \(Int32(GapInput.maximumTicketCharacters))), session,
                   suggested_articles::text, created_at FROM tickets
            WHERE created_at >= \(since) AND jsonb_array_length(suggested_articles) > 0 ORDER BY created_at DESC LIMIT \(limit)
            """) {
            let (text, session, shown, time) = try row.decode((String, String?, String, Date).self)
            rows.inputs.append((GapInput(kind: GapInput.ticketKind, text: text, session: session, time: time),
                                try JSONText.decode([String].self, from: shown)))
        }
        // The sessions as one bound array: no statement grows with the number of sessions.
        var sessions = PostgresBindings()
        sessions.append(rows.sessions)
        let list = "SELECT unnest($1::text[])"
        for row in try await self.rows(PostgresQuery(unsafeSQL: GapQueries.shown(list), binds: sessions)) {
            let (session, article) = try row.decode((String, String).self)
            rows.shown[session, default: []].append(article)
        }
        for row in try await self.rows(PostgresQuery(unsafeSQL: GapQueries.helped(list), binds: sessions)) {
            let (session, article) = try row.decode((String, String).self)
            rows.helped[session, default: []].insert(article)
        }
        for row in try await self.rows(PostgresQuery(unsafeSQL: GapQueries.notHelpful(list), binds: sessions)) {
            let (session, article) = try row.decode((String, String).self)
            rows.notHelpful[session, default: []].append(article)
        }
        return rows.joined()
    }
}
