import Foundation
import MultipartKit
import NIOCore

/// A `multipart/form-data` body split into parts (vapor/multipart-kit's parser), with the name and file name
/// from each part's `Content-Disposition`.
struct MultipartForm {
    struct Part {
        var name: String
        var filename: String?
        var body: ByteBuffer
    }

    static let maximumParts = 100

    var parts: [Part]

    /// The boundary parameter of a `multipart/form-data` Content-Type, or nil.
    static func boundary(contentType: String) -> String? {
        let parameters = HeaderParameters(contentType)
        guard parameters.value.lowercased() == "multipart/form-data", let boundary = parameters["boundary"],
              !boundary.isEmpty, boundary.count <= 200 else { return nil }
        return boundary
    }

    init(body: ByteBuffer, boundary: String) throws {
        let parser = MultipartParser(boundary: boundary)
        final class Collector {
            var parts: [Part] = []
            var disposition = ""
            var body = ByteBuffer()
            var tooMany = false
        }
        let collector = Collector()
        parser.onHeader = { name, value in
            if name.lowercased() == "content-disposition" { collector.disposition = value }
        }
        parser.onBody = { chunk in collector.body.writeBuffer(&chunk) }
        parser.onPartComplete = {
            let parameters = HeaderParameters(collector.disposition)
            if collector.parts.count >= Self.maximumParts { collector.tooMany = true }
            if let name = parameters["name"], !collector.tooMany {
                collector.parts.append(Part(name: name, filename: parameters["filename"], body: collector.body))
            }
            collector.disposition = ""
            collector.body = ByteBuffer()
        }
        try parser.execute(body)
        guard !collector.tooMany else {
            throw APIError.body(.badRequest, code: .invalidMultipart, .invalidMultipart)
        }
        parts = collector.parts
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
