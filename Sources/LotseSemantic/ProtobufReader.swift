import Foundation

/// The protobuf wire format, as far as a SentencePiece model needs it.
struct ProtobufReader {
    enum Value { case varint(UInt64), fixed64(UInt64), bytes(ArraySlice<UInt8>), fixed32(UInt32) }

    var bytes: ArraySlice<UInt8>

    mutating func next() throws -> (number: Int, value: Value)? {
        guard !bytes.isEmpty else { return nil }
        let key = try varint()
        switch key & 7 {
        case 0: return (Int(key >> 3), .varint(try varint()))
        case 1: return (Int(key >> 3), .fixed64(try fixed(8)))
        case 2:
            let length = try varint()
            guard length <= UInt64(bytes.count) else { throw SemanticModelError.invalid("SentencePiece model: broken protobuf") }
            defer { bytes = bytes.dropFirst(Int(length)) }
            return (Int(key >> 3), .bytes(bytes.prefix(Int(length))))
        case 5: return (Int(key >> 3), .fixed32(UInt32(try fixed(4))))
        default: throw SemanticModelError.invalid("SentencePiece model: broken protobuf")
        }
    }

    private mutating func varint() throws -> UInt64 {
        var value: UInt64 = 0, shift: UInt64 = 0
        while let byte = bytes.first, shift < 64 {
            bytes = bytes.dropFirst()
            value |= UInt64(byte & 0x7F) << shift
            if byte < 0x80 { return value }
            shift += 7
        }
        throw SemanticModelError.invalid("SentencePiece model: broken protobuf")
    }

    private mutating func fixed(_ count: Int) throws -> UInt64 {
        guard bytes.count >= count else { throw SemanticModelError.invalid("SentencePiece model: broken protobuf") }
        defer { bytes = bytes.dropFirst(count) }
        return bytes.prefix(count).reversed().reduce(0) { $0 << 8 | UInt64($1) }
    }
}
