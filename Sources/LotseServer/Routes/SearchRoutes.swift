import Foundation
import Hummingbird
import LotseAnalysis
import LotseSearch
import LotseTickets

/// `GET /api/v1/search` and `POST /api/v1/suggest`.
struct SearchRoutes {
    let holder: IndexHolder
    let metrics: ServerMetrics
    let maximumBodyBytes: Int
    let queryLog: QueryLogWriter
    let gate: ComputeGate
    let searchDeadline: Duration
    let suggestDeadline: Duration

    static let maximumQueryCharacters = 2_000
    static let maximumDraftCharacters = 20_000

    struct SuggestRequest: Decodable {
        var subject: String?
        var description: String?
        var lang: String?
        var limit: JSONNumber?
        var session: String?
    }

    func register(on router: Router<LotseRequestContext>) {
        router.get("/api/v1/search") { request, _ in try await search(request) }
        router.post("/api/v1/suggest") { request, context in try await suggest(request, context: context) }
    }

    func search(_ request: Request) async throws -> ResultsBody {
        let parameters = FormQuery.parse(request.uri.query)
        guard let query = parameters["q"] else { throw APIError.badRequest(field: "q", .required) }
        guard query.unicodeScalars.count <= Self.maximumQueryCharacters else {
            throw APIError.badRequest(field: "q", .tooLong(maximum: Self.maximumQueryCharacters))
        }
        // Like the other query parameters' problems: 400 naming the parameter.
        for name in ["q", "session", "category", "lang"] {
            if let problem = ControlCharacters.problem(parameters[name]) { throw APIError.badRequest(field: name, problem) }
        }
        let options = SearchOptions(
            limit: try Self.parameter("limit") { () throws(FieldProblem) in try Self.limit(parameters["limit"]) },
            language: try Self.parameter("lang") { () throws(FieldProblem) in try Self.language(parameters["lang"]) },
            category: parameters["category"])
        let session = try Self.parameter("session") { () throws(FieldProblem) in try Self.session(parameters["session"]) }
        let started = ContinuousClock.now
        // A blank query within a category browses it (the portal's category list).
        if let category = options.category, query.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            let results = try await holder.engine.articles(inCategory: category, options: options)
            return ResultsBody(query: query, results: results, tookMs: Self.milliseconds(since: started))
        }
        let engine = holder.engine
        let results = try await bounded(.search, deadline: searchDeadline) { [gate] in
            // The portal names a session and asks keystroke by keystroke; a caller without one asks a question once
            // and waits for its own embedding, unless requests queue for the slots: then it is answered like a
            // keystroke and the encoder runs off the request path, so a flood of questions keeps its throughput.
            var asked = options
            asked.typing = session != nil || gate.isCongested
            return try await engine.search(query, options: asked)
        }
        metrics.recordSuggestion(endpoint: .search, hit: !results.isEmpty)
        log("search", query: query, results: results, session: session)
        return ResultsBody(query: query, results: results, tookMs: Self.milliseconds(since: started))
    }

    func suggest(_ request: Request, context: LotseRequestContext) async throws -> ResultsBody {
        let body = try await JSONBody.decode(SuggestRequest.self, from: request, context: context, limit: maximumBodyBytes)
        var invalid: [InvalidField] = []
        let subject = body.subject ?? "", description = body.description ?? ""
        if subject.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty,
            description.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
        {
            invalid.append(InvalidField("subject", .requiredEither(other: "description")))
        }
        let lengths = [("subject", body.subject, Self.maximumQueryCharacters),
                       ("description", body.description, Self.maximumDraftCharacters),
                       ("session", body.session, Self.maximumSessionCharacters)]
        for (name, value, maximum) in lengths where (value?.unicodeScalars.count ?? 0) > maximum {
            invalid.append(InvalidField(name, .tooLong(maximum: maximum)))
        }
        let texts = [("subject", body.subject), ("description", body.description), ("session", body.session), ("lang", body.lang)]
        for (name, value) in texts {
            if let problem = ControlCharacters.problem(value) { invalid.append(InvalidField(name, problem)) }
        }
        var limit = 5
        var language: Language?
        // A fraction or a number past Int is out of range like 0 or 51 (as a bare Int it was "invalid JSON").
        do {
            limit = try Self.limit(body.limit.map { Int(exactly: $0.value).map(String.init) ?? "" })
        } catch {
            invalid.append(InvalidField("limit", error))
        }
        do { language = try Self.language(body.lang) } catch { invalid.append(InvalidField("lang", error)) }
        guard invalid.isEmpty else { throw APIError.invalidFields(invalid) }
        let started = ContinuousClock.now
        let engine = holder.engine, options = SearchOptions(limit: limit, language: language)
        let results = try await bounded(.draft, deadline: suggestDeadline) {
            try await engine.suggest(subject: subject, description: description, options: options)
        }
        metrics.recordSuggestion(endpoint: .suggest, hit: !results.isEmpty)
        let query = [subject, description].filter { !$0.isEmpty }.joined(separator: "\n")
        log("suggest", query: query, results: results, session: body.session)
        return ResultsBody(query: query, results: results, tookMs: Self.milliseconds(since: started))
    }

    /// The engine's work within a compute slot and the deadline; both failures are 503 with `Retry-After`,
    /// so a flood of expensive requests costs its senders, not everyone else.
    func bounded(_ kind: ComputeGate.Kind, deadline: Duration,
                 _ work: @escaping @Sendable () async throws -> [SearchResult]) async throws -> [SearchResult] {
        do {
            return try await Deadline.run(deadline) { [gate] in try await gate.run(kind, work) }
        } catch is ComputeGate.Busy {
            throw Self.unavailable(.busy)
        } catch is Deadline.Exceeded {
            throw Self.unavailable(.deadlineExceeded)
        }
    }

    static func unavailable(_ code: APIError.Code) -> APIError {
        var error = APIError(.serviceUnavailable, code: code)
        error.headers[.retryAfter] = "1"
        return error
    }

    /// Queues the query (truncated, no client address) and the articles shown to the session; no disk write here.
    func log(_ endpoint: String, query: String, results: [SearchResult], session: String?) {
        queryLog.record(QueryLogEntry(endpoint: endpoint, query: query, resultCount: results.count,
                                      session: session.flatMap { $0.isEmpty ? nil : $0 }, articleIDs: results.map(\.id), time: Date()))
    }

    static let maximumSessionCharacters = 128

    static func session(_ text: String?) throws(FieldProblem) -> String? {
        guard let text, !text.isEmpty else { return nil }
        guard text.unicodeScalars.count <= maximumSessionCharacters else { throw .tooLong(maximum: maximumSessionCharacters) }
        return text
    }

    static func limit(_ text: String?) throws(FieldProblem) -> Int {
        guard let text else { return 5 }
        guard let value = Int(text), (1...SearchOptions.maximumLimit).contains(value) else {
            throw .outOfRange(1...SearchOptions.maximumLimit)
        }
        return value
    }

    static func language(_ text: String?) throws(FieldProblem) -> Language? {
        guard let text, !text.isEmpty else { return nil }
        guard let language = Language(rawValue: text.lowercased()) else { throw .invalidChoice(Language.allCases.map(\.rawValue)) }
        return language
    }

    /// A query parameter's value, or 400 naming it.
    static func parameter<T>(_ name: String, _ read: () throws(FieldProblem) -> T) throws(APIError) -> T {
        do { return try read() } catch { throw APIError.badRequest(field: name, error) }
    }

    static func milliseconds(since start: ContinuousClock.Instant) -> Double {
        // Whole microseconds, then milliseconds with three decimals.
        ((ContinuousClock.now - start) / .microseconds(1)).rounded() / 1000
    }
}

extension SearchResult: ResponseEncodable {}
