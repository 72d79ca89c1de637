import Foundation
import Hummingbird
import LotseSearch
import LotseTickets

/// `POST /api/v1/deflections` (an article solved the customer's problem),
/// `POST /api/v1/articles/{id}/feedback` ("War dieser Artikel hilfreich?") and
/// `POST /api/v1/articles/{id}/views` (the portal opened a result or suggestion: the funnel's "opened" stage).
struct DeflectionRoutes {
    let services: TicketServices
    let holder: IndexHolder
    let maximumBodyBytes: Int

    struct DeflectionRequest: Decodable {
        var session: String?
        var articleId: String?
        var subject: String?
        var description: String?
    }

    struct FeedbackRequest: Decodable {
        var helpful: Bool?
        var session: String?
    }

    struct ViewRequest: Decodable {
        var session: String?
    }

    struct Created: ResponseEncodable {
        var id: Int64
    }

    struct Acknowledged: ResponseEncodable {
        var ok = true
    }

    func register(on router: Router<LotseRequestContext>) {
        router.post("/api/v1/deflections") { request, context in
            let body = try await JSONBody.decode(DeflectionRequest.self, from: request, context: context, limit: maximumBodyBytes)
            let articleID = body.articleId?.trimmingCharacters(in: .whitespaces) ?? ""
            var invalid = articleID.isEmpty ? [InvalidField("articleId", .required)] : []
            // An id too long to exist is simply unknown, as on the article endpoint.
            invalid += Self.textProblems([("articleId", body.articleId, .max), ("session", body.session, 128),
                                          ("subject", body.subject, 200), ("description", body.description, 20_000)])
            guard invalid.isEmpty else { throw APIError.invalidFields(invalid) }
            // The address exists; what is wrong is a field of the body.
            guard let article = try await article(articleID) else {
                throw APIError.invalidFields([InvalidField("articleId", .unknownArticle)])
            }
            // A ticket-only topic (a hacked account, a refund) is never solved by reading: no deflection.
            guard !article.ticketOnly else {
                throw APIError.invalidFields([InvalidField("articleId", .ticketOnly)])
            }
            let id = try await services.store.recordDeflection(DeflectionRecord(
                session: body.session, articleID: articleID, subject: body.subject, description: body.description, time: Date()))
            return EditedResponse(status: .created, response: Created(id: id))
        }
        router.post("/api/v1/articles/{id}/feedback") { request, context in
            let id = try context.parameters.require("id")
            guard try await article(id) != nil else { throw APIError.notFound }
            let body = try await JSONBody.decode(FeedbackRequest.self, from: request, context: context, limit: maximumBodyBytes)
            var invalid = Self.textProblems([("session", body.session, 128)])
            if body.helpful == nil { invalid.append(InvalidField("helpful", .required)) }
            guard invalid.isEmpty, let helpful = body.helpful else { throw APIError.invalidFields(invalid) }
            try await services.store.recordFeedback(FeedbackRecord(articleID: id, helpful: helpful, session: body.session, time: Date()))
            return EditedResponse(status: .created, response: Acknowledged())
        }
        router.post("/api/v1/articles/{id}/views") { request, context in
            let id = try context.parameters.require("id")
            guard try await article(id) != nil else { throw APIError.notFound }
            let body = try await JSONBody.decode(ViewRequest.self, from: request, context: context, limit: maximumBodyBytes)
            // Without a session an open counts for nobody: the funnel counts sessions.
            var invalid = Self.textProblems([("session", body.session, 128)])
            if (body.session ?? "").isEmpty { invalid.append(InvalidField("session", .required)) }
            guard invalid.isEmpty, let session = body.session else { throw APIError.invalidFields(invalid) }
            try await services.store.recordArticleView(ArticleView(session: session, articleID: id, time: Date()))
            return EditedResponse(status: .created, response: Acknowledged())
        }
    }

    private func article(_ id: String) async throws -> ArticleDetail? {
        guard id.count <= 200 else { return nil }
        return try await holder.engine.article(id: id)
    }

    /// Every text field that is too long or holds a control character other than tab, CR or LF.
    static func textProblems(_ values: [(field: String, value: String?, maximum: Int)]) -> [InvalidField] {
        values.compactMap { field, value, maximum in
            if (value?.unicodeScalars.count ?? 0) > maximum { return InvalidField(field, .tooLong(maximum: maximum)) }
            return ControlCharacters.problem(value).map { InvalidField(field, $0) }
        }
    }
}
