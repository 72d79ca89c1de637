import Hummingbird
import LotseAnalysis
import LotseIndex

/// Failures of what a browser opened or posted by itself — a help-center page, the portal's ticket form sent without
/// script — answered as pages in the visitor's language instead of JSON: the same status, headers (`Retry-After`) and
/// messages. API clients, and anyone whose `Accept` does not put HTML first, keep the JSON error.
struct ErrorPages: Sendable {
    let layout: PageLayout

    /// A browser's own navigation or form submission asks for HTML first; the portal's script and API clients ask
    /// for JSON (or anything).
    static func wantsPage(_ request: Request) -> Bool {
        guard let accept = request.headers[.accept]?.lowercased() else { return false }
        return accept.split(separator: ",").first?.trimmingCharacters(in: .whitespaces).hasPrefix("text/html") == true
    }

    /// The portal's ticket form posted without script.
    static func isTicketForm(_ request: Request) -> Bool {
        request.method == .post && request.uri.path.split(separator: "/") == ["api", "v1", "tickets"] && wantsPage(request)
    }

    /// Whether `request`'s failure is a page: a page address (`/`, `/hilfe…`, `/anfrage…`) asked for as HTML, or the
    /// ticket form's post.
    static func answer(_ request: Request) -> Bool {
        guard wantsPage(request) else { return false }
        let segments = request.uri.path.split(separator: "/")
        return isTicketForm(request) || segments.isEmpty || ["hilfe", "anfrage"].contains(segments[0])
    }

    func response(_ error: APIError, for request: Request) -> Response {
        let language = MessageLanguage.negotiate(request.headers[.acceptLanguage])
        let html = Self.isTicketForm(request) ? TicketPages(layout: layout).problems(error, in: language) : page(error, in: language)
        var response = PageResponse.make(html, for: request, status: error.status, variesByLanguage: true)
        for field in error.headers { response.headers[field.name] = field.value }
        response.headers[.contentLanguage] = language.rawValue
        return response
    }

    /// The error's message as the heading, each field's problem below it, and the way back to the help center.
    func page(_ error: APIError, in language: Language) -> String {
        let body = error.body(in: language).error
        let page = PageLayout.Page(title: body.message, lang: language.rawValue, texts: language, canonical: ArticleAddress.prefix,
                                   indexable: false)
        // One problem whose words are the heading's is said once.
        let list = body.details?.map(\.message) == [body.message] ? "" : Self.problems(body)
        return layout.render(page, main: """
            <h1 id="fehler">\(body.message)</h1>
            \(list)
            <p class="ask"><a href="/hilfe">\(PageText.toStart[language])</a> <a href="/#anfrage">\(PageText.ask[language])</a></p>
            """)
    }

    /// Each field's problem as a list item (nothing when the error names no field).
    static func problems(_ body: APIError.Body.Content) -> Markup {
        let items = (body.details ?? []).map { detail -> Markup in "<li>\(detail.message)</li>" }
        return items.isEmpty ? "" : "<ul class=\"problems\">\(items)</ul>"
    }
}
