import CSentencePiece

import LotseSemantic

/// Debian's libsentencepiece 0.1.97 through its C shim: the yardstick `UnigramTokenizer` is compared with, id for id.
final class LibSentencePiece: @unchecked Sendable {
    private let processor: OpaquePointer

    init(modelPath: String) throws {
        guard let processor = lotse_sp_open(modelPath) else { throw SemanticModelError.missing(modelPath) }
        self.processor = processor
    }

    deinit { lotse_sp_close(processor) }

    var pieceCount: Int { Int(lotse_sp_piece_count(processor)) }

    /// Ids of `text`, BOS first and EOS last.
    func encode(_ text: String) -> [Int32] {
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
