import Dispatch
import Synchronization

/// Search-box texts waiting for the encoder off the request path (`lotse serve`): a keystroke never waits for an
/// encoder run (~3 ms of CPU); it is answered with the newest cached embedding of its text and the run goes here.
/// One run at a time, newest text first; at most `capacity` wait, older ones are dropped (their user has typed on,
/// and the next keystroke asks for its own text), so the queue cannot grow under load.
final class EmbeddingQueue: Sendable {
    typealias Work = @Sendable () -> Void

    private struct State {
        var waiting: [(text: String, work: Work)] = []
        var running: String?
        var draining = false
    }

    private let state = Mutex(State())
    private let queue = DispatchQueue(label: "lotse.semantic.typing", qos: .utility)
    private let capacity: Int

    init(capacity: Int = 4) {
        self.capacity = capacity
    }

    /// Queues `work` (embedding `text` and caching its cosines) unless `text` waits or runs already.
    func request(_ text: String, work: @escaping Work) {
        let starts = state.withLock { state -> Bool in
            guard state.running != text, !state.waiting.contains(where: { $0.text == text }) else { return false }
            state.waiting.append((text, work))
            if state.waiting.count > capacity { state.waiting.removeFirst() }
            guard !state.draining else { return false }
            state.draining = true
            return true
        }
        if starts { queue.async { self.drain() } }
    }

    private func drain() {
        while let work = next() { work() }
    }

    private func next() -> Work? {
        state.withLock { state in
            let next = state.waiting.popLast()
            state.running = next?.text
            if next == nil { state.draining = false }
            return next?.work
        }
    }
}
