import Logging
import Synchronization

/// Collects search and suggest events in memory and writes them in batches (every `interval`, or sooner
/// once `batchSize` are waiting), so a keystroke never waits for a disk write. `flush()` writes everything
/// recorded so far and returns after it is stored (the ticket route calls it before reading a session's
/// suggestions); flushes run one after another.
public actor QueryLogWriter {
    private let store: any TicketStore
    private let interval: Duration
    private let batchSize: Int
    private let logger: Logger
    private nonisolated let pending = Mutex<[QueryLogEntry]>([])
    private nonisolated let wakeups: AsyncStream<Void>
    private nonisolated let wake: AsyncStream<Void>.Continuation
    private var lastFlush: Task<Void, Never>?

    public init(store: any TicketStore, interval: Duration = .milliseconds(100), batchSize: Int = 500, logger: Logger) {
        self.store = store
        self.interval = interval
        self.batchSize = batchSize
        self.logger = logger
        (wakeups, wake) = AsyncStream.makeStream(bufferingPolicy: .bufferingNewest(1))
    }

    /// Queues one event; never blocks on I/O.
    public nonisolated func record(_ entry: QueryLogEntry) {
        let count = pending.withLock { entries in
            entries.append(entry)
            return entries.count
        }
        if count >= batchSize { wake.yield() }
    }

    /// Writes what is queued and waits until it (and any earlier flush) is stored.
    public func flush() async {
        let batch = pending.withLock { entries in
            defer { entries.removeAll(keepingCapacity: true) }
            return entries
        }
        let previous = lastFlush
        let store = store, logger = logger
        let task = Task {
            await previous?.value
            guard !batch.isEmpty else { return }
            do {
                try await store.recordQueries(batch)
            } catch {
                // The log is analytics, not a record anyone was promised: drop the batch, keep serving.
                logger.warning("query log batch dropped", metadata: ["entries": "\(batch.count)", "error": "\(error)"])
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
        await flush()
    }
}
