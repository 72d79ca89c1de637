import Testing
@testable import LotseSearch

struct MemoryCacheTests {
    struct Blob: MemoryCosted {
        var byteCount: Int
    }

    @Test func evictsTheLeastRecentlyUsedDownToThreeQuartersOfTheBudget() {
        let cache = MemoryCache<String, Blob>(budget: 1_000)
        cache.insert(["a": Blob(byteCount: 300)])
        cache.insert(["b": Blob(byteCount: 300)])
        cache.insert(["c": Blob(byteCount: 300)])
        #expect(cache.values(for: ["a"]).keys.sorted() == ["a"])  // a is now more recent than b and c
        cache.insert(["d": Blob(byteCount: 300)])                   // 1,200 > 1,000: evict b, c (down to ≤ 750)
        #expect(cache.values(for: ["a", "b", "c", "d"]).keys.sorted() == ["a", "d"])
    }

    @Test func recentKeysComeNewestFirst() {
        let cache = MemoryCache<Int, Blob>(budget: 1 << 20)
        for key in 0..<5 { cache.insert([key: Blob(byteCount: 1)]) }
        _ = cache.values(for: [1])
        #expect(cache.recentKeys(limit: 3) == [1, 4, 3])
        #expect(cache.values(for: [7]).isEmpty)
    }
}
