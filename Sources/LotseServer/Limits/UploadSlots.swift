import Synchronization

/// Multipart ticket bodies are read whole into memory (up to `--max-multipart-bytes` each, about 1.3 times that while
/// read): without a cap, a few hundred uploads held open at once take gigabytes. At most `total` are read at once, and
/// at most `perClient` of one client address, so one client cannot take them all; past either, 503 `uploads_busy`.
final class UploadSlots: Sendable {
    struct Busy: Error {}

    let total: Int
    let perClient: Int
    private let state = Mutex<(running: Int, byClient: [String: Int])>((0, [:]))

    init(total: Int, perClient: Int) {
        self.total = max(1, total)
        self.perClient = max(1, perClient)
    }

    /// Runs `body` holding one of the client's slots; throws `Busy` at once when none is free.
    @discardableResult
    func run<T>(client: String, _ body: () async throws -> T) async throws -> T {
        let taken = state.withLock { state in
            guard state.running < total, state.byClient[client, default: 0] < perClient else { return false }
            state.running += 1
            state.byClient[client, default: 0] += 1
            return true
        }
        guard taken else { throw Busy() }
        defer {
            state.withLock { state in
                state.running -= 1
                // Only clients with an upload under way stay in the table.
                state.byClient[client] = state.byClient[client]! > 1 ? state.byClient[client]! - 1 : nil
            }
        }
        return try await body()
    }
}
