/// Runs `body`, failing with `storageUnavailable` when it takes longer than `limit`. While PostgreSQL is
/// unreachable the pool keeps a connection request waiting until its circuit breaker trips (about a minute,
/// postgres-nio #489) and does not give it up when cancelled; so the answer is raced against a timer and the
/// abandoned request finishes on its own, instead of the caller waiting for it.
func withTimeout<T: Sendable>(_ limit: Duration, _ body: @escaping @Sendable () async throws -> T) async throws -> T {
    let (results, sink) = AsyncStream.makeStream(of: Result<T, any Error>.self)
    let work = Task {
        do {
            sink.yield(.success(try await body()))
        } catch {
            sink.yield(.failure(error))
        }
    }
    let timer = Task {
        try await Task.sleep(for: limit)
        sink.yield(.failure(TicketStoreError.storageUnavailable("PostgreSQL did not answer within \(limit)")))
    }
    defer {
        work.cancel()
        timer.cancel()
        sink.finish()
    }
    var first = results.makeAsyncIterator()
    guard let result = await first.next() else { throw CancellationError() }
    return try result.get()
}
