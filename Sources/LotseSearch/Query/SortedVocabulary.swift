/// The index vocabulary sorted by Unicode scalars: an implicit trie. A prefix is a contiguous range of words, so
/// completions are a range's most frequent words (precomputed for large ranges), and typo correction walks the
/// trie with one edit-distance row per depth, sharing rows between neighbouring words and skipping every word
/// below a prefix that is already too far away (a Levenshtein automaton over the sorted list). Work per query
/// word grows with the trie nodes within the allowed edits, not with the vocabulary. The words are kept only as
/// letter codes (a `String` each would add 16 bytes, and a heap object for every word over 15 bytes); ties go by
/// position, which is `String` order for the folded (NFC) words.
struct SortedVocabulary: Sendable {
    /// All words' letters back to back, each scalar as its position in `alphabet` (the same order in half the bytes;
    /// 4–7 MB less at 10,000 articles); word i is `letters[starts[i]..<starts[i + 1]]`.
    private let letters: [UInt16]
    /// The distinct scalars of the words, ascending. A vocabulary with more than `alphabetLimit` leaves out the words
    /// with the rarest ones (no index has them: its words are folded letters and digits).
    private let alphabet: [UInt32]
    static let alphabetLimit = Int(UInt16.max)
    private let starts: [Int32]
    let frequencies: [Int32]
    /// Whether a word may be offered as a typo correction (letters only).
    private let correctable: [Bool]
    /// Whether a word may be offered as a completion (not one of `notCompleted` at init).
    private let completable: [Bool]
    /// The most frequent words of every range larger than `scanLimit`, keyed by `lower << 32 | upper`.
    private let topOfRange: [Int64: [Int32]]
    /// Where the words below a prefix end, without comparing letters (the typo walk's skips).
    private let runs: CommonPrefixTable

    /// Ranges up to this size are scanned; larger ones are precomputed.
    static let scanLimit = 64
    /// Completions kept per precomputed range (the planner asks for fewer).
    static let keptCompletions = 8

    /// `notCompleted`: words never offered as a completion of a prefix.
    init(_ vocabulary: [String: Int], notCompleted: Set<String> = []) {
        var entries = vocabulary.map { (scalars: $0.key.unicodeScalars.map(\.value), frequency: $0.value) }
        let alphabet = Self.alphabet(of: &entries)
        entries.sort { $0.scalars.lexicographicallyPrecedes($1.scalars) }
        var letters: [UInt16] = []
        var starts: [Int32] = [0]
        letters.reserveCapacity(entries.reduce(0) { $0 + $1.scalars.count })
        starts.reserveCapacity(entries.count + 1)
        for entry in entries {
            letters += Self.encode(entry.scalars, in: alphabet)
            starts.append(Int32(letters.count))
        }
        self.letters = letters
        self.alphabet = alphabet
        self.starts = starts
        frequencies = entries.map { Int32(clamping: $0.frequency) }
        correctable = entries.map { entry in entry.scalars.allSatisfy { Unicode.Scalar($0)?.properties.isAlphabetic ?? false } }
        var completable = [Bool](repeating: true, count: entries.count)
        for word in notCompleted {
            let target = word.unicodeScalars.map(\.value)
            let index = Self.lowerBound(target, count: entries.count) { entries[$0].scalars[...] }
            if index < entries.count, entries[index].scalars == target { completable[index] = false }
        }
        self.completable = completable
        var top: [Int64: [Int32]] = [:]
        Self.precompute(lower: 0, upper: entries.count, depth: 0, letters: letters, starts: starts,
                        frequencies: frequencies, completable: completable, into: &top)
        topOfRange = top
        runs = CommonPrefixTable(count: entries.count) { index in
            zip(entries[index - 1].scalars, entries[index].scalars).prefix { $0 == $1 }.count
        }
    }

    var count: Int { frequencies.count }

    func text(_ index: Int) -> String {
        String(String.UnicodeScalarView(word(index).map { Unicode.Scalar(alphabet[Int($0)])! }))
    }

    private func word(_ index: Int) -> ArraySlice<UInt16> { letters[Int(starts[index])..<Int(starts[index + 1])] }

    /// The distinct scalars of `entries`, ascending; past `alphabetLimit`, the entries with the rarest are removed.
    private static func alphabet(of entries: inout [(scalars: [UInt32], frequency: Int)]) -> [UInt32] {
        var counts: [UInt32: Int] = [:]
        for entry in entries { for scalar in entry.scalars { counts[scalar, default: 0] += 1 } }
        guard counts.count > alphabetLimit else { return counts.keys.sorted() }
        let kept = Set(counts.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.prefix(alphabetLimit).map(\.key))
        entries.removeAll { !$0.scalars.allSatisfy(kept.contains) }
        return kept.sorted()
    }

    /// `scalars` as letter codes; a scalar no word has becomes `UInt16.max`, which matches nothing.
    private static func encode(_ scalars: some Collection<UInt32>, in alphabet: [UInt32]) -> [UInt16] {
        scalars.map { scalar in
            var low = 0, high = alphabet.count
            while low < high {
                let middle = (low + high) / 2
                if alphabet[middle] < scalar { low = middle + 1 } else { high = middle }
            }
            return low < alphabet.count && alphabet[low] == scalar ? UInt16(low) : UInt16.max
        }
    }

    // MARK: - Prefixes

    /// The words starting with `prefix` (scalars).
    func range(of prefix: some Collection<UInt32>) -> Range<Int> {
        range(of: Self.encode(prefix, in: alphabet))
    }

    private func range(of prefix: [UInt16]) -> Range<Int> {
        lowerBound(prefix)..<upperBound(prefix)
    }

    /// The `limit` most frequent completable words starting with `prefix` (ties: alphabetical), most frequent first.
    func completions(of prefix: some Collection<UInt32>, limit: Int) -> [Int] {
        mostFrequent(in: range(of: prefix), limit: limit)
    }

    /// The `limit` most frequent words of a prefix's range (at most `keptCompletions` of a large one).
    private func mostFrequent(in range: Range<Int>, limit: Int) -> [Int] {
        if range.count > Self.scanLimit, let top = topOfRange[Int64(range.lowerBound) << 32 | Int64(range.upperBound)] {
            return top.prefix(limit).map(Int.init)
        }
        return Self.top(range, limit: limit, frequencies: frequencies, completable: completable).map(Int.init)
    }

    private func lowerBound(_ prefix: [UInt16]) -> Int {
        Self.lowerBound(prefix, count: count, word: word)
    }

    /// The first of `count` sorted words that does not sort before `prefix`.
    private static func lowerBound<Letter: Comparable>(_ prefix: [Letter], count: Int, word: (Int) -> ArraySlice<Letter>) -> Int {
        var low = 0, high = count
        while low < high {
            let middle = (low + high) / 2
            if word(middle).lexicographicallyPrecedes(prefix) { low = middle + 1 } else { high = middle }
        }
        return low
    }

    /// The first word after every word that starts with `prefix`.
    private func upperBound(_ prefix: [UInt16]) -> Int {
        var low = 0, high = count
        while low < high {
            let middle = (low + high) / 2
            if !prefix.lexicographicallyPrecedes(word(middle).prefix(prefix.count)) { low = middle + 1 } else { high = middle }
        }
        return low
    }

    private static func top(_ range: Range<Int>, limit: Int, frequencies: [Int32], completable: [Bool]) -> [Int32] {
        var best: [Int32] = []
        for index in range where completable[index] {
            let candidate = Int32(index)
            guard best.count < limit || ranks(candidate, before: best[best.count - 1], frequencies) else { continue }
            best.insert(candidate, at: best.firstIndex { ranks(candidate, before: $0, frequencies) } ?? best.count)
            if best.count > limit { best.removeLast() }
        }
        return best
    }

    private static func ranks(_ a: Int32, before b: Int32, _ frequencies: [Int32]) -> Bool {
        frequencies[Int(a)] != frequencies[Int(b)] ? frequencies[Int(a)] > frequencies[Int(b)] : a < b
    }

    /// Top words of every range over `scanLimit` below the prefix of length `depth` shared by `lower..<upper`.
    private static func precompute(lower: Int, upper: Int, depth: Int, letters: [UInt16], starts: [Int32],
                                   frequencies: [Int32], completable: [Bool], into top: inout [Int64: [Int32]]) {
        guard upper - lower > scanLimit else { return }
        top[Int64(lower) << 32 | Int64(upper)] = Self.top(lower..<upper, limit: keptCompletions, frequencies: frequencies,
                                                          completable: completable)
        var index = lower
        // The prefix itself, if it is a word, sorts first and has no child.
        while index < upper, Int(starts[index + 1] - starts[index]) <= depth { index += 1 }
        while index < upper {
            let letter = letters[Int(starts[index]) + depth]
            var end = index + 1
            while end < upper, letters[Int(starts[end]) + depth] == letter { end += 1 }
            precompute(lower: index, upper: end, depth: depth + 1, letters: letters, starts: starts,
                       frequencies: frequencies, completable: completable, into: &top)
            index = end
        }
    }

    // MARK: - Edit distance

    /// Words within `maximumEdits` (optimal string alignment: a swap of neighbours is one edit) of `query`:
    /// (word, distance). With `prefix`, a word's first `query.count` letters are compared (an unfinished word),
    /// and of the words below one matching prefix only the `limit` most frequent are returned. Only letter words
    /// of at least `minimumLength` letters are candidates. A query longer than the walk's depth limit (far beyond any
    /// word the planner corrects) finds nothing.
    func near(_ query: [UInt32], maximumEdits: Int, prefix: Bool, limit: Int, minimumLength: Int) -> [(word: Int, distance: Int)] {
        let query = Self.encode(query, in: alphabet)
        return letters.withUnsafeBufferPointer { letters in
            starts.withUnsafeBufferPointer { starts in
                runs.withReader { runs in
                    near(query, maximumEdits: maximumEdits, prefix: prefix, limit: limit, minimumLength: minimumLength,
                         letters: letters, starts: starts, runs: runs)
                }
            }
        }
    }

    private func near(_ query: [UInt16], maximumEdits k: Int, prefix: Bool, limit: Int, minimumLength: Int,
                      letters: UnsafeBufferPointer<UInt16>, starts: UnsafeBufferPointer<Int32>,
                      runs: CommonPrefixTable.Reader) -> [(word: Int, distance: Int)] {
        let n = query.count
        let maximumDepth = prefix ? n : n + k
        guard maximumDepth <= CommonPrefixTable.maximumDepth else { return [] }
        let width = n + 2
        // rows[d * width + j]: distance between the path's first d letters and the query's first j letters, for
        // j within k of d (Ukkonen's band: outside it the distance exceeds k); a cell just outside holds k + 1.
        let rows = UnsafeMutablePointer<Int32>.allocate(capacity: (maximumDepth + 1) * width)
        defer { rows.deallocate() }
        for j in 0...n { rows[j] = Int32(j) }
        rows[n + 1] = Int32(k + 1)
        let q = UnsafeMutablePointer<UInt16>.allocate(capacity: n + 1)
        defer { q.deallocate() }
        for j in 0..<n { q[j + 1] = query[j] }
        let limit32 = Int32(k)
        // The rows hold the path's first `pathLength` letters: those of the word visited last.
        var pathLength = 0
        var found: [(word: Int, distance: Int)] = []
        func length(_ word: Int) -> Int { Int(starts[word + 1] - starts[word]) }
        func letter(_ word: Int, _ position: Int) -> UInt16 { letters[Int(starts[word]) + position] }
        /// The first word after `index` (the path's word) that does not start with its first `depth` letters.
        func skip(from index: Int, depth: Int) -> Int { runs.runEnd(from: index, depth: depth) }
        /// Row `depth + 1` from rows `depth` and `depth - 1`; false when every cell exceeds k (prune).
        func extend(_ depth: Int, _ current: UInt16, _ previous: UInt16) -> Bool {
            let r = depth + 1
            let above = rows + depth * width, here = above + width
            let low = max(1, r - k), high = min(n, r + k)
            here[0] = Int32(r)
            if low > 1 { here[low - 1] = limit32 + 1 }
            var rowMinimum = low == 1 ? Int32(r) : limit32 + 1
            if low <= high {
                for j in low...high {
                    var value = min(above[j] + 1, here[j - 1] + 1, above[j - 1] + (q[j] == current ? 0 : 1))
                    if depth > 0, j > 1, q[j] == previous, q[j - 1] == current {
                        value = min(value, (above - width)[j - 2] + 1)
                    }
                    here[j] = value
                    rowMinimum = min(rowMinimum, value)
                }
            }
            if high < n { here[high + 1] = limit32 + 1 }
            return rowMinimum <= limit32
        }
        func distance(_ depth: Int) -> Int { Int(rows[depth * width + n]) }
        var index = 0
        while index < count {
            let wordLength = length(index)
            // The rows of the path's first letters that this word shares stay valid: every word between the path's
            // word and this one was skipped or visited, so their common prefix is this word's with its predecessor.
            var depth = index == 0 ? 0 : min(pathLength, runs.commonPrefix(index))
            let target = min(wordLength, maximumDepth)
            var pruned = false
            while depth < target {
                let survives = extend(depth, letter(index, depth), depth > 0 ? letter(index, depth - 1) : UInt16.max)
                depth += 1
                if !survives { pruned = true; break }
            }
            pathLength = depth
            if pruned {
                // No word below this prefix comes within k edits.
                index = skip(from: index, depth: depth)
                continue
            }
            if prefix, depth == n {
                // Every longer word below this prefix is as far as the prefix itself: take the most frequent.
                let distance = distance(n)
                let end = skip(from: index, depth: depth)
                if distance <= k {
                    let below = index..<end
                    var taken = 0
                    for candidate in mostFrequent(in: below, limit: below.count)
                    where correctable[candidate] && length(candidate) >= minimumLength {
                        found.append((candidate, distance))
                        taken += 1
                        if taken == limit { break }
                    }
                }
                index = end
                continue
            }
            if wordLength >= minimumLength, wordLength >= n - k, wordLength <= n + k, depth == wordLength,
               distance(wordLength) <= k, correctable[index] {
                found.append((index, distance(wordLength)))
            }
            if !prefix, depth == maximumDepth {
                // Longer words below this prefix are more than k letters longer than the query.
                index = skip(from: index, depth: depth)
                continue
            }
            index += 1
        }
        return found
    }
}
