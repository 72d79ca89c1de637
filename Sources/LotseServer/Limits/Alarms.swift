import Synchronization

/// Runs an action once its time has come (at most `resolution` late), for every request's deadline and compute-slot
/// wait at once: one task ticks while any alarm is set. A sleeping task per request was a dispatch timer to set and
/// cancel each time, ~10 % of a distinct search's server CPU (BENCHMARKS.md, "HTTP").
final class Alarms: Sendable {
    /// The one the server's deadlines and compute gate share.
    static let shared = Alarms(resolution: .milliseconds(10))

    struct Token: Sendable {
        fileprivate let id: UInt64
    }

    private struct Alarm {
        let due: ContinuousClock.Instant
        let action: @Sendable () -> Void
    }

    private struct State {
        var alarms: [UInt64: Alarm] = [:]
        var nextID: UInt64 = 0
        var ticking = false
    }

    private let resolution: Duration
    private let state = Mutex(State())

    init(resolution: Duration) {
        self.resolution = resolution
    }

    /// Calls `action` once `delay` has passed, unless `cancel` comes first.
    @discardableResult
    func set(after delay: Duration, _ action: @escaping @Sendable () -> Void) -> Token {
        let due = ContinuousClock.now + delay
        let (id, startTicking) = state.withLock { state in
            state.nextID += 1
            state.alarms[state.nextID] = Alarm(due: due, action: action)
            defer { state.ticking = true }
            return (state.nextID, !state.ticking)
        }
        if startTicking { Task.detached { await self.tick() } }
        return Token(id: id)
    }

    /// An alarm taken by a tick just before may still fire once: actions must tolerate coming late.
    func cancel(_ token: Token) {
        _ = state.withLock { $0.alarms.removeValue(forKey: token.id) }
    }

    /// Fires what is due every `resolution`; stops when no alarm is left (the next `set` starts it again).
    private func tick() async {
        while true {
            try? await Task.sleep(for: resolution)
            let now = ContinuousClock.now
            let (due, keepTicking) = state.withLock { state in
                let due = state.alarms.filter { $0.value.due <= now }
                for id in due.keys { state.alarms[id] = nil }
                state.ticking = !state.alarms.isEmpty
                return (due.values.map(\.action), state.ticking)
            }
            for action in due { action() }
            guard keepTicking else { return }
        }
    }
}
