import CByteSearch
import Foundation
import NIOCore

/// A `multipart/form-data` body (RFC 7578) split into parts, with the name and file name from each part's
/// `Content-Disposition`. Our own splitter, not vapor/multipart-kit's parser: that one walks the body byte by byte and
/// allocates a buffer for every CR that does not start a boundary, so a body of CRs cost seconds of CPU per megabyte.
/// Here each delimiter is found with `memmem` and each part's content is a slice of the body, so the work is linear
/// with a small constant whatever the bytes are; it stops at the first part over the limit.
struct MultipartForm {
    struct Part {
        var name: String
        var filename: String?
        var body: ByteBuffer
    }

    static let maximumParts = 100
    /// A part's header block (browsers send two short lines).
    static let maximumHeaderBytes = 8 * 1_024

    var parts: [Part] = []

    /// The boundary parameter of a `multipart/form-data` Content-Type, or nil.
    static func boundary(contentType: String) -> String? {
        let parameters = HeaderParameters(contentType)
        guard parameters.value.lowercased() == "multipart/form-data", let boundary = parameters["boundary"],
              !boundary.isEmpty, boundary.count <= 200 else { return nil }
        return boundary
    }

    /// Parts after the first delimiter; the preamble and whatever follows the closing delimiter are ignored. No
    /// delimiter, a part without one after it (a cut-off body), a header line without a colon, a header block over
    /// 8 KiB or more than 100 parts: 400, never a form with something silently missing.
    init(body: ByteBuffer, boundary: String) throws {
        let dashBoundary = Array("--\(boundary)".utf8)
        let delimiter = Array("\r\n".utf8) + dashBoundary
        let malformed = APIError.body(.badRequest, code: .invalidMultipart, .invalidMultipart)
        let spans: [(headers: String, body: Range<Int>)]? = body.withUnsafeReadableBytes { bytes in
            var spans: [(headers: String, body: Range<Int>)] = []
            guard var position = bytes.starts(with: dashBoundary) ? dashBoundary.count
                : Self.find(delimiter, in: bytes, from: 0).map({ $0 + delimiter.count }) else { return nil }
            while !bytes[position...].starts(with: Array("--".utf8)) {
                while position < bytes.count, bytes[position] == UInt8(ascii: " ") || bytes[position] == UInt8(ascii: "\t") {
                    position += 1
                }
                guard bytes[position...].starts(with: Array("\r\n".utf8)) else { return nil }
                position += 2
                let headerEnd: Int
                if bytes[position...].starts(with: Array("\r\n".utf8)) {
                    headerEnd = position
                } else {
                    let window = min(bytes.count, position + Self.maximumHeaderBytes + 4)
                    guard let end = Self.find(Array("\r\n\r\n".utf8), in: UnsafeRawBufferPointer(rebasing: bytes[..<window]),
                                              from: position) else { return nil }
                    headerEnd = end + 2
                }
                let contentStart = headerEnd + 2
                guard let contentEnd = Self.find(delimiter, in: bytes, from: contentStart) else { return nil }
                guard spans.count < Self.maximumParts else { return nil }
                let headers = String(decoding: UnsafeRawBufferPointer(rebasing: bytes[position..<headerEnd]), as: UTF8.self)
                spans.append((headers, contentStart..<contentEnd))
                position = contentEnd + delimiter.count
            }
            return spans
        }
        guard let spans else { throw malformed }
        for span in spans {
            var disposition: String?
            for line in span.headers.components(separatedBy: "\r\n") where !line.isEmpty {
                let pair = line.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
                guard pair.count == 2 else { throw malformed }
                if pair[0].trimmingCharacters(in: .whitespaces).lowercased() == "content-disposition" { disposition = String(pair[1]) }
            }
            let parameters = HeaderParameters(disposition ?? "")
            guard let name = parameters["name"] else { continue }
            parts.append(Part(name: name, filename: parameters["filename"],
                              body: body.getSlice(at: body.readerIndex + span.body.lowerBound, length: span.body.count)!))
        }
    }

    /// Where `needle` first starts in `bytes` at or after `start`.
    private static func find(_ needle: [UInt8], in bytes: UnsafeRawBufferPointer, from start: Int) -> Int? {
        guard start <= bytes.count, let base = bytes.baseAddress else { return nil }
        let found = needle.withUnsafeBytes { lotse_find_bytes(base + start, bytes.count - start, $0.baseAddress, $0.count) }
        return found < 0 ? nil : start + found
    }
}

/// `value; key=value; key="quoted value"` as in Content-Type and Content-Disposition.
struct HeaderParameters {
    var value: String
    private var parameters: [String: String] = [:]

    init(_ header: String) {
        var pieces: [String] = []
        var current = "", quoted = false, escaped = false
        for character in header {
            if escaped {
                current.append(character)
                escaped = false
            } else if character == "\\" && quoted {
                escaped = true
            } else if character == "\"" {
                quoted.toggle()
            } else if character == ";" && !quoted {
                pieces.append(current)
                current = ""
            } else {
                current.append(character)
            }
        }
        pieces.append(current)
        value = pieces.first?.trimmingCharacters(in: .whitespaces) ?? ""
        for piece in pieces.dropFirst() {
            let pair = piece.split(separator: "=", maxSplits: 1)
            guard pair.count == 2 else { continue }
            let key = pair[0].trimmingCharacters(in: .whitespaces).lowercased()
            if parameters[key] == nil { parameters[key] = String(pair[1]).trimmingCharacters(in: .whitespaces) }
        }
    }

    subscript(key: String) -> String? { parameters[key] }
}
