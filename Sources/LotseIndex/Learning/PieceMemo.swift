/// Values by whitespace piece, keyed by the piece's UTF-8 bytes: 100,000 drafts look up 3.5 M pieces, and hashing
/// each as a `String` (Unicode-normalised, SipHash) was most of `CustomerWordReader`'s time. Open addressing over
/// one byte buffer, hashed eight bytes at a time; a lookup allocates nothing. `WordList` keeps its 460,000 words in
/// one too.
struct PieceMemo<Value> {
    private struct Entry {
        var hash: UInt64
        var bytes: Range<Int32>
        var values: Range<Int32>
    }

    /// By slot, the entry number + 1 (0: empty) in the low half and the hash's high half: a probe reads an entry only
    /// when the hashes' high halves agree (the lookups are memory-bound). A power of two, at most half full.
    private var slots = [UInt64](repeating: 0, count: 1 << 12)
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
        slots[slot] = Self.slotValue(number: entries.count, hash: hash)
    }

    mutating func removeAll() {
        slots = [UInt64](repeating: 0, count: slots.count)
        entries.removeAll(keepingCapacity: true)
        bytes.removeAll(keepingCapacity: true)
        values.removeAll(keepingCapacity: true)
    }

    /// `piece`'s entry, or the empty slot where it belongs.
    private func find(_ piece: UnsafeBufferPointer<UInt8>, hash: UInt64) -> (slot: Int, entry: Entry?) {
        let mask = slots.count - 1, tag = hash & Self.tagBits
        var slot = Int(truncatingIfNeeded: hash) & mask
        while case let value = slots[slot], value != 0 {
            if value & Self.tagBits == tag {
                let entry = entries[Int(truncatingIfNeeded: value & ~Self.tagBits) - 1]
                if entry.hash == hash, equal(entry.bytes, piece) { return (slot, entry) }
            }
            slot = (slot + 1) & mask
        }
        return (slot, nil)
    }

    private func equal(_ stored: Range<Int32>, _ piece: UnsafeBufferPointer<UInt8>) -> Bool {
        guard stored.count == piece.count else { return false }
        return bytes.withUnsafeBufferPointer { bytes in
            UnsafeBufferPointer(rebasing: bytes[Int(stored.lowerBound)..<Int(stored.upperBound)]).elementsEqual(piece)
        }
    }

    private mutating func grow() {
        slots = [UInt64](repeating: 0, count: slots.count * 2)
        let mask = slots.count - 1
        for (number, entry) in entries.enumerated() {
            var slot = Int(truncatingIfNeeded: entry.hash) & mask
            while slots[slot] != 0 { slot = (slot + 1) & mask }
            slots[slot] = Self.slotValue(number: number + 1, hash: entry.hash)
        }
    }

    private static var tagBits: UInt64 { 0xffff_ffff_0000_0000 }

    private static func slotValue(number: Int, hash: UInt64) -> UInt64 { hash & tagBits | UInt64(number) }

    /// Eight bytes at a time, each word multiplied in, then murmur3's finaliser: a byte at a time was a multiply per
    /// byte in one dependency chain.
    private static func hash(_ piece: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash = 0x9e37_79b9_7f4a_7c15 ^ UInt64(piece.count)
        var offset = 0
        if let base = piece.baseAddress {
            let raw = UnsafeRawPointer(base)
            while offset + 8 <= piece.count {
                hash = (hash ^ raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)) &* 0x9e37_79b9_7f4a_7c15
                hash ^= hash >> 29
                offset += 8
            }
        }
        if offset < piece.count {
            var last: UInt64 = 0
            for index in offset..<piece.count { last |= UInt64(piece[index]) << (8 * (index - offset)) }
            hash = (hash ^ last) &* 0x9e37_79b9_7f4a_7c15
        }
        hash = (hash ^ hash >> 33) &* 0xff51_afd7_ed55_8ccd
        hash = (hash ^ hash >> 33) &* 0xc4ce_b9fe_1a85_ec53
        return hash ^ hash >> 33
    }
}

/// `WordList` shares its words between threads.
extension PieceMemo: Sendable where Value: Sendable {}
