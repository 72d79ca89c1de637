import Foundation

/// A ticket as JSON: the admin API's shape, also the webhook's payload.
public struct TicketDocument: Codable, Sendable, Equatable {
    public struct Attachment: Codable, Sendable, Equatable {
        public var name: String
        public var size: Int
        public var type: String
        /// Where the helpdesk downloads it (with the admin token), relative to the Lotse server's address.
        public var url: String
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
        attachments = content.attachments.enumerated().map { index, attachment in
            Attachment(name: attachment.name, size: attachment.size, type: attachment.type,
                       url: Self.attachmentPath(ticket: ticket.id, number: index + 1))
        }
        createdAt = ticket.createdAt.formatted(.iso8601)
        updatedAt = ticket.updatedAt.formatted(.iso8601)
    }

    /// Attachments are numbered from 1 in the order the customer sent them.
    public static func attachmentPath(ticket id: String, number: Int) -> String {
        "/api/v1/admin/tickets/\(id)/attachments/\(number)"
    }
}
