import Synchronization

/// Answers within `limit` whether or not `work` is done: the work runs in its own task, which is cancelled
/// at the deadline (the engine stops at its next cancellation check; until then it keeps its compute slot,
/// so the cap on concurrent work still holds).
enum Deadline {
    struct Exceeded: Error {}

    /// The waiting request's continuation, resumed once: by the result or by the deadline, whichever is first.
    private final class Outcome<T: Sendable>: Sendable {
        private let continuation = Mutex<CheckedContinuation<T, any Error>?>(nil)

        func wait(_ continuation: CheckedContinuation<T, any Error>) {
            self.continuation.withLock { $0 = continuation }
        }

        /// Returns false when it was already resumed.
        @discardableResult
        func resume(with result: Result<T, any Error>) -> Bool {
            guard let continuation = continuation.withLock({ $0.take() }) else { return false }
            continuation.resume(with: result)
            return true
        }
    }

    static func run<T: Sendable>(_ limit: Duration, _ work: @escaping @Sendable () async throws -> T) async throws -> T {
        let outcome = Outcome<T>()
        let worker = Task { try await work() }
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<T, any Error>) in
                outcome.wait(continuation)
                let timer = Task {
                    do { try await Task.sleep(for: limit) } catch { return }
                    if outcome.resume(with: .failure(Exceeded())) { worker.cancel() }
                }
                Task {
                    let result = await worker.result
                    timer.cancel()
                    outcome.resume(with: result)
                }
            }
        } onCancel: {
            worker.cancel()
        }
    }
}
