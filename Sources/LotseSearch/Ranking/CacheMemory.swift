/// How much memory a search engine's caches may hold in all (postings, concept frequencies, result sources,
/// answers, plans, query vectors), split in fixed proportions. The caches fill up to it under traffic with many
/// distinct queries, so it is most of the server's memory beyond the index statistics and the model.
public struct CacheMemory: Sendable, Equatable {
    public var bytes: Int

    public init(megabytes: Int) { bytes = min(max(1, megabytes), 1 << 30) << 20 }

    init(bytes: Int) { self.bytes = bytes }

    /// Megabytes `lotse serve` accepts: below 16 the caches hold too little to keep typing fast.
    public static let allowed = 16...1_048_576

    /// Enough for every term and concept of the 10,000-article benchmark's query mix.
    public static let standard = CacheMemory(megabytes: 440)

    // Shares in 440ths of the whole: the standard budgets in megabytes. Query vectors: ~400 texts' cosines with
    // 10,000 articles (20 KB each), enough for the typing of many users at once (only the texts that end a word).
    var postings: Int { share(256) }
    var conceptFrequencies: Int { share(64) }
    var resultSources: Int { share(64) }
    var answers: Int { share(32) }
    var plans: Int { share(16) }
    var queryVectors: Int { share(8) }

    private func share(_ part: Int) -> Int { bytes / 440 * part }
}
