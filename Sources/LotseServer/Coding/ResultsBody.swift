import Hummingbird
import LotseSearch

/// `{"query","results":[{"id","title","url","category","snippet","score","ticketOnly"}],"tookMs"}`, written by
/// hand: search answers are the hottest response, and Foundation's JSONEncoder was a hot spot of each one.
struct ResultsBody: ResponseGenerator {
    var query: String
    var results: [SearchResult]
    var tookMs: Double

    func response(from request: Request, context: some RequestContext) throws -> Response {
        var json = JSONWriter()
        json.raw("{\"query\":")
        json.string(query)
        json.raw(",\"results\":[")
        for (index, result) in results.enumerated() {
            if index > 0 { json.raw(",") }
            json.raw("{\"id\":")
            json.string(result.id)
            json.raw(",\"title\":")
            json.string(result.title)
            if let url = result.url {
                json.raw(",\"url\":")
                json.string(url)
            }
            json.raw(",\"category\":")
            json.string(result.category)
            json.raw(",\"snippet\":")
            json.string(result.snippet)
            json.raw(",\"score\":")
            json.number(result.score)
            json.raw(result.ticketOnly ? ",\"ticketOnly\":true}" : ",\"ticketOnly\":false}")
        }
        json.raw("],\"tookMs\":")
        json.number(tookMs)
        json.raw("}")
        return Response(status: .ok, headers: [.contentType: "application/json; charset=utf-8"],
                        body: .init(byteBuffer: json.buffer))
    }
}

/// Just enough JSON for the response above: RFC 8259 string escaping and finite numbers.
struct JSONWriter {
    /// Written straight into the response body's buffer.
    private(set) var buffer = ByteBufferAllocator().buffer(capacity: 2_048)

    mutating func raw(_ text: StaticString) {
        buffer.writeStaticString(text)
    }

    mutating func string(_ text: String) {
        buffer.writeInteger(UInt8(ascii: "\""))
        var text = text
        text.withUTF8 { utf8 in
            // Runs of bytes that need no escaping (almost all of them) are copied at once.
            var runStart = 0
            for (index, byte) in utf8.enumerated() where byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") {
                buffer.writeBytes(UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: utf8[runStart..<index])))
                escape(byte)
                runStart = index + 1
            }
            buffer.writeBytes(UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: utf8[runStart...])))
        }
        buffer.writeInteger(UInt8(ascii: "\""))
    }

    private mutating func escape(_ byte: UInt8) {
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"): buffer.writeBytes([UInt8(ascii: "\\"), byte])
        case 0x0A: buffer.writeBytes([UInt8(ascii: "\\"), UInt8(ascii: "n")])
        case 0x0D: buffer.writeBytes([UInt8(ascii: "\\"), UInt8(ascii: "r")])
        case 0x09: buffer.writeBytes([UInt8(ascii: "\\"), UInt8(ascii: "t")])
        default:
            let hex = Array("0123456789abcdef".utf8)
            buffer.writeBytes([
                UInt8(ascii: "\\"), UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"), hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]
            ])
        }
    }

    /// Finite values only (scores and durations); anything else is written as 0 rather than invalid JSON.
    mutating func number(_ value: Double) {
        buffer.writeString(value.isFinite ? "\(value)" : "0")
    }
}
