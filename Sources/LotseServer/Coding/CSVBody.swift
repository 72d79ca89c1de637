import Hummingbird

/// A table as a CSV download (`?format=csv`): RFC 4180 (every text cell quoted, quotes doubled, CRLF line ends), UTF-8,
/// `Content-Disposition: attachment`. A text cell starting with `=`, `+`, `-`, `@`, a tab, CR or LF (OWASP's list) gets
/// a leading `'`, so a spreadsheet never runs customer text as a formula.
struct CSVBody: ResponseGenerator {
    enum Cell {
        case text(String)
        case number(Int)
        case decimal(Double?)
    }

    var filename: String
    var header: [String]
    var rows: [[Cell]]

    func response(from request: Request, context: some RequestContext) throws -> Response {
        var text = ([header.map { Self.quoted($0) }] + rows.map { $0.map(Self.format) }).map { $0.joined(separator: ",") }
            .joined(separator: "\r\n")
        text += "\r\n"
        return Response(status: .ok, headers: [
            .contentType: "text/csv; charset=utf-8",
            .contentDisposition: "attachment; filename=\"\(filename)\"",
            .cacheControl: "private, no-store",
        ], body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    static func format(_ cell: Cell) -> String {
        switch cell {
        case .text(let value): quoted(value)
        case .number(let value): String(value)
        case .decimal(let value): value.map { String($0) } ?? ""
        }
    }

    static func quoted(_ value: String) -> String {
        let safe = value.unicodeScalars.first.map { "=+-@\t\r\n".unicodeScalars.contains($0) } == true ? "'" + value : value
        return "\"" + safe.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
