import LotseSearch

/// The last content-gap report per window and index, for `lifetime`: grouping reads thousands of texts, and a
/// dashboard asks on every visit. Requests arriving while a report is computed wait for that one. A report asked for
/// in its last `refreshMargin` is answered and computed again behind it, so a dashboard in use does not wait when its
/// report expires (the first request of a window, and one after `lifetime` without any, still computes).
actor GapReportCache {
    private struct Entry {
        var engine: ObjectIdentifier
        var started: ContinuousClock.Instant
        var report: Task<GapReport, any Error>
    }

    let lifetime: Duration
    let refreshMargin: Duration
    private var entries: [Int: Entry] = [:]
    /// Windows being computed again behind their still valid report.
    private var refreshing: Set<Int> = []
    /// Counts `clear()`s: a refresh begun before one is not stored.
    private var clears = 0

    init(lifetime: Duration = .seconds(60), refreshMargin: Duration = .seconds(20)) {
        self.lifetime = lifetime
        self.refreshMargin = refreshMargin
    }

    /// `engine`: the index the report was grouped with (a reloaded index computes anew).
    func report(days: Int, engine: AnyObject & Sendable, now: ContinuousClock.Instant = .now,
                compute: @escaping @Sendable () async throws -> GapReport) async throws -> GapReport {
        let id = ObjectIdentifier(engine)
        if let entry = entries[days], entry.engine == id, now - entry.started < lifetime {
            if now - entry.started >= lifetime - refreshMargin, refreshing.insert(days).inserted {
                Task { await refresh(days: days, engine: id, started: now, compute: compute) }
            }
            return try await entry.report.value
        }
        let task = Task { try await compute() }
        entries[days] = Entry(engine: id, started: now, report: task)
        do {
            return try await task.value
        } catch {
            entries[days] = nil  // a failure (storage unavailable) is not remembered
            throw error
        }
    }

    /// Forgets every report: after an erasure, no example of the erased texts is answered again.
    func clear() {
        entries = [:]
        clears += 1
    }

    /// Replaces the window's report once the new one is ready (a failure keeps the old one until it expires).
    private func refresh(days: Int, engine: ObjectIdentifier, started: ContinuousClock.Instant,
                         compute: @escaping @Sendable () async throws -> GapReport) async {
        defer { refreshing.remove(days) }
        let clearsBefore = clears
        let task = Task { try await compute() }
        guard (try? await task.value) != nil, clears == clearsBefore,
              entries[days].map({ $0.engine == engine && $0.started < started }) ?? true else { return }
        entries[days] = Entry(engine: engine, started: started, report: task)
    }
}
