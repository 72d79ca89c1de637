import Synchronization

/// Values that know roughly how much memory they hold, for a cache's budget.
protocol MemoryCosted: Sendable {
    var byteCount: Int { get }
}

/// Recently used values per engine (one index file), within a memory budget: the least recently used entries go
/// first. Query terms and concepts repeat a lot (completions of common prefixes, stems of common words), so after
/// warm-up most queries read nothing from SQLite and merge no positions.
///
/// The entries form a recency list threaded through an array, so a hit and an eviction cost O(1): a full cache
/// holds ~100,000 small entries, and sorting them to evict stalled every request waiting for the lock (~150 ms).
final class MemoryCache<Key: Hashable & Sendable, Value: MemoryCosted>: Sendable {
    private struct Node {
        var key: Key?
        var value: Value?
        var older = -1
        var newer = -1
    }

    private struct State {
        var slots: [Key: Int] = [:]
        var nodes: [Node] = []
        var freeSlots: [Int] = []
        var newest = -1
        var oldest = -1
        var bytes = 0
        var hits = 0
        var misses = 0

        mutating func unlink(_ slot: Int) {
            let (older, newer) = (nodes[slot].older, nodes[slot].newer)
            if older >= 0 { nodes[older].newer = newer } else { oldest = newer }
            if newer >= 0 { nodes[newer].older = older } else { newest = older }
        }

        mutating func makeNewest(_ slot: Int) {
            nodes[slot].older = newest
            nodes[slot].newer = -1
            if newest >= 0 { nodes[newest].newer = slot } else { oldest = slot }
            newest = slot
        }

        mutating func evictOldest() {
            let slot = oldest
            unlink(slot)
            slots[nodes[slot].key!] = nil
            bytes -= nodes[slot].value!.byteCount
            nodes[slot] = Node()
            freeSlots.append(slot)
        }
    }

    private let state = Mutex(State())
    private let budget: Int

    init(budget: Int) { self.budget = budget }

    /// What the cached values cost now (at most the budget after each insertion).
    var byteCount: Int { state.withLock { $0.bytes } }

    /// Lookups so far and what the cache holds now.
    var counts: CacheCounts { state.withLock { CacheCounts(hits: $0.hits, misses: $0.misses, bytes: $0.bytes, budget: budget) } }

    /// The cached values among `keys`; each becomes the most recently used.
    func values(for keys: some Sequence<Key>) -> [Key: Value] {
        state.withLock { state in
            var found: [Key: Value] = [:]
            for key in keys {
                guard let slot = state.slots[key] else {
                    state.misses += 1
                    continue
                }
                state.hits += 1
                if slot != state.newest {
                    state.unlink(slot)
                    state.makeNewest(slot)
                }
                found[key] = state.nodes[slot].value
            }
            return found
        }
    }

    /// Up to `limit` keys, most recently used first.
    func recentKeys(limit: Int) -> [Key] {
        state.withLock { state in
            var keys: [Key] = []
            var slot = state.newest
            while slot >= 0, keys.count < limit {
                keys.append(state.nodes[slot].key!)
                slot = state.nodes[slot].older
            }
            return keys
        }
    }

    /// Adds the values not cached yet as the most recently used, then evicts the least recently used entries
    /// until the cache is within its budget.
    func insert(_ values: [Key: Value]) {
        guard !values.isEmpty else { return }
        state.withLock { state in
            for (key, value) in values where state.slots[key] == nil {
                let node = Node(key: key, value: value)
                let slot: Int
                if let free = state.freeSlots.popLast() {
                    slot = free
                    state.nodes[slot] = node
                } else {
                    slot = state.nodes.count
                    state.nodes.append(node)
                }
                state.slots[key] = slot
                state.makeNewest(slot)
                state.bytes += value.byteCount
            }
            while state.bytes > budget, state.oldest >= 0 { state.evictOldest() }
        }
    }
}

/// A cache's lookups that found / did not find their key, and the bytes it holds of its budget.
public struct CacheCounts: Sendable, Equatable {
    public var hits: Int
    public var misses: Int
    public var bytes: Int
    public var budget: Int

    public var hitRate: Double { hits + misses == 0 ? 0 : Double(hits) / Double(hits + misses) }
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
