import CSentencePiece

/// The encoder's SentencePiece model (128,000 unigram pieces) through Debian's libsentencepiece: piece ids with
/// BOS and EOS, as the reference encodes them. Thread-safe.
public final class SentencePieceTokenizer: @unchecked Sendable {
    private let processor: OpaquePointer

    public init(modelPath: String) throws {
        guard let processor = lotse_sp_open(modelPath) else { throw SemanticModelError.missing(modelPath) }
        self.processor = processor
    }

    deinit { lotse_sp_close(processor) }

    public var pieceCount: Int { Int(lotse_sp_piece_count(processor)) }

    /// Ids of `text`, BOS first and EOS last.
    public func encode(_ text: String) -> [Int32] {
        var text = text
        return text.withUTF8 { bytes -> [Int32] in
            guard bytes.count < Int32.max / 2 else { return [] }
            var capacity = bytes.count + 8
            while true {
                var ids = [Int32](repeating: 0, count: capacity)
                let count = bytes.withMemoryRebound(to: CChar.self) { chars in
                    ids.withUnsafeMutableBufferPointer {
                        lotse_sp_encode(processor, chars.baseAddress, Int32(chars.count), $0.baseAddress, Int32(capacity))
                    }
                }
                if count == Int32.min { return [] }
                if count < 0 { capacity = Int(-count); continue }
                ids.removeSubrange(Int(count)...)
                return ids
            }
        }
    }
}
