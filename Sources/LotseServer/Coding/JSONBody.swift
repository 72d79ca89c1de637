import Foundation
import Hummingbird
import LotseTickets
import NIOCore

/// Reads a bounded JSON request body: 415 for another content type, 413 past the limit, 400 for broken JSON or a
/// key that occurs twice in one object (`JSONDuplicateKeys`), 422 naming the field whose value has the wrong type.
enum JSONBody {
    static func decode<T: Decodable>(_ type: T.Type, from request: Request, context: LotseRequestContext, limit: Int) async throws -> T {
        let contentType = request.headers[.contentType]?.lowercased() ?? ""
        guard contentType.hasPrefix("application/json") else { throw unsupportedMediaType(accepted: ["application/json"]) }
        let bytes = Array(buffer: try await collect(request, limit: limit))
        do {
            let value = try JSONDecoder().decode(T.self, from: Data(bytes))
            if let path = JSONDuplicateKeys.first(in: bytes) {
                let field = fieldName(path)
                throw APIError(.badRequest, code: .invalidJSON, invalid: [InvalidField(field.isEmpty ? "body" : field, .duplicate)])
            }
            return value
        } catch let error as APIError {
            throw error
        } catch let DecodingError.typeMismatch(type, context), let DecodingError.valueNotFound(type, context) {
            let field = fieldName(context.codingPath.map(\.stringValue))
            guard !field.isEmpty else { throw APIError.body(.badRequest, code: .invalidJSON, .invalidJSON) }
            throw APIError.invalidFields([InvalidField(field, .wrongType(expected: jsonType(type)))])
        } catch {
            throw APIError.body(.badRequest, code: .invalidJSON, .invalidJSON)
        }
    }

    /// The path to a wrongly typed value or a repeated key, as far as it is made of names a field can have (letters, digits, `_`, at most
    /// 64, as `--ticket-fields` names are): a key the client made up (`customFields`' keys) is never echoed, so an
    /// error names no right-to-left override, newline or 60 KB key of the request, only the field above it.
    static func fieldName(_ path: [String]) -> String {
        path.prefix(while: isFieldName).joined(separator: ".")
    }

    static func isFieldName(_ name: String) -> Bool {
        (1...64).contains(name.utf8.count) && name.utf8.allSatisfy { byte in
            byte == UInt8(ascii: "_") || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
                || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) || (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte)
        }
    }

    /// 415 naming the header and the types this endpoint takes.
    static func unsupportedMediaType(accepted: [String]) -> APIError {
        APIError(.unsupportedMediaType, code: .unsupportedMediaType,
                 invalid: [InvalidField("Content-Type", .unsupportedMediaType(accepted: accepted))])
    }

    /// The JSON name of the Swift type a decoder expected (`wrong_type`'s `expected`).
    static func jsonType(_ type: Any.Type) -> String {
        if type == String.self { return "string" }
        if type == Bool.self { return "boolean" }
        if type == Int.self { return "integer" }
        return String(describing: type).hasPrefix("Array") ? "array" : "object"
    }

    /// The whole body, or 413 past `limit` bytes.
    static func collect(_ request: Request, limit: Int) async throws -> ByteBuffer {
        var request = request
        do {
            return try await request.collectBody(upTo: limit)
        } catch is NIOTooManyBytesError {
            throw APIError.body(.contentTooLarge, code: .bodyTooLarge, .tooLarge(maximumBytes: limit))
        }
    }
}

/// Any JSON number (`5`, `5.5`, `1e20`), for a whole-number field that must name itself when the number does not fit:
/// Foundation's decoder reports 5.5 or 1e20 for an `Int` as broken JSON without the field. Anything else is still
/// `wrong_type` with `integer` expected.
struct JSONNumber: Decodable {
    var value: Double

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        do {
            value = try container.decode(Double.self)
        } catch DecodingError.typeMismatch(_, let context) {
            throw DecodingError.typeMismatch(Int.self, context)
        }
    }
}
