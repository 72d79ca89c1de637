import Synchronization

/// The sitemap of the index being served, built once per index: it lists every article, so building it costs as
/// much as the corpus is large (a second with 10,000 articles in a debug build), and anyone may ask for it without
/// limit. A reloaded index (another engine) builds it anew.
final class SitemapCache: Sendable {
    private struct Entry: Sendable {
        weak var index: (AnyObject & Sendable)?
        var xml: String
    }

    private let entry = Mutex<Entry?>(nil)

    /// The cached sitemap of `index`, or `build()`'s, remembered for it.
    func xml(for index: AnyObject & Sendable, build: () async throws -> String) async rethrows -> String {
        if let cached = entry.withLock({ $0.flatMap { $0.index === index ? $0.xml : nil } }) { return cached }
        let xml = try await build()
        entry.withLock { $0 = Entry(index: index, xml: xml) }
        return xml
    }
}
