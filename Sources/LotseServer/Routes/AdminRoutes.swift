import Foundation
import HTTPTypes
import Hummingbird
import LotseIndex
import LotseTickets

/// The helpdesk's API under `/api/v1/admin` (behind `AdminAuthMiddleware`): the queue, a ticket with its activity,
/// status changes (by the signed-in operator, or "API"), deletion of a requester's data, statistics, what an article learned.
struct AdminRoutes {
    let services: TicketServices
    let holder: IndexHolder
    let maximumBodyBytes: Int

    static let pageSize = 50

    struct Queue: ResponseEncodable {
        var tickets: [TicketDocument]
        var page: Int
        var pageSize: Int
        var total: Int
    }

    struct StatusChange: Decodable {
        var status: String?
    }

    struct Deleted: ResponseEncodable {
        var deleted: Int
    }

    func register(on group: RouterGroup<LotseRequestContext>) {
        let gaps = GapRoutes(services: services, holder: holder)
        gaps.register(on: group)
        group.get("/tickets") { request, context in
            let parameters = FormQuery.parse(request.uri.query)
            let format = try AnalyticsRoutes.choice(parameters["format"], field: "format", default: AnalyticsRoutes.Format.json)
            var status: TicketStatus?
            if let text = parameters["status"], !text.isEmpty {
                guard let parsed = TicketStatus(rawValue: text) else {
                    throw APIError.badRequest(field: "status", .invalidChoice(Self.statusNames))
                }
                status = parsed
            }
            let page = try parameters["page"].map { text in
                guard let page = Int(text), (1...1_000_000).contains(page) else {
                    throw APIError.badRequest(field: "page", .outOfRange(1...1_000_000))
                }
                return page
            } ?? 1
            let result = try await services.store.tickets(status: status, page: page, pageSize: Self.pageSize)
            let tickets = result.tickets.map(TicketDocument.init)
            guard format == .json else { return try Self.csv(tickets, page: page).response(from: request, context: context) }
            let queue = Queue(tickets: tickets, page: page, pageSize: Self.pageSize, total: result.total)
            return try queue.response(from: request, context: context)
        }
        group.get("/tickets/{id}") { _, context in
            guard let number = TicketNumber.parse(try context.parameters.require("id")),
                  let ticket = try await services.store.ticket(number: number) else { throw APIError.notFound }
            return try await TicketDetail(ticket, changes: services.store.statusChanges(number: number), engine: holder.engine)
        }
        group.patch("/tickets/{id}") { request, context in
            let id = try context.parameters.require("id")
            guard let number = TicketNumber.parse(id) else { throw APIError.notFound }
            let body = try await JSONBody.decode(StatusChange.self, from: request, context: context, limit: maximumBodyBytes)
            guard let status = body.status.flatMap(TicketStatus.init(rawValue:)) else {
                throw APIError.invalidFields([InvalidField("status", body.status == nil ? .required : .invalidChoice(Self.statusNames))])
            }
            guard let ticket = try await services.store.updateStatus(number: number, to: status, by: context.adminActor, at: Date()) else {
                throw APIError.notFound
            }
            return TicketDocument(ticket)
        }
        group.get("/tickets/{id}/attachments/{number}") { _, context in
            try await attachment(ticket: context.parameters.require("id"), number: context.parameters.require("number"))
        }
        group.delete("/tickets") { request, _ in
            guard let email = FormQuery.parse(request.uri.query)["email"]?.trimmingCharacters(in: .whitespaces), !email.isEmpty else {
                throw APIError.badRequest(field: "email", .required)
            }
            // Queued searches (a zero-result one waits while it may still be typed) are written first, so erasure
            // reaches them; the gap reports made from the erased texts are dropped with them.
            await services.queryLog.flush(includingTyping: true)
            let deleted = try await services.store.deleteTickets(email: email)
            await gaps.cache.clear()
            await services.attachments.remove(deleted.attachments.map(\.storedName))
            return Deleted(deleted: deleted.tickets)
        }
        group.get("/stats") { request, _ in
            let text = FormQuery.parse(request.uri.query)["since"] ?? "30d"
            guard let since = StatisticsWindow.start(text) else {
                throw APIError.badRequest(field: "since", .invalidValue(examples: ["30d", "24h", "2026-11-01"]))
            }
            // This instance's queued searches count too.
            await services.queryLog.flush()
            return try await StatisticsReport.load(from: services.store, articles: holder.engine.articleTitles(), since: since,
                                                   masking: { PersonalDataMask.masked($0) })
        }
        group.get("/articles/{id}/learned") { _, context in
            let id = try context.parameters.require("id")
            guard let words = try await holder.engine.learnedWords(articleID: id) else { throw APIError.notFound }
            return LearnedWords(articleId: id, words: words)
        }
        AnalyticsRoutes(services: services, holder: holder).register(on: group)
    }

    /// One page of the queue as the table the operator page shows (with the German status label).
    static func csv(_ tickets: [TicketDocument], page: Int) -> CSVBody {
        CSVBody(filename: "tickets-page-\(page).csv",
                header: ["id", "status", "statusLabel", "urgent", "subject", "name", "email", "createdAt", "updatedAt"],
                rows: tickets.map { ticket in
                    [.text(ticket.id), .text(ticket.status), .text(ticket.statusLabel), .text(ticket.urgent ? "yes" : "no"),
                     .text(ticket.subject), .text(ticket.name), .text(ticket.email), .text(ticket.createdAt), .text(ticket.updatedAt)]
                })
    }

    /// The n-th file of a ticket (from 1), as a download: never shown inline, whatever its type.
    private func attachment(ticket id: String, number text: String) async throws -> Response {
        guard let ticketNumber = TicketNumber.parse(id), let number = Int(text), number >= 1,
              let ticket = try await services.store.ticket(number: ticketNumber),
              number <= ticket.content.attachments.count else { throw APIError.notFound }
        let record = ticket.content.attachments[number - 1]
        guard let bytes = try await services.attachments.read(record.storedName) else { throw APIError.notFound }
        let headers: HTTPFields = [
            .contentType: record.type,
            .contentDisposition: Self.contentDisposition(record.name),
            .cacheControl: "private, no-store",
        ]
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
    }

    /// RFC 6266: an ASCII name for old clients and the UTF-8 one (RFC 5987); sanitised names hold no quotes.
    static func contentDisposition(_ name: String) -> String {
        let ascii = String(name.unicodeScalars.map { $0.isASCII ? Character($0) : "_" })
        let encoded = name.addingPercentEncoding(withAllowedCharacters: attrChars) ?? ascii
        return "attachment; filename=\"\(ascii)\"; filename*=UTF-8''\(encoded)"
    }

    /// RFC 5987's attr-char: ASCII letters, digits and a few marks; everything else is percent-encoded.
    private static let attrChars = CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!#$&+-.^_`|~")

    static let statusNames = TicketStatus.allCases.map(\.rawValue)
}

extension TicketDocument: ResponseEncodable {}
extension StatisticsReport: ResponseEncodable {}
extension LearnedWords: ResponseEncodable {}
