import Foundation

/// A ticket as JSON: the admin API's shape, also the webhook's payload.
public struct TicketDocument: Codable, Sendable, Equatable {
    public struct Attachment: Codable, Sendable, Equatable {
        public var name: String
        public var size: Int
        public var type: String
    }

    public var id: String
    public var status: String
    public var statusLabel: String
    public var email: String
    public var name: String
    public var company: String?
    public var subject: String
    public var description: String
    public var customerNumber: String?
    public var category: String?
    public var urgent: Bool
    public var verified: Bool
    public var suggestedArticles: [String]
    public var customFields: [String: String]
    public var attachments: [Attachment]
    public var createdAt: String
    public var updatedAt: String

    public init(_ ticket: Ticket) {
        let content = ticket.content
        id = ticket.id
        status = ticket.status.rawValue
        statusLabel = ticket.status.label
        email = content.email
        name = content.name
        company = content.company
        subject = content.subject
        description = content.description
        customerNumber = content.customerNumber
        category = content.category
        urgent = content.urgent
        verified = content.verified
        suggestedArticles = ticket.suggestedArticles
        customFields = content.customFields
        attachments = content.attachments.map { Attachment(name: $0.name, size: $0.size, type: $0.type) }
        createdAt = ticket.createdAt.formatted(.iso8601)
        updatedAt = ticket.updatedAt.formatted(.iso8601)
    }
}
