import Logging
import ServiceLifecycle

/// Polls the index file and switches the server to a replaced one without a restart.
struct IndexReloadService: Service {
    let holder: IndexHolder
    let interval: Duration
    let logger: Logger

    func run() async throws {
        while !Task.isCancelledOrShuttingDown {
            try? await Task.sleep(for: interval)
            holder.reloadIfChanged(logger: logger)
        }
    }
}

private extension Task where Success == Never, Failure == Never {
    static var isCancelledOrShuttingDown: Bool { Task.isCancelled || Task.isShuttingDownGracefully }
}
