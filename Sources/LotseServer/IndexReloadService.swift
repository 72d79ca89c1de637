import Logging
import ServiceLifecycle

/// Warms the index after start, then polls the index file and switches the server to a replaced one without a
/// restart.
struct IndexReloadService: Service {
    let holder: IndexHolder
    let interval: Duration
    let logger: Logger

    func run() async throws {
        // A shutdown during the warm-up must not wait for it.
        try? await cancelWhenGracefulShutdown { await holder.warmUp(logger: logger) }
        while !Task.isCancelledOrShuttingDown {
            try? await Task.sleep(for: interval)
            await holder.reloadIfChanged(logger: logger)
        }
    }
}

private extension Task where Success == Never, Failure == Never {
    static var isCancelledOrShuttingDown: Bool { Task.isCancelled || Task.isShuttingDownGracefully }
}
