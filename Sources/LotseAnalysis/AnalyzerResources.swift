import Foundation

/// The immutable data an analyzer needs beyond code: the compound dictionary built from the corpus.
/// Shared by every analyzer instance (one per connection or thread).
public struct AnalyzerResources: Sendable {
    public let splitter: CompoundSplitter

    public init(compoundDictionary: [String: Int] = [:], neverSplit: Set<String> = CompoundSplitter.defaultNeverSplit) {
        splitter = CompoundSplitter(dictionary: compoundDictionary, neverSplit: neverSplit)
    }

    public static let empty = AnalyzerResources()

    /// Analyzer and index format version. Bump on any change to token output or schema: indexes built by
    /// another version are rebuilt from scratch.
    public static let codeVersion = 8  // 8: the articles' spellings of folded words (`spellings`)

    /// Version string stored in the index: code version plus a fingerprint of the word lists.
    public var version: String {
        var hasher = StableHash()
        for word in splitter.neverSplit.sorted() { hasher.add(word) }
        for language in Language.allCases { hasher.add(language.rawValue) }
        return "lotse-\(Self.codeVersion)-\(hasher.hex)"
    }
}

/// FNV-1a, 64 bit (strings get a terminator, so ["ab", "c"] and ["a", "bc"] differ): a stable (not per-process
/// seeded) hash for fingerprints and content change detection.
public struct StableHash: Sendable {
    public private(set) var value: UInt64 = 0xcbf29ce484222325

    public init() {}

    public mutating func add(bytes: UnsafeRawBufferPointer) {
        var value = self.value
        for byte in bytes {
            value ^= UInt64(byte)
            value = value &* 0x100000001b3
        }
        self.value = value
    }

    public mutating func add<Bytes: ContiguousBytes>(bytes: Bytes) {
        bytes.withUnsafeBytes { add(bytes: $0) }
    }

    public mutating func add(_ text: String) {
        var text = text
        text.withUTF8 { add(bytes: UnsafeRawBufferPointer($0)) }
        value ^= 0xff
        value = value &* 0x100000001b3
    }


    public var hex: String { String(value, radix: 16) }
}
