import Synchronization

/// Caps search and suggest computations running at once (`slots`, one per core by default). Drafts are the
/// expensive kind: they may hold at most `slots - 1` (at least 1), so a short search always finds a slot
/// that no flood of drafts can take. A request that gets no slot within `wait` is refused (503), instead of
/// queueing without end behind work it cannot speed up.
final class ComputeGate: Sendable {
    enum Kind: Sendable {
        case search
        case draft
    }

    struct Busy: Error {}

    private struct Waiter {
        let id: UInt64
        let kind: Kind
        let continuation: CheckedContinuation<Bool, Never>
    }

    private struct State {
        var running = 0
        var runningDrafts = 0
        var waiters: [Waiter] = []
        var nextID: UInt64 = 0
    }

    let slots: Int
    let draftSlots: Int
    private let wait: Duration
    private let alarms: Alarms
    private let state = Mutex(State())

    init(slots: Int, wait: Duration, alarms: Alarms = .shared) {
        self.slots = max(1, slots)
        draftSlots = max(1, self.slots - 1)
        self.wait = wait
        self.alarms = alarms
    }

    /// Whether requests wait for a slot: the server is saturated.
    var isCongested: Bool { state.withLock { !$0.waiters.isEmpty } }

    /// Runs `body` holding a slot; throws `Busy` when none frees up in time.
    func run<T: Sendable>(_ kind: Kind, _ body: @Sendable () async throws -> T) async throws -> T {
        try await acquire(kind)
        defer { release(kind) }
        // Past its deadline while it waited: nobody wants the answer any more.
        try Task.checkCancellation()
        return try await body()
    }

    func acquire(_ kind: Kind) async throws {
        let id: UInt64? = state.withLock { state in
            if state.waiters.isEmpty || kind == .search, Self.fits(kind, state, slots: slots, draftSlots: draftSlots) {
                Self.take(kind, &state)
                return nil
            }
            state.nextID += 1
            return state.nextID
        }
        guard let id else { return }
        var alarm: Alarms.Token?
        defer { if let alarm { alarms.cancel(alarm) } }
        let granted = await withCheckedContinuation { continuation in
            state.withLock { $0.waiters.append(Waiter(id: id, kind: kind, continuation: continuation)) }
            // Set once queued, so the expiry always finds the waiter (or nothing, when it was granted).
            alarm = alarms.set(after: wait) { self.expire(id) }
            // A slot may have been freed before the waiter was queued.
            self.grant()
        }
        guard granted else { throw Busy() }
    }

    func release(_ kind: Kind) {
        state.withLock { state in
            state.running -= 1
            if kind == .draft { state.runningDrafts -= 1 }
        }
        grant()
    }

    /// Hands free slots to waiters, oldest first (a search may pass drafts waiting for a draft slot).
    private func grant() {
        let granted: [CheckedContinuation<Bool, Never>] = state.withLock { state in
            var granted: [CheckedContinuation<Bool, Never>] = []
            var index = 0
            while index < state.waiters.count, state.running < slots {
                let waiter = state.waiters[index]
                if Self.fits(waiter.kind, state, slots: slots, draftSlots: draftSlots) {
                    Self.take(waiter.kind, &state)
                    granted.append(waiter.continuation)
                    state.waiters.remove(at: index)
                } else {
                    index += 1
                }
            }
            return granted
        }
        for continuation in granted { continuation.resume(returning: true) }
    }

    private func expire(_ id: UInt64) {
        let expired = state.withLock { state -> CheckedContinuation<Bool, Never>? in
            guard let index = state.waiters.firstIndex(where: { $0.id == id }) else { return nil }
            return state.waiters.remove(at: index).continuation
        }
        expired?.resume(returning: false)
    }

    private static func fits(_ kind: Kind, _ state: State, slots: Int, draftSlots: Int) -> Bool {
        state.running < slots && (kind == .search || state.runningDrafts < draftSlots)
    }

    private static func take(_ kind: Kind, _ state: inout State) {
        state.running += 1
        if kind == .draft { state.runningDrafts += 1 }
    }
}
