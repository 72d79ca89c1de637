/// Maps the umlaut spellings "ae", "oe", "ue" to the folded vowel, so "Rueckerstattung", "Rückerstattung"
/// and "Ruckerstattung" all become "ruckerstattung". Applied after `CaseFolding` (which already turned ä into a).
///
/// Careful cases stay intact: "ue" after q ("Quelle") or a vowel ("neue", "Feuer", "Bauer"),
/// "uell" ("aktuell", "manuell"), "oe" before "ff"/"nz" ("Koeffizient"). Query and index fold alike, so a rare
/// over-fold ("Michael" → "michal") still matches itself.
enum GermanNormalization {
    static func normalize(_ word: String) -> String {
        let bytes = Array(word.utf8)
        guard bytes.count >= 2, containsDigraph(bytes) else { return word }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "e"),
               byte == UInt8(ascii: "a") || byte == UInt8(ascii: "o") || byte == UInt8(ascii: "u"),
               isUmlautSpelling(bytes, at: index) {
                out.append(byte)
                index += 2
                continue
            }
            out.append(byte)
            index += 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static func containsDigraph(_ bytes: [UInt8]) -> Bool {
        for index in 0..<(bytes.count - 1) where bytes[index + 1] == UInt8(ascii: "e") {
            let byte = bytes[index]
            if byte == UInt8(ascii: "a") || byte == UInt8(ascii: "o") || byte == UInt8(ascii: "u") { return true }
        }
        return false
    }

    private static let vowels: Set<UInt8> = Set("aeiouy".utf8)

    /// Whether the vowel at `index`, followed by "e", spells an umlaut.
    private static func isUmlautSpelling(_ bytes: [UInt8], at index: Int) -> Bool {
        if index == 0 { return true }
        let previous = bytes[index - 1]
        if vowels.contains(previous) { return false }
        let vowel = bytes[index]
        let rest = bytes[(index + 2)...]
        if vowel == UInt8(ascii: "u") {
            if previous == UInt8(ascii: "q") { return false }
            if rest.starts(with: "ll".utf8) { return false }
        }
        if vowel == UInt8(ascii: "o"), rest.starts(with: "ff".utf8) || rest.starts(with: "nz".utf8) { return false }
        return true
    }
}
