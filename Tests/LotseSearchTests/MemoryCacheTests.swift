import Testing
@testable import LotseSearch

struct MemoryCacheTests {
    struct Blob: MemoryCosted {
        var byteCount: Int
    }

    @Test func evictsTheLeastRecentlyUsedUntilWithinTheBudget() {
        let cache = MemoryCache<String, Blob>(budget: 1_000)
        cache.insert(["a": Blob(byteCount: 300)])
        cache.insert(["b": Blob(byteCount: 300)])
        cache.insert(["c": Blob(byteCount: 300)])
        #expect(cache.values(for: ["a"]).keys.sorted() == ["a"])  // a is now more recent than b and c
        cache.insert(["d": Blob(byteCount: 300)])                   // 1,200 > 1,000: evict b
        #expect(cache.values(for: ["a", "b", "c", "d"]).keys.sorted() == ["a", "c", "d"])
        #expect(cache.byteCount == 900)
    }

    /// Random hits, insertions and evictions against a plain list kept in recency order.
    @Test(arguments: [1, 2, 3]) func matchesAListInRecencyOrder(seed: UInt64) {
        var random = SeededRandom(seed: seed)
        let budget = 2_000
        let cache = MemoryCache<Int, Blob>(budget: budget)
        var reference: [(key: Int, bytes: Int)] = []  // oldest first
        for _ in 0..<5_000 {
            if random.next() % 3 == 0 {
                let keys = (0..<Int(random.next() % 4)).map { _ in Int(random.next() % 200) }
                let found = cache.values(for: keys)
                var expected: Set<Int> = []
                for key in keys {
                    guard let index = reference.firstIndex(where: { $0.key == key }) else { continue }
                    expected.insert(key)
                    reference.append(reference.remove(at: index))
                }
                #expect(Set(found.keys) == expected)
            } else {
                let key = Int(random.next() % 200), bytes = 1 + Int(random.next() % 300)
                cache.insert([key: Blob(byteCount: bytes)])
                if !reference.contains(where: { $0.key == key }) { reference.append((key, bytes)) }
                while reference.reduce(0, { $0 + $1.bytes }) > budget { reference.removeFirst() }
            }
            #expect(cache.byteCount == reference.reduce(0, { $0 + $1.bytes }))
        }
        #expect(cache.recentKeys(limit: 1_000) == reference.reversed().map(\.key))
    }

    @Test func recentKeysComeNewestFirst() {
        let cache = MemoryCache<Int, Blob>(budget: 1 << 20)
        for key in 0..<5 { cache.insert([key: Blob(byteCount: 1)]) }
        _ = cache.values(for: [1])
        #expect(cache.recentKeys(limit: 3) == [1, 4, 3])
        #expect(cache.values(for: [7]).isEmpty)
    }

    @Test func countsHitsMissesAndBytes() {
        let cache = MemoryCache<Int, Blob>(budget: 1_000)
        cache.insert([1: Blob(byteCount: 300), 2: Blob(byteCount: 200)])
        _ = cache.values(for: [1, 3])
        _ = cache.values(for: [2, 4, 5])
        #expect(cache.counts == CacheCounts(hits: 2, misses: 3, bytes: 500, budget: 1_000))
        #expect(cache.counts.hitRate == 0.4)
    }
}
