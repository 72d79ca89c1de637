/// Values by whitespace piece, keyed by the piece's UTF-8 bytes: 100,000 drafts look up 3.5 M pieces, and hashing
/// each as a `String` (Unicode-normalised, SipHash) was most of `CustomerWordReader`'s time. Open addressing over
/// one byte buffer with an FNV-1a hash; a lookup allocates nothing. `WordList` keeps its 460,000 words in one too, and
/// the build's vocabulary pass (`WordCounter`) its raw words.
struct PieceMemo<Value> {
    private struct Entry {
        var hash: UInt64
        var bytes: Range<Int32>
        var values: Range<Int32>
    }

    /// Entry number + 1 by slot (0: empty); a power of two, at most half full.
    private var slots = [Int32](repeating: 0, count: 1 << 12)
    private var entries: [Entry] = []
    private var bytes: [UInt8] = []
    private var values: [Value] = []

    var count: Int { entries.count }

    /// The values stored for `piece`, nil when it has none yet.
    func values(of piece: UnsafeBufferPointer<UInt8>) -> ArraySlice<Value>? {
        let hash = Self.hash(piece)
        guard let entry = find(piece, hash: hash).entry else { return nil }
        return values[Int(entry.values.lowerBound)..<Int(entry.values.upperBound)]
    }

    /// Stores `pieceValues` for `piece`, which has none yet.
    mutating func insert(_ piece: UnsafeBufferPointer<UInt8>, _ pieceValues: [Value]) {
        if (entries.count + 1) * 2 > slots.count { grow() }
        let hash = Self.hash(piece)
        let slot = find(piece, hash: hash).slot
        let start = Int32(bytes.count), first = Int32(values.count)
        bytes.append(contentsOf: piece)
        values.append(contentsOf: pieceValues)
        entries.append(Entry(hash: hash, bytes: start..<Int32(bytes.count), values: first..<Int32(values.count)))
        slots[slot] = Int32(entries.count)
    }

    mutating func removeAll() {
        slots = [Int32](repeating: 0, count: slots.count)
        entries.removeAll(keepingCapacity: true)
        bytes.removeAll(keepingCapacity: true)
        values.removeAll(keepingCapacity: true)
    }

    /// `piece`'s entry, or the empty slot where it belongs.
    private func find(_ piece: UnsafeBufferPointer<UInt8>, hash: UInt64) -> (slot: Int, entry: Entry?) {
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while case let number = slots[slot], number != 0 {
            let entry = entries[Int(number) - 1]
            if entry.hash == hash, equal(entry.bytes, piece) { return (slot, entry) }
            slot = (slot + 1) & mask
        }
        return (slot, nil)
    }

    private func equal(_ stored: Range<Int32>, _ piece: UnsafeBufferPointer<UInt8>) -> Bool {
        guard stored.count == piece.count else { return false }
        var offset = Int(stored.lowerBound)
        for byte in piece {
            guard bytes[offset] == byte else { return false }
            offset += 1
        }
        return true
    }

    private mutating func grow() {
        slots = [Int32](repeating: 0, count: slots.count * 2)
        let mask = slots.count - 1
        for (number, entry) in entries.enumerated() {
            var slot = Int(truncatingIfNeeded: entry.hash) & mask
            while slots[slot] != 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(number + 1)
        }
    }

    private static func hash(_ piece: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in piece { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return hash ^ hash >> 32  // the slot takes the low bits; FNV mixes the high ones better
    }
}

/// `WordList` shares its words between threads.
extension PieceMemo: Sendable where Value: Sendable {}
