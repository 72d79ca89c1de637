import Synchronization

/// A fixed-window request counter per client key. Bounded: at `maximumClients` the windows that have ended are
/// dropped, and while the table is still full every further new client counts against one shared window. (It used
/// to be cleared, so a flood of 100,000 distinct addresses gave every client, the flood's too, a fresh budget.)
final class RateLimiter: Sendable {
    private struct Window {
        var started: ContinuousClock.Instant
        var count: Int
    }

    private struct Table {
        var windows: [String: Window] = [:]
        /// When ended windows were last dropped: at most once per window, so a full table is not scanned per request.
        var pruned: ContinuousClock.Instant?
    }

    private let limit: Int
    private let window: Duration
    private let maximumClients: Int
    private let table = Mutex(Table())
    /// The key new clients share while the table is full (no address or /64 looks like it).
    static let overflowKey = "overflow"

    init(limit: Int, window: Duration, maximumClients: Int = 100_000) {
        self.limit = limit
        self.window = window
        self.maximumClients = maximumClients
    }

    /// nil when the request may proceed, else the time until the client's window ends.
    func check(_ key: String, now: ContinuousClock.Instant = .now) -> Duration? {
        guard limit > 0 else { return nil }
        return table.withLock { table in
            var key = key
            if table.windows[key] == nil, table.windows.count >= maximumClients {
                if table.pruned.map({ now - $0 >= window }) ?? true {
                    table.windows = table.windows.filter { now - $0.value.started < window }
                    table.pruned = now
                }
                if table.windows.count >= maximumClients { key = Self.overflowKey }
            }
            var current = table.windows[key] ?? Window(started: now, count: 0)
            if now - current.started >= window { current = Window(started: now, count: 0) }
            current.count += 1
            table.windows[key] = current
            return current.count > limit ? window - (now - current.started) : nil
        }
    }

    /// The time until the client's window ends when it has used up its budget, without counting anything.
    func exhausted(_ key: String, now: ContinuousClock.Instant = .now) -> Duration? {
        guard limit > 0 else { return nil }
        return table.withLock { table in
            // A client the full table could not take is counted under the overflow key (`check`), and judged by it.
            let key = table.windows[key] == nil && table.windows.count >= maximumClients ? Self.overflowKey : key
            guard let current = table.windows[key], now - current.started < window, current.count >= limit else { return nil }
            return window - (now - current.started)
        }
    }

    /// `Retry-After` seconds for a wait (rounded up, at least 1).
    static func retryAfter(_ wait: Duration) -> String {
        String(max(1, Int(wait.components.seconds) + (wait.components.attoseconds > 0 ? 1 : 0)))
    }
}
