/// How much memory a search engine's caches may hold in all (postings, concept frequencies, result sources,
/// answers, plans, query vectors), split in fixed proportions. The caches fill up to it under traffic with many
/// distinct queries, so it is most of the server's memory beyond the index statistics and the model.
public struct CacheMemory: Sendable, Equatable {
    public var bytes: Int

    public init(megabytes: Int) { bytes = min(max(1, megabytes), 1 << 30) << 20 }

    init(bytes: Int) { self.bytes = bytes }

    /// Megabytes `lotse serve` accepts: below 16 the caches hold too little to keep typing fast.
    public static let allowed = 16...1_048_576

    /// Every term the 10,000-article benchmark's distinct typed stream reads fits, with room for larger help
    /// centers; the other caches hold what repeats often enough to pay for its memory. A busy hybrid server on 10,000
    /// articles stays near 250 MB (issue 17), for ~10 % more CPU per search than with 64 MB each for concept
    /// frequencies and snippet sources (BENCHMARKS.md, "Memory").
    public static let standard = CacheMemory(megabytes: 256)

    // Shares in 256ths of the whole: the standard budgets in megabytes. Only the postings grow with the help center
    // (the 10k typed stream fills 49 MB). Concept frequencies and snippet sources keep 87 and 82 % of their lookups at
    // 20 MB (89 and 88 % at 64); plans and answers repeat only when a whole text does (0 % and ~5 % of the distinct
    // streams). Query vectors: ~400 texts' cosines with 10,000 articles (20 KB each), enough for the typing of many
    // users at once (only the texts that end a word).
    var postings: Int { share(200) }
    var conceptFrequencies: Int { share(20) }
    var resultSources: Int { share(20) }
    var answers: Int { share(6) }
    var plans: Int { share(2) }
    var queryVectors: Int { share(8) }

    private func share(_ part: Int) -> Int { bytes / 256 * part }
}
