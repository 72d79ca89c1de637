import Foundation
import LotseSearch

/// HTML built by string interpolation: every interpolated `String` is escaped, only `Markup` stays markup. A
/// literal in the code is markup; text from articles, queries or the configuration can only enter as text.
struct Markup: ExpressibleByStringInterpolation, Sendable {
    private(set) var html: String

    init(stringLiteral literal: String) { html = literal }
    init(stringInterpolation: Interpolation) { html = stringInterpolation.html }
    private init(html: String) { self.html = html }

    /// HTML that is already safe: an article body sanitised by `lotse index`, a snippet the engine escaped.
    static func trusted(_ html: String) -> Markup { Markup(html: html) }

    static func joined(_ parts: [Markup]) -> Markup { Markup(html: parts.map(\.html).joined()) }

    struct Interpolation: StringInterpolationProtocol {
        var html = ""

        init(literalCapacity: Int, interpolationCount: Int) { html.reserveCapacity(literalCapacity + 32 * interpolationCount) }
        mutating func appendLiteral(_ literal: String) { html += literal }
        mutating func appendInterpolation(_ text: String) { html += HTML.escape(text) }
        mutating func appendInterpolation(_ number: Int) { html += String(number) }
        mutating func appendInterpolation(_ markup: Markup) { html += markup.html }
        mutating func appendInterpolation(_ parts: [Markup]) { for part in parts { html += part.html } }
    }
}

extension Markup {
    /// `path?name=value&…` (`&…` when `path` has a query already) with each value percent-encoded; nil values
    /// are left out. The result is text: interpolating it escapes the `&`.
    static func link(_ path: String, _ parameters: [(String, String?)]) -> String {
        let query = parameters.compactMap { name, value in value.map { "\(name)=\(percentEncoded($0))" } }.joined(separator: "&")
        return query.isEmpty ? path : path + (path.contains("?") ? "&" : "?") + query
    }

    /// Only unreserved characters stay as they are, so the value can hold `&`, `=`, `#` or `+`.
    static func percentEncoded(_ value: String) -> String {
        var allowed = CharacterSet.alphanumerics.intersection(CharacterSet(charactersIn: Unicode.Scalar(0)...Unicode.Scalar(127)))
        allowed.insert(charactersIn: "-._~")
        return value.addingPercentEncoding(withAllowedCharacters: allowed) ?? ""
    }
}
