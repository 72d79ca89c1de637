import HTTPTypes
import Hummingbird

/// Forms another website made a browser send: `Sec-Fetch-Site: cross-site`, which browsers set themselves and pages
/// cannot forge. Such a post to the admin sign-in would spend the operator's failure budget (and lock the office's
/// address out), one to a help page's vote would vote for its visitors, a ticket would be filed from every visitor's
/// address past the rate limit; all are refused before they count (tickets unless the origin is a configured
/// `--cors-origin`, whose portal posts them). Requests without the header (other clients, old browsers) are judged as
/// before.
enum CrossSite {
    static func isCrossSite(_ request: Request) -> Bool {
        request.headers[HTTPField.Name("Sec-Fetch-Site")!]?.lowercased() == "cross-site"
    }

    /// Cross-site, and not from one of `origins`.
    static func isForeign(_ request: Request, allowing origins: Set<String>) -> Bool {
        isCrossSite(request) && !(request.headers[.origin].map(origins.contains) ?? false)
    }

    static var refused: APIError { APIError(.forbidden, code: .crossSite) }
}
