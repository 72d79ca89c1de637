import CStemmer

/// Snowball stemming through libstemmer. One instance per language per analyzer: libstemmer is not thread-safe.
/// Expects folded input (lowercase NFC); never feed it a stem — Snowball is not idempotent.
final class Stemmer {
    private let stemmer: OpaquePointer

    init(language: Language) {
        guard let stemmer = sb_stemmer_new(language.snowballName, "UTF_8") else {
            preconditionFailure("libstemmer has no \(language.snowballName) algorithm")
        }
        self.stemmer = stemmer
    }

    deinit { sb_stemmer_delete(stemmer) }

    func stem(_ word: String) -> String {
        var word = word
        return word.withUTF8 { bytes in
            guard let pointer = sb_stemmer_stem(stemmer, bytes.baseAddress, Int32(bytes.count)) else {
                return String(decoding: bytes, as: UTF8.self)
            }
            let length = Int(sb_stemmer_length(stemmer))
            return String(decoding: UnsafeBufferPointer(start: pointer, count: length), as: UTF8.self)
        }
    }
}
