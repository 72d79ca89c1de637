import Synchronization

/// Values that know roughly how much memory they hold, for a cache's budget.
protocol MemoryCosted: Sendable {
    var byteCount: Int { get }
}

/// Recently used values per engine (one index file), within a memory budget: the least recently used entries go
/// first. Query terms and concepts repeat a lot (completions of common prefixes, stems of common words), so after
/// warm-up most queries read nothing from SQLite and merge no positions.
final class MemoryCache<Key: Hashable & Sendable, Value: MemoryCosted>: Sendable {
    private struct Entry {
        var value: Value
        var lastUse: UInt64
    }

    private struct State {
        var entries: [Key: Entry] = [:]
        var bytes = 0
        var clock: UInt64 = 0
    }

    private let state = Mutex(State())
    private let budget: Int

    init(budget: Int) { self.budget = budget }

    /// What the cached values cost now (at most the budget after each insertion).
    var byteCount: Int { state.withLock { $0.bytes } }

    /// The cached values among `keys`.
    func values(for keys: some Sequence<Key>) -> [Key: Value] {
        state.withLock { state in
            state.clock += 1
            var found: [Key: Value] = [:]
            for key in keys {
                guard let index = state.entries.index(forKey: key) else { continue }
                state.entries.values[index].lastUse = state.clock  // one hash lookup, no copy of the value
                found[key] = state.entries.values[index].value
            }
            return found
        }
    }

    /// Up to `limit` keys, most recently used first.
    func recentKeys(limit: Int) -> [Key] {
        state.withLock { state in
            state.entries.sorted { $0.value.lastUse > $1.value.lastUse }.prefix(limit).map(\.key)
        }
    }

    func insert(_ values: [Key: Value]) {
        guard !values.isEmpty else { return }
        state.withLock { state in
            state.clock += 1
            for (key, value) in values where state.entries[key] == nil {
                state.entries[key] = Entry(value: value, lastUse: state.clock)
                state.bytes += value.byteCount
            }
            guard state.bytes > budget else { return }
            // Evict down to three quarters so the sort is not repeated on every insertion.
            for (key, entry) in state.entries.sorted(by: { $0.value.lastUse < $1.value.lastUse }) {
                guard state.bytes > budget / 4 * 3 else { break }
                state.entries[key] = nil
                state.bytes -= entry.value.byteCount
            }
        }
    }
}

extension Array {
    /// A copy with capacity for exactly its elements (self when it has none to spare), for a cached value:
    /// an array built by appending keeps up to half its capacity unused, which no budget counts.
    func trimmed() -> [Element] {
        guard capacity > count else { return self }
        return [Element](unsafeUninitializedCapacity: count) { buffer, initialized in
            _ = buffer.initialize(fromContentsOf: self)
            initialized = count
        }
    }
}
