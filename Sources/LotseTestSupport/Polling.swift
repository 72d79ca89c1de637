/// Asks `condition` every `interval` until it holds, and says whether it held: for tests that wait for something
/// done in the background (a reload, a flush), instead of sleeping a fixed time. It gives up once `timeout` has
/// passed and it asked at least `timeout / interval` times: when the whole suite keeps both cores busy, the test
/// and the background work it waits for are starved alike, and wall-clock time alone would give up too early.
public func eventually(timeout: Duration = .seconds(30), interval: Duration = .milliseconds(20),
                       _ condition: () async throws -> Bool) async rethrows -> Bool {
    let deadline = ContinuousClock.now + timeout
    let attempts = max(1, Int(timeout / interval))
    var asked = 0
    while true {
        if try await condition() { return true }
        asked += 1
        if (ContinuousClock.now >= deadline && asked >= attempts) || Task.isCancelled { return false }
        try? await Task.sleep(for: interval)
    }
}
