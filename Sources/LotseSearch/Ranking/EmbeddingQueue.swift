import Foundation
import Glibc
import Synchronization

/// Search-box texts waiting for the encoder off the request path (`lotse serve`): a keystroke never waits for an
/// encoder run (~3 ms of CPU); it is answered with the newest cached embedding of its text and the run goes here.
/// One run at a time, newest text first; at most `capacity` wait, older ones are dropped (their user has typed on,
/// and the next keystroke asks for its own text), so the queue cannot grow under load.
///
/// The runs have a thread of their own at the lowest priority (nice 19): while requests keep both cores busy they
/// get the CPU and typed texts are ranked with an older embedding or lexical-only; when the cores have time left,
/// every text is embedded as before. (On a utility dispatch queue its runs had a request's priority whenever the
/// pool gave them a thread.)
final class EmbeddingQueue: Sendable {
    typealias Work = @Sendable () -> Void

    /// The nice value of the encoder's thread.
    static let niceness: Int32 = 19

    private let worker: Worker

    init(capacity: Int = 4) {
        worker = Worker(capacity: capacity)
    }

    deinit { worker.close() }

    /// Queues `work` (embedding `text` and caching its cosines) unless `text` waits or runs already.
    func request(_ text: String, work: @escaping Work) { worker.request(text, work: work) }

    /// The state the thread shares with the queue; the thread holds only this, so a dropped queue (an engine
    /// replaced by a reloaded index) ends it.
    private final class Worker: Sendable {
        private struct State {
            var waiting: [(text: String, work: Work)] = []
            var running: String?
            var started = false
            var parked = false
            var closed = false
        }

        private let state = Mutex(State())
        private let wake = DispatchSemaphore(value: 0)
        private let capacity: Int

        init(capacity: Int) {
            self.capacity = capacity
        }

        func request(_ text: String, work: @escaping Work) {
            let (starts, wakes) = state.withLock { state -> (Bool, Bool) in
                guard !state.closed, state.running != text, !state.waiting.contains(where: { $0.text == text }) else {
                    return (false, false)
                }
                state.waiting.append((text, work))
                if state.waiting.count > capacity { state.waiting.removeFirst() }
                let starts = !state.started, wakes = state.parked
                state.started = true
                state.parked = false
                return (starts, wakes)
            }
            if starts { Thread.detachNewThread { [self] in run() } }
            if wakes { wake.signal() }
        }

        func close() {
            let wakes = state.withLock { state -> Bool in
                state.closed = true
                state.waiting.removeAll()
                defer { state.parked = false }
                return state.parked
            }
            if wakes { wake.signal() }
        }

        private func run() {
            // On Linux the nice value is the calling thread's (PRIO_PROCESS with 0); lowering it needs no privilege.
            _ = setpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0, EmbeddingQueue.niceness)
            while let work = next() { work() }
        }

        /// The newest waiting work; parks the thread while nothing waits; nil once the queue is dropped.
        private func next() -> Work? {
            while true {
                let (work, closed) = state.withLock { state -> (Work?, Bool) in
                    let next = state.closed ? nil : state.waiting.popLast()
                    state.running = next?.text
                    if next == nil, !state.closed { state.parked = true }
                    return (next?.work, state.closed)
                }
                if let work { return work }
                if closed { return nil }
                wake.wait()
            }
        }
    }
}
