/// Asks `condition` every `interval` until it holds or `timeout` has passed, and says whether it held: for tests
/// that wait for something done in the background (a reload, a flush), instead of sleeping a fixed time.
public func eventually(timeout: Duration = .seconds(30), interval: Duration = .milliseconds(20),
                       _ condition: () async throws -> Bool) async rethrows -> Bool {
    let deadline = ContinuousClock.now + timeout
    while true {
        if try await condition() { return true }
        if ContinuousClock.now >= deadline || Task.isCancelled { return false }
        try? await Task.sleep(for: interval)
    }
}
