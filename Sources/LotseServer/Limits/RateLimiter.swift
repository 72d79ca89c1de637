import Synchronization

/// A fixed-window request counter per client key. Bounded: the table is cleared when it grows past
/// `maximumClients`, so a flood of distinct addresses cannot exhaust memory.
final class RateLimiter: Sendable {
    private struct Window {
        var started: ContinuousClock.Instant
        var count: Int
    }

    private let limit: Int
    private let window: Duration
    private let windows = Mutex<[String: Window]>([:])
    static let maximumClients = 100_000

    init(limit: Int, window: Duration) {
        self.limit = limit
        self.window = window
    }

    /// nil when the request may proceed, else the time until the client's window ends.
    func check(_ key: String, now: ContinuousClock.Instant = .now) -> Duration? {
        guard limit > 0 else { return nil }
        return windows.withLock { windows in
            if windows.count >= Self.maximumClients { windows.removeAll(keepingCapacity: true) }
            var current = windows[key] ?? Window(started: now, count: 0)
            if now - current.started >= window { current = Window(started: now, count: 0) }
            current.count += 1
            windows[key] = current
            return current.count > limit ? window - (now - current.started) : nil
        }
    }

    /// The time until the client's window ends when it has used up its budget, without counting anything.
    func exhausted(_ key: String, now: ContinuousClock.Instant = .now) -> Duration? {
        guard limit > 0 else { return nil }
        return windows.withLock { windows in
            guard let current = windows[key], now - current.started < window, current.count >= limit else { return nil }
            return window - (now - current.started)
        }
    }

    /// `Retry-After` seconds for a wait (rounded up, at least 1).
    static func retryAfter(_ wait: Duration) -> String {
        String(max(1, Int(wait.components.seconds) + (wait.components.attoseconds > 0 ? 1 : 0)))
    }
}
