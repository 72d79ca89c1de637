import Glibc

/// Terms with a count each (an index's document frequencies), sorted by their UTF-8 bytes in one buffer with
/// offsets. A `[String: Int]` of the same terms costs about three times as much: hash slots at three quarters
/// load, and a heap object for every term over 15 bytes. Looked up by binary search (a few hundred
/// nanoseconds for 10,000 articles' terms; the planner asks a few dozen times per query).
struct TermCounts: Sendable {
    /// Term i is `bytes[ends[i - 1]..<ends[i]]` (from 0 for the first).
    private let bytes: [UInt8]
    private let ends: [UInt32]
    private let counts: [Int32]

    /// `terms` in any order; a term given twice keeps its last count.
    init(_ terms: some Sequence<(String, Int)>) {
        var entries = terms.map { (bytes: Array($0.0.utf8), count: Int32(clamping: $0.1)) }
        if !zip(entries, entries.dropFirst()).allSatisfy({ $0.bytes.lexicographicallyPrecedes($1.bytes) }) {
            entries = Dictionary(entries.map { ($0.bytes, $0.count) }, uniquingKeysWith: { _, last in last })
                .map { (bytes: $0.key, count: $0.value) }.sorted { $0.bytes.lexicographicallyPrecedes($1.bytes) }
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(entries.reduce(0) { $0 + $1.bytes.count })
        var ends: [UInt32] = []
        ends.reserveCapacity(entries.count)
        for entry in entries {
            bytes += entry.bytes
            ends.append(UInt32(bytes.count))
        }
        self.bytes = bytes
        self.ends = ends
        counts = entries.map(\.count)
    }

    var count: Int { counts.count }

    /// The count of `term`, nil when the index does not have it.
    subscript(term: String) -> Int? {
        var term = term
        return term.withUTF8 { key in
            bytes.withUnsafeBufferPointer { bytes in
                var low = 0, high = count
                while low < high {
                    let middle = (low + high) / 2
                    let order = Self.compare(bytes, range: range(middle), key)
                    if order == 0 { return Int(counts[middle]) }
                    if order < 0 { low = middle + 1 } else { high = middle }
                }
                return nil
            }
        }
    }

    /// The `limit` terms with the highest counts, ties in byte order (the order of `String`'s `<` for the
    /// index's NFC-folded terms).
    func mostFrequent(limit: Int) -> [String] {
        counts.indices.sorted { counts[$0] != counts[$1] ? counts[$0] > counts[$1] : $0 < $1 }.prefix(limit).map(term)
    }

    /// The highest count (0 without terms).
    var largestCount: Int { Int(counts.max() ?? 0) }

    func term(_ index: Int) -> String { String(decoding: bytes[range(index)], as: UTF8.self) }

    private func range(_ index: Int) -> Range<Int> { (index == 0 ? 0 : Int(ends[index - 1]))..<Int(ends[index]) }

    /// memcmp order of the term at `range` against `key` (negative: the term sorts first).
    private static func compare(_ bytes: UnsafeBufferPointer<UInt8>, range: Range<Int>, _ key: UnsafeBufferPointer<UInt8>) -> Int {
        let common = min(range.count, key.count)
        if common > 0, let base = bytes.baseAddress, let keyBase = key.baseAddress {
            let order = memcmp(base + range.lowerBound, keyBase, common)
            if order != 0 { return Int(order) }
        }
        return range.count - key.count
    }
}
