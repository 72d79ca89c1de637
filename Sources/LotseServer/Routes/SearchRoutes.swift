import Foundation
import Hummingbird
import LotseAnalysis
import LotseSearch

/// `GET /api/v1/search` and `POST /api/v1/suggest`.
struct SearchRoutes {
    let holder: IndexHolder
    let metrics: ServerMetrics
    let maximumBodyBytes: Int

    static let maximumQueryCharacters = 2_000
    static let maximumDraftCharacters = 20_000

    struct ResultsBody: ResponseEncodable {
        var query: String
        var results: [SearchResult]
        var tookMs: Double
    }

    struct SuggestRequest: Decodable {
        var subject: String?
        var description: String?
        var lang: String?
        var limit: Int?
        var session: String?
    }

    func register(on router: Router<LotseRequestContext>) {
        router.get("/api/v1/search") { request, _ in try await search(request) }
        router.post("/api/v1/suggest") { request, context in try await suggest(request, context: context) }
    }

    func search(_ request: Request) async throws -> ResultsBody {
        let parameters = FormQuery.parse(request.uri.query)
        guard let query = parameters["q"] else { throw APIError.badRequest(field: "q", "q is required") }
        guard query.count <= Self.maximumQueryCharacters else {
            throw APIError.badRequest(field: "q", "q must be at most \(Self.maximumQueryCharacters) characters")
        }
        let options = SearchOptions(
            limit: try Self.limit(parameters["limit"]) { .badRequest(field: "limit", $0) },
            language: try Self.language(parameters["lang"]) { .badRequest(field: "lang", $0) },
            category: parameters["category"])
        let started = ContinuousClock.now
        // A blank query within a category browses it (the portal's category list).
        if let category = options.category, query.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            let results = try await holder.engine.articles(inCategory: category, options: options)
            return ResultsBody(query: query, results: results, tookMs: Self.milliseconds(since: started))
        }
        let results = try await holder.engine.search(query, options: options)
        metrics.recordSuggestion(endpoint: "search", hit: !results.isEmpty)
        return ResultsBody(query: query, results: results, tookMs: Self.milliseconds(since: started))
    }

    func suggest(_ request: Request, context: LotseRequestContext) async throws -> ResultsBody {
        let body = try await JSONBody.decode(SuggestRequest.self, from: request, context: context, limit: maximumBodyBytes)
        var invalid: [String: String] = [:]
        let subject = body.subject ?? "", description = body.description ?? ""
        if subject.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty, description.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            invalid["subject"] = "subject or description must not be empty"
        }
        if subject.count > Self.maximumQueryCharacters { invalid["subject"] = "subject must be at most \(Self.maximumQueryCharacters) characters" }
        if description.count > Self.maximumDraftCharacters { invalid["description"] = "description must be at most \(Self.maximumDraftCharacters) characters" }
        if let session = body.session, session.count > 128 { invalid["session"] = "session must be at most 128 characters" }
        var limit = 5
        var language: Language?
        do {
            limit = try Self.limit(body.limit.map(String.init)) { APIError.invalidFields(["limit": $0]) }
        } catch let error as APIError {
            invalid.merge(error.fields ?? [:]) { first, _ in first }
        }
        do {
            language = try Self.language(body.lang) { APIError.invalidFields(["lang": $0]) }
        } catch let error as APIError {
            invalid.merge(error.fields ?? [:]) { first, _ in first }
        }
        guard invalid.isEmpty else { throw APIError.invalidFields(invalid) }
        let started = ContinuousClock.now
        let results = try await holder.engine.suggest(subject: subject, description: description,
                                                      options: SearchOptions(limit: limit, language: language))
        metrics.recordSuggestion(endpoint: "suggest", hit: !results.isEmpty)
        return ResultsBody(query: [subject, description].filter { !$0.isEmpty }.joined(separator: "\n"), results: results,
                           tookMs: Self.milliseconds(since: started))
    }

    static func limit(_ text: String?, error: (String) -> APIError) throws -> Int {
        guard let text else { return 5 }
        guard let value = Int(text), (1...SearchOptions.maximumLimit).contains(value) else {
            throw error("limit must be a whole number from 1 to \(SearchOptions.maximumLimit)")
        }
        return value
    }

    static func language(_ text: String?, error: (String) -> APIError) throws -> Language? {
        guard let text, !text.isEmpty else { return nil }
        guard let language = Language(rawValue: text.lowercased()) else {
            throw error("lang must be one of \(Language.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        return language
    }

    static func milliseconds(since start: ContinuousClock.Instant) -> Double {
        let elapsed = ContinuousClock.now - start
        return (Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15 * 1000).rounded() / 1000
    }
}

extension SearchResult: ResponseEncodable {}
