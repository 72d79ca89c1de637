import Foundation
import Synchronization

/// Work started on its own thread while the caller goes on with something else; `join()` waits for its value.
/// A plain thread, like the token pipeline's workers, so it starts even when the dispatch pool is busy.
final class SideThread<Value: Sendable>: Sendable {
    private let value = Mutex<Value?>(nil)
    private let done = DispatchSemaphore(value: 0)

    init(_ work: @escaping @Sendable () -> Value) {
        Thread.detachNewThread { [self] in
            let result = work()
            value.withLock { $0 = result }
            done.signal()
        }
    }

    /// Waits for the work's value. Call once.
    func join() -> Value {
        done.wait()
        return value.withLock { $0.take()! }
    }
}
