import LotseSearch

/// The last content-gap report per window and index, for `lifetime`: grouping reads thousands of texts, and a
/// dashboard asks on every visit. Requests arriving while a report is computed wait for that one.
actor GapReportCache {
    private struct Entry {
        var engine: ObjectIdentifier
        var started: ContinuousClock.Instant
        var report: Task<GapReport, any Error>
    }

    static let lifetime: Duration = .seconds(60)
    private var entries: [Int: Entry] = [:]

    func report(days: Int, engine: SearchEngine, compute: @escaping @Sendable () async throws -> GapReport) async throws -> GapReport {
        let now = ContinuousClock.now
        if let entry = entries[days], entry.engine == ObjectIdentifier(engine), now - entry.started < Self.lifetime {
            return try await entry.report.value
        }
        let task = Task { try await compute() }
        entries[days] = Entry(engine: ObjectIdentifier(engine), started: now, report: task)
        do {
            return try await task.value
        } catch {
            entries[days] = nil  // a failure (storage unavailable) is not remembered
            throw error
        }
    }
}
