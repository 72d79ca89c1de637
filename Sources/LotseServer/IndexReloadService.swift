import Logging
import ServiceLifecycle

/// Warms the index after start, then polls the index file and switches the server to a replaced one without a
/// restart; the operator's curation files likewise.
struct IndexReloadService: Service {
    let holder: IndexHolder
    let curation: CurationWatcher
    let interval: Duration
    let logger: Logger

    func run() async throws {
        await withDiscardingTaskGroup { group in
            // Beside the polling, so a replaced index is picked up during the warm-up too; a shutdown cancels it.
            group.addTask { await cancelWhenGracefulShutdown { await holder.warmUp(logger: logger) } }
            group.addTask {
                while !Task.isCancelledOrShuttingDown {
                    try? await Task.sleep(for: interval)
                    await holder.reloadIfChanged(logger: logger)
                    if let changed = curation.changed(logger: logger) {
                        do {
                            try holder.curate(changed, logger: logger)
                            curation.applied()
                        } catch {
                            curation.refused(error)
                            logger.error("curation could not be applied; the previous one stays", metadata: ["error": "\(error)"])
                        }
                    }
                }
            }
        }
    }
}

private extension Task where Success == Never, Failure == Never {
    static var isCancelledOrShuttingDown: Bool { Task.isCancelled || Task.isShuttingDownGracefully }
}
