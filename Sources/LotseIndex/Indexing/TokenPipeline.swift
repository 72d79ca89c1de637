import Foundation
import LotseAnalysis
import Synchronization

/// Analyses rows on worker threads (one analyzer each) ahead of the single thread that writes them into FTS5, so
/// the serial SQLite phase only replays finished token streams. Rows are taken in order; workers stay at most
/// `window` rows ahead of the writer, which bounds memory.
final class TokenPipeline: Sendable {
    private let rows: [IndexedRow]
    private let words: RowWords
    private let learned: [String: String]
    private let resources: AnalyzerResources
    private let workerCount: Int
    private let finished = Mutex<[Int: PreparedRow]>([:])
    private let nextRow = Atomic<Int>(0)
    private let stopped = Atomic<Bool>(false)
    /// Signalled once per finished row.
    private let ready = DispatchSemaphore(value: 0)
    /// One permit per row a worker may analyse before the writer has taken it.
    private let room: DispatchSemaphore
    private let workersDone = DispatchGroup()

    static let window = 128

    /// Runs `body` with workers analysing `rows`; the workers are stopped and joined before this returns or throws.
    /// `words`: the rows' words from the vocabulary pass; `learned`: the learned column's text by article id.
    static func run<Result>(_ rows: [IndexedRow], words: RowWords, learned: [String: String], resources: AnalyzerResources,
                            _ body: (TokenPipeline) throws -> Result) rethrows -> Result {
        // The writer is the critical path: a worker per core would take turns with it on a core and slow the
        // insertion down; one core fewer keeps it running.
        let pipeline = TokenPipeline(rows, words: words, learned: learned, resources: resources,
                                     workers: ProcessInfo.processInfo.activeProcessorCount - 1)
        pipeline.start()
        defer { pipeline.stop() }
        return try body(pipeline)
    }

    private init(_ rows: [IndexedRow], words: RowWords, learned: [String: String], resources: AnalyzerResources, workers: Int) {
        self.rows = rows
        self.words = words
        self.learned = learned
        self.resources = resources
        workerCount = max(1, workers)
        room = DispatchSemaphore(value: Self.window)
    }

    /// The analysed row `index`, waiting for a worker if need be. Call with 0, 1, 2, … in order.
    func take(_ index: Int) -> PreparedRow {
        while true {
            if let row = finished.withLock({ $0.removeValue(forKey: index) }) {
                room.signal()
                return row
            }
            ready.wait()
        }
    }

    // Plain threads, not a dispatch queue: the writer blocks on them, so they must run even when the caller
    // occupies the pool's threads.
    private func start() {
        for _ in 0..<workerCount {
            workersDone.enter()
            Thread.detachNewThread { [self] in
                work()
                workersDone.leave()
            }
        }
    }

    private func work() {
        let analyzer = Analyzer(resources: resources)
        var variants = NumberedVariants(words)
        var learnedTokens = LearnedTokens()
        while true {
            room.wait()
            let index = nextRow.wrappingAdd(1, ordering: .relaxed).oldValue
            guard !stopped.load(ordering: .relaxed), index < rows.count else { return }
            let prepared = PreparedRow(rows[index], words: words.row(index), tables: words.tables, learned: learned[rows[index].id],
                                       variants: &variants, learnedTokens: &learnedTokens, analyzer: analyzer)
            finished.withLock { $0[index] = prepared }
            ready.signal()
        }
    }

    /// Each worker needs at most one more permit to notice the stop.
    private func stop() {
        stopped.store(true, ordering: .relaxed)
        for _ in 0..<workerCount { room.signal() }
        workersDone.wait()
    }
}
