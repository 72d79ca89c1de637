import Foundation
import Hummingbird
import LotseIndex
import LotseSearch
import LotseTickets

/// The help center as server-rendered pages that work without script: `/hilfe` (search and categories; with
/// `?q=` the results), `/hilfe/{kategorie}`, each article at its address (`POST` records the helpfulness vote and
/// redirects back), `/sitemap.xml`, and a 404 page (in the browser's language) for any other address under `/hilfe`
/// (`NotFoundPage`).
struct HelpRoutes {
    let holder: IndexHolder
    let services: TicketServices
    let search: SearchRoutes
    let layout: PageLayout
    /// The sitemap's absolute URLs start with it.
    let siteBase: String
    let sitemaps = SitemapCache()

    static let maximumVoteBytes = 1_024

    func register(on router: Router<LotseRequestContext>) {
        router.get("/hilfe") { request, _ in try await startOrResults(request) }
        router.get("/hilfe/{kategorie}") { request, context in try await category(request, slug: context.parameters.require("kategorie")) }
        router.get("/hilfe/{kategorie}/{artikel}") { request, _ in try await article(request) }
        router.post("/hilfe/{kategorie}/{artikel}") { request, _ in try await vote(request) }
        router.get("/sitemap.xml") { request, _ in
            let engine = holder.engine
            let xml = try await sitemaps.xml(for: engine) { Sitemap.xml(base: siteBase, articles: try await engine.addresses()) }
            return PageResponse.make(xml, for: request, contentType: "application/xml; charset=utf-8")
        }
    }

    private func startOrResults(_ request: Request) async throws -> Response {
        let parameters = FormQuery.parse(request.uri.query)
        let language = try pageLanguage(request, parameters)
        let engine = holder.engine
        guard let query = parameters["q"], !query.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            return respond(ListPages.start(categories: engine.categories(language: language.language), language: language), request)
        }
        guard query.unicodeScalars.count <= SearchRoutes.maximumQueryCharacters else {
            throw APIError.badRequest(field: "q", .tooLong(maximum: SearchRoutes.maximumQueryCharacters))
        }
        if let problem = ControlCharacters.problem(query) { throw APIError.badRequest(field: "q", problem) }
        // A question asked once, as the API without a session asks it: it waits for its own embedding unless requests
        // queue for the slots. Such an answer is a keystroke's and may change: then no cache may keep the page.
        var options = SearchOptions(limit: 20, language: language.language)
        options.typing = search.gate.isCongested
        let results = try await search.bounded(.search, deadline: search.searchDeadline) { [options] in
            try await engine.search(query, options: options)
        }
        search.log("search", query: query, results: results, session: nil)
        var response = respond(ListPages.results(query: query, results: results, language: language), request)
        if options.typing { response.headers[.cacheControl] = "no-store" }
        return response
    }

    private func category(_ request: Request, slug: String) async throws -> Response {
        let engine = holder.engine
        let names = engine.categories.keys.filter { ListPages.categoryPath($0) == ArticleAddress.prefix + "/" + slug }.sorted()
        guard let name = names.first else { return notFound(request) }
        let language = try pageLanguage(request, FormQuery.parse(request.uri.query))
        var articles: [SearchResult] = []
        for name in names {
            articles += try await engine.articles(inCategory: name, options: SearchOptions(limit: SearchOptions.maximumLimit,
                                                                                          language: language.language))
        }
        return respond(ListPages.category(name, path: ListPages.categoryPath(name), articles: articles, language: language), request)
    }

    private func article(_ request: Request) async throws -> Response {
        guard let article = try await addressedArticle(request) else { return notFound(request) }
        let engine = holder.engine
        let related = try await search.bounded(.search, deadline: search.searchDeadline) { try await engine.related(to: article) }
        let vote = FormQuery.parse(request.uri.query)["danke"].flatMap { ["ja": true, "nein": false][$0] }
        let (page, main) = ArticlePage(article: article, related: related, vote: vote).rendered
        return PageResponse.make(layout.render(page, main: main), for: request)
    }

    /// The form's "Ja" or "Nein": recorded like `POST /api/v1/articles/{id}/feedback`, then 303 back to the page.
    private func vote(_ request: Request) async throws -> Response {
        guard !CrossSite.isCrossSite(request) else { throw CrossSite.refused }
        guard let article = try await addressedArticle(request) else { return notFound(request) }
        let bytes = try await JSONBody.collect(request, limit: Self.maximumVoteBytes)
        let answer = FormQuery.parse(String(buffer: bytes))["hilfreich"]
        guard let helpful = answer.flatMap({ ["ja": true, "nein": false][$0] }) else {
            throw APIError.badRequest(field: "hilfreich", .invalidChoice(["ja", "nein"]))
        }
        guard !article.ticketOnly else {
            throw APIError.invalidFields([InvalidField("hilfreich", .ticketOnly)])
        }
        try await services.store.recordFeedback(FeedbackRecord(articleID: article.id, helpful: helpful, session: nil, time: Date()))
        // The address comes from the index (a checked /hilfe path), never from the request: no open redirect.
        let location = (article.url ?? ArticleAddress.prefix) + (helpful ? "?danke=ja" : "?danke=nein") + "#bewertung"
        return Response(status: .seeOther, headers: [.location: location, .cacheControl: "no-store"])
    }

    /// The article whose address is the request's path, when both segments are slugs.
    private func addressedArticle(_ request: Request) async throws -> ArticleDetail? {
        let segments = request.uri.path.split(separator: "/")
        guard segments.count == 3, ArticleAddress.isSlug(segments[1]), ArticleAddress.isSlug(segments[2]) else { return nil }
        return try await holder.engine.article(url: ArticleAddress.prefix + "/" + segments[1] + "/" + segments[2])
    }

    private func pageLanguage(_ request: Request, _ parameters: [String: String]) throws -> PageLanguage {
        if let problem = ControlCharacters.problem(parameters["lang"]) { throw APIError.badRequest(field: "lang", problem) }
        return try PageLanguage.resolve(parameter: parameters["lang"], acceptLanguage: request.headers[.acceptLanguage])
    }

    /// A listing page, which follows the visitor's language.
    private func respond(_ rendered: (PageLayout.Page, Markup), _ request: Request) -> Response {
        PageResponse.make(layout.render(rendered.0, main: rendered.1), for: request, variesByLanguage: true)
    }

    private func notFound(_ request: Request) -> Response {
        NotFoundPage(layout: layout).response(for: request)
    }
}

/// The 404 page (in the browser's language) for addresses under `/hilfe` that no route takes (`/hilfe/a/b/c`): added after every
/// route, so it sees only the router's own 404 (like `MethodNotAllowed`, which must come after it: a wrong
/// method stays 405).
struct NotFoundPage: RouterMiddleware {
    typealias Context = LotseRequestContext
    let layout: PageLayout

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as HTTPError where error.status == .notFound {
            guard request.uri.path.split(separator: "/").first == "hilfe" else { throw error }
            return response(for: request)
        }
    }

    func response(for request: Request) -> Response {
        let language = MessageLanguage.negotiate(request.headers[.acceptLanguage])
        return PageResponse.make(layout.notFound(path: ArticleAddress.prefix, in: language), for: request, status: .notFound,
                                 variesByLanguage: true)
    }
}
