/// Lotse's text analyzer, identical on the index and query side:
/// ICU word breaks → NFKC case folding and diacritics removal → German umlaut spellings (de) →
/// Snowball stem, compound parts and hyphen joins as colocated tokens.
///
/// Stop words stay in the index (exact positions for snippets); queries drop them (`StopWords`).
/// Not thread-safe: one instance per connection or thread. Per-word results are memoised, which
/// makes the common case (a word seen before) a dictionary lookup.
public final class Analyzer {
    /// Replaceable (the indexer learns the compound dictionary after a first pass): cached variants are dropped,
    /// cached folds stay valid.
    public var resources: AnalyzerResources {
        didSet {
            cache.variants.removeAll()
            for language in caches.keys { caches[language]?.variants.removeAll() }
        }
    }
    /// The language of the text analyzed next: selects folding rules, stemmer and compound splitting.
    public var language: Language {
        didSet {
            guard language != oldValue else { return }
            caches[oldValue] = cache
            cache = caches.removeValue(forKey: language) ?? LanguageCache()
        }
    }

    /// Created on first use: analyzers that only fold and stem single words never need ICU's iterator.
    private lazy var breaker = WordBreaker()
    private var stemmers: [Language: Stemmer] = [:]
    private var cache = LanguageCache()
    private var caches: [Language: LanguageCache] = [:]
    /// Reused per call: the words of the current text.
    private var words: [AnalyzedWord] = []

    static let maximumCachedWords = 200_000
    /// Longer "words" (hashes, base64) are indexed as they are, without stemming or splitting.
    public static let maximumWordBytes = 64

    public init(resources: AnalyzerResources = .empty, language: Language = .de) {
        self.resources = resources
        self.language = language
    }

    // MARK: - Words

    /// Folds one word the way the index does ("Größe" → "grosse", "Rueckerstattung" → "ruckerstattung").
    public func fold(_ word: String) -> String? {
        var word = word
        return word.withUTF8 { fold(raw: $0) }
    }

    /// Stem of an already folded word in the current language (never pass a stem).
    public func stem(_ folded: String) -> String {
        guard folded.utf8.count > 2, !folded.utf8.contains(where: { $0 >= 0x30 && $0 <= 0x39 }) else { return folded }
        return stemmer(for: language).stem(folded)
    }

    /// Compound parts of a folded word (German only), empty for non-compounds.
    public func compoundParts(_ folded: String) -> [String] {
        language == .de ? resources.splitter.split(folded) : []
    }

    /// Terms the index stores beside a folded word: its stem, compound parts and their stems.
    public func variants(of folded: String) -> [String] {
        guard folded.utf8.count <= Self.maximumWordBytes else { return [] }
        var result: [String] = []
        func add(_ term: String) {
            if term != folded, !result.contains(term) { result.append(term) }
        }
        add(stem(folded))
        for part in compoundParts(folded) {
            add(part)
            add(stem(part))
        }
        return result
    }

    /// The words of `text` with byte offsets, folded, and whether a hyphen joins each to the one before.
    public func words(in text: String) -> [AnalyzedWord] {
        var text = text
        return text.withUTF8 { bytes in
            collectWords(bytes)
            return words
        }
    }

    // MARK: - Tokens

    /// Calls `emit(term, start, end, colocated)` for every token of `text`; `emit` returns false to stop.
    public func analyze(_ text: UnsafeBufferPointer<UInt8>, mode: AnalysisMode, emit: (String, Int, Int, Bool) -> Bool) {
        collectWords(text)
        analyze(words: words, mode: mode, emit: emit)
    }

    /// The tokens of a text whose words `words(in:)` already returned in the current language, so a caller that
    /// needed the words first (the indexer counts them) does not break and fold the text twice.
    public func analyze(words: [AnalyzedWord], mode: AnalysisMode, emit: (String, Int, Int, Bool) -> Bool) {
        analyze(words: words, mode: mode, variants: { cachedVariants(of: words[$0]) }, emit: emit)
    }

    /// The same with the variants of word `i` from `variants(i)`, which must return `variants(of:)` of its folded
    /// form in the current language: a caller that numbers its words keeps them by number, without string hashing.
    public func analyze(words: [AnalyzedWord], mode: AnalysisMode, variants: (Int) -> [String], emit: (String, Int, Int, Bool) -> Bool) {
        for index in words.indices {
            let word = words[index]
            guard emit(word.folded, word.start, word.end, false) else { return }
            guard mode == .document else { continue }
            for variant in variants(index) {
                guard emit(variant, word.start, word.end, true) else { return }
            }
            guard index + 1 < words.count, words[index + 1].joinedToPrevious else { continue }
            var chainEnd = index + 1
            while chainEnd + 1 < words.count, words[chainEnd + 1].joinedToPrevious,
                  chainEnd - index < HyphenJoining.maximumChain { chainEnd += 1 }
            let chain = words[index...chainEnd].map(\.folded)
            for joined in HyphenJoining.joins(startingAt: 0, in: chain) {
                guard emit(joined, word.start, word.end, true) else { return }
                let stemmed = stem(joined)
                if stemmed != joined, !emit(stemmed, word.start, word.end, true) { return }
            }
        }
    }

    /// All tokens of `text` (tests, tools and the query side; the index uses the callback form).
    public func tokens(_ text: String, mode: AnalysisMode = .document) -> [Token] {
        var result: [Token] = []
        var position = -1
        var text = text
        text.withUTF8 { bytes in
            analyze(bytes, mode: mode) { term, start, end, colocated in
                if !colocated { position += 1 }
                result.append(Token(term: term, start: start, end: end, position: position, colocated: colocated))
                return true
            }
        }
        return result
    }

    // MARK: - Internals

    /// Memoised per language: raw word → folded form ("" when nothing is left), folded → variants.
    private struct LanguageCache {
        var folds: [String: String] = [:]
        var variants: [String: [String]] = [:]
    }

    /// Byte ranges of the words of `text`, exactly the positions the index stores, without folding,
    /// stemming or splitting: what highlighting needs to map token positions back to text.
    public func forEachWordRange(in text: UnsafeBufferPointer<UInt8>, _ body: (Int, Int) -> Void) {
        breaker.forEachWord(in: text) { start, end in
            WordSegments.forEachPart(of: text, from: start, to: end) { partStart, partEnd in
                if WordSegments.isWordLike(UnsafeBufferPointer(rebasing: text[partStart..<partEnd])) { body(partStart, partEnd) }
            }
        }
    }

    /// Calls `body(raw, start, end, joinedToPrevious)` for every word of `text`, unfolded: the words
    /// `words(in:)` returns, for a caller that keeps its own memo of folded forms (`foldedWord(_:)`).
    public func forEachWord(in text: UnsafeBufferPointer<UInt8>, _ body: (UnsafeBufferPointer<UInt8>, Int, Int, Bool) -> Void) {
        var previousEnd = -1
        forEachWordRange(in: text) { start, end in
            let joined = previousEnd >= 0 && HyphenJoining.isHyphen(text, from: previousEnd, to: start)
            body(UnsafeBufferPointer(rebasing: text[start..<end]), start, end, joined)
            previousEnd = end
        }
    }

    /// The folded form `words(in:)` gives the word `raw` in the current language, without the memo.
    public func foldedWord(_ raw: UnsafeBufferPointer<UInt8>) -> String {
        // Word-likeness alone decides positions (see forEachWordRange); folding never drops a word.
        foldUncached(raw) ?? String(decoding: raw, as: UTF8.self)
    }

    private func collectWords(_ text: UnsafeBufferPointer<UInt8>) {
        words.removeAll(keepingCapacity: true)
        forEachWord(in: text) { raw, start, end, joined in
            let folded = fold(raw: raw) ?? String(decoding: raw, as: UTF8.self)
            words.append(AnalyzedWord(folded: folded, start: start, end: end, joinedToPrevious: joined))
        }
    }

    private func foldUncached(_ raw: UnsafeBufferPointer<UInt8>) -> String? {
        let folded = CaseFolding.fold(raw)
        if language == .de, let word = folded { return GermanNormalization.normalize(word) }
        return folded
    }

    private func fold(raw: UnsafeBufferPointer<UInt8>) -> String? {
        let key = String(decoding: raw, as: UTF8.self)
        if let cached = cache.folds[key] { return cached.isEmpty ? nil : cached }
        let folded = foldUncached(raw)
        if raw.count <= Self.maximumWordBytes {
            if cache.folds.count >= Self.maximumCachedWords { cache.folds.removeAll(keepingCapacity: true) }
            cache.folds[key] = folded ?? ""
        }
        return folded
    }

    private func cachedVariants(of word: AnalyzedWord) -> [String] {
        if let variants = cache.variants[word.folded] { return variants }
        let variants = variants(of: word.folded)
        if word.folded.utf8.count <= Self.maximumWordBytes {
            if cache.variants.count >= Self.maximumCachedWords { cache.variants.removeAll(keepingCapacity: true) }
            cache.variants[word.folded] = variants
        }
        return variants
    }

    private func stemmer(for language: Language) -> Stemmer {
        if let stemmer = stemmers[language] { return stemmer }
        let stemmer = Stemmer(language: language)
        stemmers[language] = stemmer
        return stemmer
    }
}

/// A folded word and where it stands in the source text.
public struct AnalyzedWord: Equatable, Sendable {
    public var folded: String
    public var start: Int
    public var end: Int
    /// A single hyphen stands between this word and the previous one ("E-Mail").
    public var joinedToPrevious: Bool

    public init(folded: String, start: Int, end: Int, joinedToPrevious: Bool) {
        self.folded = folded
        self.start = start
        self.end = end
        self.joinedToPrevious = joinedToPrevious
    }
}
