/// The common prefix length of each word of a sorted list with the word before it, with range minima (a sparse
/// table): the run of words that share a word's first `depth` letters ends at the first following word whose common
/// prefix with its predecessor is shorter than `depth`, found with O(log run) byte look-ups. The typo walk of
/// `SortedVocabulary` skips pruned prefixes this way many times per query word; comparing the letters of every probed
/// word was most of its time. Lengths are kept up to `maximumDepth` (one byte each, levels × words bytes in all).
struct CommonPrefixTable: Sendable {
    static let maximumDepth = Int(UInt8.max)

    let count: Int
    private let levelCount: Int
    /// minima[level * count + i]: the smallest common prefix of words i ..< i + 2^level with their predecessors
    /// (positions past the end count as 0; word 0 has none, 0).
    private let minima: [UInt8]

    /// `commonPrefix(i)`: the common prefix length of words i − 1 and i, for i in 1 ..< count.
    init(count: Int, commonPrefix: (Int) -> Int) {
        self.count = count
        var levelCount = 1
        while 1 << levelCount <= count { levelCount += 1 }
        self.levelCount = levelCount
        var minima = [UInt8](repeating: 0, count: levelCount * count)
        for index in 1..<max(1, count) { minima[index] = UInt8(min(commonPrefix(index), Self.maximumDepth)) }
        for level in 1..<levelCount {
            let half = 1 << (level - 1), below = (level - 1) * count, here = level * count
            for index in 0..<count {
                minima[here + index] = index + half < count ? min(minima[below + index], minima[below + index + half]) : 0
            }
        }
        self.minima = minima
    }

    /// `body` reads the table without an array access per look-up (the typo walk's inner loop).
    func withReader<Result>(_ body: (Reader) -> Result) -> Result {
        minima.withUnsafeBufferPointer { body(Reader(minima: $0, count: count, levelCount: levelCount)) }
    }

    struct Reader {
        let minima: UnsafeBufferPointer<UInt8>
        let count: Int
        let levelCount: Int

        /// The common prefix length of words `index` − 1 and `index` (at most `maximumDepth`).
        func commonPrefix(_ index: Int) -> Int { Int(minima[index]) }

        /// The first index after `index` whose word does not start with word `index`'s first `depth` letters (`count`
        /// when every later word does); `depth` in 1 ... `maximumDepth`, at most word `index`'s length.
        func runEnd(from index: Int, depth: Int) -> Int {
            let bar = UInt8(depth)
            func minimum(_ level: Int, _ position: Int) -> UInt8 { position < count ? minima[level * count + position] : 0 }
            // Gallop over blocks of 1, 2, 4, … words that all stay in the run, then halve the block the run ends in.
            var position = index + 1, level = 0
            while level < levelCount, minimum(level, position) >= bar {
                position += 1 << level
                level += 1
            }
            while level > 0 {
                level -= 1
                if minimum(level, position) >= bar { position += 1 << level }
            }
            return min(position, count)
        }
    }
}
