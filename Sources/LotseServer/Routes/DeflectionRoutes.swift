import Foundation
import Hummingbird
import LotseSearch
import LotseTickets

/// `POST /api/v1/deflections` (an article solved the customer's problem) and
/// `POST /api/v1/articles/{id}/feedback` ("War dieser Artikel hilfreich?").
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

    struct Created: ResponseEncodable {
        var id: Int64
    }

    struct Acknowledged: ResponseEncodable {
        var ok = true
    }

    func register(on router: Router<LotseRequestContext>) {
        router.post("/api/v1/deflections") { request, context in
            let body = try await JSONBody.decode(DeflectionRequest.self, from: request, context: context, limit: maximumBodyBytes)
            var invalid = Self.lengthProblems([
                "session": (body.session, 128), "subject": (body.subject, 200), "description": (body.description, 20_000)
            ])
            let articleID = body.articleId?.trimmingCharacters(in: .whitespaces) ?? ""
            if articleID.isEmpty { invalid["articleId"] = "articleId is required" }
            invalid.merge(Self.controlCharacterProblems(["session": body.session, "articleId": body.articleId,
                                                         "subject": body.subject, "description": body.description])) { first, _ in first }
            guard invalid.isEmpty else { throw APIError.invalidFields(invalid) }
            guard let article = try await article(articleID) else { throw APIError.notFound }
            // A ticket-only topic (a hacked account, a refund) is never solved by reading: no deflection.
            guard !article.ticketOnly else {
                throw APIError.invalidFields(["articleId": "this topic needs a ticket: the article cannot count as solving it"])
            }
            let id = try await services.store.recordDeflection(DeflectionRecord(
                session: body.session, articleID: articleID, subject: body.subject, description: body.description, time: Date()))
            return EditedResponse(status: .created, response: Created(id: id))
        }
        router.post("/api/v1/articles/{id}/feedback") { request, context in
            let id = try context.parameters.require("id")
            guard try await article(id) != nil else { throw APIError.notFound }
            let body = try await JSONBody.decode(FeedbackRequest.self, from: request, context: context, limit: maximumBodyBytes)
            var invalid = Self.lengthProblems(["session": (body.session, 128)])
            invalid.merge(Self.controlCharacterProblems(["session": body.session])) { first, _ in first }
            if body.helpful == nil { invalid["helpful"] = "helpful (true or false) is required" }
            guard invalid.isEmpty, let helpful = body.helpful else { throw APIError.invalidFields(invalid) }
            try await services.store.recordFeedback(FeedbackRecord(articleID: id, helpful: helpful, session: body.session, time: Date()))
            return EditedResponse(status: .created, response: Acknowledged())
        }
    }

    private func article(_ id: String) async throws -> ArticleDetail? {
        guard id.count <= 200 else { return nil }
        return try await holder.engine.article(id: id)
    }

    /// Every text field holding a control character other than tab, CR or LF, by name.
    static func controlCharacterProblems(_ values: [String: String?]) -> [String: String] {
        values.compactMapValues {
            ControlCharacters.problem("", $0).map { _ in "must not contain control characters (only tab, CR and LF)" }
        }
    }

    static func lengthProblems(_ values: [String: (String?, Int)]) -> [String: String] {
        values.compactMapValues { value, limit in
            (value?.unicodeScalars.count ?? 0) > limit ? "must be at most \(limit) characters" : nil
        }
    }
}
