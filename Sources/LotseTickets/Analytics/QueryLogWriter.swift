import Logging
import Synchronization

/// Collects search and suggest events in memory and writes them in batches (every `interval`, or sooner
/// once `batchSize` are waiting), so a keystroke never waits for a disk write. `flush()` writes everything
/// recorded so far and returns after it is stored (the ticket route calls it before reading a session's
/// suggestions); flushes run one after another.
///
/// A query that found nothing is held back while its session may still be typing it: if the session's next
/// query on that endpoint continues it or takes letters back ("Mallorc" → "Mallorca F"), the earlier one is
/// dropped, so "searches that found nothing" lists what customers searched for, not every keystroke of it.
/// It is written once the session moves on to something else or has been quiet for `typingGrace`.
public actor QueryLogWriter {
    private let write: @Sendable ([QueryLogEntry]) async throws -> Void
    private let retryDelays: [Duration]
    private let interval: Duration
    private let batchSize: Int
    private let typingGrace: Duration
    private let logger: Logger
    private nonisolated let pending = Mutex<[QueryLogEntry]>([])
    /// The last zero-result query per endpoint and session, with when it arrived.
    private nonisolated let typing = Mutex<[String: (entry: QueryLogEntry, since: ContinuousClock.Instant)]>([:])
    /// Sessions held at once at most; beyond that, zero-result queries are written as they come.
    static let maximumTypingSessions = 10_000
    private nonisolated let wakeups: AsyncStream<Void>
    private nonisolated let wake: AsyncStream<Void>.Continuation
    private var lastFlush: Task<Void, Never>?

    public init(store: any TicketStore, interval: Duration = .milliseconds(100), batchSize: Int = 500,
                typingGrace: Duration = .seconds(5), logger: Logger) {
        self.init(interval: interval, batchSize: batchSize, typingGrace: typingGrace, logger: logger) { try await store.recordQueries($0) }
    }

    /// `write` stores a batch; a batch it fails is tried again after each of `retryDelays`, then dropped.
    public init(interval: Duration = .milliseconds(100), batchSize: Int = 500, typingGrace: Duration = .seconds(5),
                retryDelays: [Duration] = [.milliseconds(500), .seconds(2)], logger: Logger,
                write: @escaping @Sendable ([QueryLogEntry]) async throws -> Void) {
        self.write = write
        self.retryDelays = retryDelays
        self.interval = interval
        self.batchSize = batchSize
        self.typingGrace = typingGrace
        self.logger = logger
        (wakeups, wake) = AsyncStream.makeStream(bufferingPolicy: .bufferingNewest(1))
    }

    /// Queues one event; never blocks on I/O.
    public nonisolated func record(_ entry: QueryLogEntry) {
        let ready = entry.session.map { session in
            typing.withLock { typing in
                let key = entry.endpoint + "\u{0}" + session
                var ready: [QueryLogEntry] = []
                if let held = typing.removeValue(forKey: key), !Self.continues(held.entry.query, entry.query) {
                    ready.append(held.entry)
                }
                if entry.resultCount == 0, !entry.query.isEmpty, typing.count < Self.maximumTypingSessions {
                    typing[key] = (entry, .now)
                } else {
                    ready.append(entry)
                }
                return ready
            }
        } ?? [entry]
        let count = pending.withLock { entries in
            entries += ready
            return entries.count
        }
        if count >= batchSize { wake.yield() }
    }

    /// Whether one query is the other typed further or taken back (case-insensitive).
    static func continues(_ earlier: String, _ later: String) -> Bool {
        let (earlier, later) = (earlier.lowercased(), later.lowercased())
        return later.hasPrefix(earlier) || earlier.hasPrefix(later)
    }

    /// Writes what is queued (and the held zero-result queries whose session has been quiet for the grace
    /// period, or all of them with `includingTyping`) and waits until it (and any earlier flush) is stored.
    public func flush(includingTyping: Bool = false) async {
        let now = ContinuousClock.now, grace = typingGrace
        let settled = typing.withLock { typing in
            let done = typing.filter { includingTyping || now - $0.value.since >= grace }
            for key in done.keys { typing[key] = nil }
            return done.values.map(\.entry).sorted { $0.time < $1.time }
        }
        let batch = settled + pending.withLock { entries in
            defer { entries.removeAll(keepingCapacity: true) }
            return entries
        }
        let previous = lastFlush
        let write = write, retryDelays = retryDelays, logger = logger
        let task = Task {
            await previous?.value
            guard !batch.isEmpty else { return }
            // A store that times out under load (PostgreSQL's statement timeout) usually takes the batch a moment
            // later; the log is analytics, not a record anyone was promised, so after the last try it is dropped.
            for attempt in 0...retryDelays.count {
                do {
                    return try await write(batch)
                } catch {
                    guard attempt < retryDelays.count else {
                        return logger.warning("query log batch dropped", metadata: ["entries": "\(batch.count)", "error": "\(error)"])
                    }
                    logger.notice("query log batch failed, tried again", metadata: ["entries": "\(batch.count)", "error": "\(error)"])
                    try? await Task.sleep(for: retryDelays[attempt])
                }
            }
        }
        lastFlush = task
        await task.value
    }

    /// Flushes on every tick or full batch until the task is cancelled, then one last time.
    public func run() async {
        await withTaskGroup(of: Void.self) { group in
            group.addTask { [interval, wake] in
                while !Task.isCancelled {
                    try? await Task.sleep(for: interval)
                    wake.yield()
                }
            }
            for await _ in wakeups {
                await flush()
            }
            group.cancelAll()
        }
        await flush(includingTyping: true)
    }
}
