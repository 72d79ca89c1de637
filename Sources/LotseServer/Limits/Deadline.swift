import Synchronization

/// Answers within `limit` whether or not `work` is done: the work runs in its own task, which is cancelled
/// at the deadline (the engine stops at its next cancellation check; until then it keeps its compute slot,
/// so the cap on concurrent work still holds).
enum Deadline {
    struct Exceeded: Error {}

    /// The waiting request's continuation, resumed once: by the result or by the deadline, whichever is first
    /// (a result may also come before the request waits: it is kept until then).
    private final class Outcome<T: Sendable>: Sendable {
        private enum State {
            case pending
            case waiting(CheckedContinuation<T, any Error>)
            case settled(Result<T, any Error>)
            case delivered
        }

        private let state = Mutex(State.pending)

        func wait(_ continuation: CheckedContinuation<T, any Error>) {
            let ready: Result<T, any Error>? = state.withLock { state in
                guard case .settled(let result) = state else {
                    state = .waiting(continuation)
                    return nil
                }
                state = .delivered
                return result
            }
            if let ready { continuation.resume(with: ready) }
        }

        /// Returns false when it was already resumed.
        @discardableResult
        func resume(with result: Result<T, any Error>) -> Bool {
            let (settled, waiting): (Bool, CheckedContinuation<T, any Error>?) = state.withLock { state in
                switch state {
                case .pending:
                    state = .settled(result)
                    return (true, nil)
                case .waiting(let continuation):
                    state = .delivered
                    return (true, continuation)
                case .settled, .delivered:
                    return (false, nil)
                }
            }
            waiting?.resume(with: result)
            return settled
        }
    }

    /// One task per call (the work's) and one alarm: no timer task, no task waiting for the work.
    static func run<T: Sendable>(_ limit: Duration, alarms: Alarms = .shared,
                                 _ work: @escaping @Sendable () async throws -> T) async throws -> T {
        let outcome = Outcome<T>()
        // Detached: nothing below reads task-locals, and copying the request's showed in profiles.
        let worker = Task.detached {
            do {
                outcome.resume(with: .success(try await work()))
            } catch {
                outcome.resume(with: .failure(error))
            }
        }
        let alarm = alarms.set(after: limit) {
            if outcome.resume(with: .failure(Exceeded())) { worker.cancel() }
        }
        defer { alarms.cancel(alarm) }
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { outcome.wait($0) }
        } onCancel: {
            worker.cancel()
        }
    }
}
