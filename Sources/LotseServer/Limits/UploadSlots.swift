import Synchronization

/// Multipart ticket bodies are read whole into memory (up to `--max-multipart-bytes` each, about 1.3 times that while
/// read): without a cap, a few hundred uploads held open at once take gigabytes. At most `total` are read at once, and
/// at most `perClient` of one client address, so one client cannot take them all.
///
/// When none is free, a newcomer takes the slot of the slowest body that has been arriving for `minimumAge` at under
/// `briskBytesPerSecond` (among the client's own when it is the client's limit that is reached); that body ends with
/// 408 `upload_too_slow` at its next chunk. Eight bodies kept just above `UploadPace`'s minimum (16 KiB/s) from four
/// addresses otherwise held every slot for minutes, and every ticket the portal sent was refused; a browser sends a
/// form at the speed of its line. Past that, 503 `uploads_busy`.
final class UploadSlots: Sendable {
    struct Busy: Error {}
    /// A body whose slot a newcomer took.
    struct Evicted: Error {}

    /// One body's hold on a slot: it reports what has arrived, and learns there whether it lost the slot.
    final class Slot: Sendable {
        fileprivate let id: Int
        private let slots: UploadSlots

        fileprivate init(id: Int, slots: UploadSlots) {
            self.id = id
            self.slots = slots
        }

        /// `bytes` of the body have arrived; throws `Evicted` once a newcomer has taken this slot.
        func received(_ bytes: Int) throws(Evicted) {
            try slots.received(bytes, by: id)
        }
    }

    private struct Holder {
        var client: String
        var started: ContinuousClock.Instant
        var bytes = 0
    }

    private struct State {
        var holders: [Int: Holder] = [:]
        var byClient: [String: Int] = [:]
        var nextID = 0

        /// Frees the slot (nothing when a newcomer has taken it already).
        mutating func remove(_ id: Int) {
            guard let holder = holders.removeValue(forKey: id) else { return }
            // Only clients with an upload under way stay in the table.
            byClient[holder.client] = byClient[holder.client]! > 1 ? byClient[holder.client]! - 1 : nil
        }
    }

    let total: Int
    let perClient: Int
    let minimumAge: Duration
    let briskBytesPerSecond: Int
    /// The time; tests pass their own, as a busy test run can hold a waking task back for seconds.
    private let now: @Sendable () -> ContinuousClock.Instant
    private let state = Mutex(State())

    init(
        total: Int, perClient: Int, minimumAge: Duration = .seconds(5), briskBytesPerSecond: Int = 128 * 1_024,
        now: @escaping @Sendable () -> ContinuousClock.Instant = { .now }
    ) {
        self.total = max(1, total)
        self.perClient = max(1, perClient)
        self.minimumAge = minimumAge
        self.briskBytesPerSecond = briskBytesPerSecond
        self.now = now
    }

    /// Runs `body` holding one of the client's slots (taking a slow body's when none is free); throws `Busy` at once
    /// when there is none to take.
    @discardableResult
    func run<T>(client: String, _ body: (Slot) async throws -> T) async throws -> T {
        let id = try take(client: client, now: now())
        defer { state.withLock { $0.remove(id) } }
        return try await body(Slot(id: id, slots: self))
    }

    private func take(client: String, now: ContinuousClock.Instant) throws(Busy) -> Int {
        try state.withLock { state throws(Busy) in
            let clientFull = state.byClient[client, default: 0] >= perClient
            if clientFull || state.holders.count >= total {
                guard let slowest = slowest(in: state.holders, of: clientFull ? client : nil, now: now) else { throw Busy() }
                state.remove(slowest)
            }
            let id = state.nextID
            state.nextID += 1
            state.holders[id] = Holder(client: client, started: now)
            state.byClient[client, default: 0] += 1
            return id
        }
    }

    /// The holder (of `client`, when given) arriving slowest, if it has been at it `minimumAge` under the brisk pace.
    private func slowest(in holders: [Int: Holder], of client: String?, now: ContinuousClock.Instant) -> Int? {
        var best: (id: Int, rate: Double)?
        for (id, holder) in holders where client == nil || holder.client == client {
            let age = (now - holder.started) / .seconds(1)
            guard age >= minimumAge / .seconds(1), age > 0 else { continue }
            let rate = Double(holder.bytes) / age
            if rate < Double(briskBytesPerSecond), rate < best?.rate ?? .infinity { best = (id, rate) }
        }
        return best?.id
    }

    fileprivate func received(_ bytes: Int, by id: Int) throws(Evicted) {
        try state.withLock { state throws(Evicted) in
            guard state.holders[id] != nil else { throw Evicted() }
            state.holders[id]!.bytes = bytes
        }
    }
}
