import LotseEvaluation
import Testing
@testable import LotseSearch

/// `lotse serve --cache-memory`: the shares stay within the whole, and an engine whose caches evict all the time
/// answers exactly as one that keeps everything.
@Suite struct CacheMemoryTests {
    @Test(arguments: [16, 256, 1000]) func sharesStayWithinTheWhole(megabytes: Int) {
        let memory = CacheMemory(megabytes: megabytes)
        let shares = [memory.postings, memory.conceptFrequencies, memory.resultSources, memory.answers, memory.plans, memory.queryVectors]
        #expect(shares.reduce(0, +) <= memory.bytes)
        #expect(shares.allSatisfy { $0 > 0 })
        #expect(memory.postings > memory.bytes / 2)
    }

    @Test func aTinyCacheAnswersAsTheStandardOne() async throws {
        let queries = try RelevanceTests.judged("judged-queries.json")
        try await RelevanceTests.withArticlesEngine { standard, indexPath in
            // 64 KB in all: each share is a small part of what the judged queries read (checked below), so entries
            // are evicted and read again all the time.
            let memory = CacheMemory(bytes: 64 << 10)
            let tiny = try SearchEngine(indexPath: indexPath, connectionCount: 1, cacheMemory: memory)
            for query in queries {
                let expected = try await standard.answer(query.input, options: SearchOptions(limit: 5)).map(\.id)
                let got = try await tiny.answer(query.input, options: SearchOptions(limit: 5)).map(\.id)
                #expect(got == expected, "\(query.id)")
            }
            #expect(standard.postings.byteCount > 4 * memory.postings)
            #expect(standard.conceptFrequencies.byteCount > 4 * memory.conceptFrequencies)
            #expect(tiny.postings.byteCount <= memory.postings && tiny.conceptFrequencies.byteCount <= memory.conceptFrequencies)
        }
    }
}
