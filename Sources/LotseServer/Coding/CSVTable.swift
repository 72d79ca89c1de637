import HTTPTypes
import Hummingbird

/// A table as a CSV download (RFC 4180): every value quoted, quotes doubled, CRLF line ends. A value that a
/// spreadsheet would run as a formula (starting with `=`, `+`, `-`, `@`, a tab or a carriage return) gets a leading
/// `'`, so customer text in an export never becomes a formula.
struct CSVTable {
    var header: [String]
    var rows: [[String]]

    var text: String {
        ([header] + rows).map { $0.map(Self.cell).joined(separator: ",") + "\r\n" }.joined()
    }

    static func cell(_ value: String) -> String {
        let safe = value.first.map { "=+-@\t\r".contains($0) } == true ? "'" + value : value
        return "\"" + safe.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// `filename` is ours (ASCII, no quotes), never the customer's.
    func response(filename: String) -> Response {
        let headers: HTTPFields = [
            .contentType: "text/csv; charset=utf-8",
            .contentDisposition: "attachment; filename=\"\(filename)\"",
            .cacheControl: "private, no-store",
        ]
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(string: text)))
    }
}
