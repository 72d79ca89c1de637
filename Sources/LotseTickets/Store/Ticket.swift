import Foundation

/// The number a customer sees: `LT-` and at least six digits.
public enum TicketNumber {
    public static func format(_ number: Int64) -> String {
        let digits = String(number)
        return "LT-" + String(repeating: "0", count: max(0, 6 - digits.count)) + digits
    }

    public static func parse(_ text: String) -> Int64? {
        guard text.hasPrefix("LT-"), text.count <= 24, let number = Int64(text.dropFirst(3)), number > 0 else { return nil }
        return number
    }
}

/// A file attached to a ticket: where it lies (a random name in the attachments folder) and what the
/// customer called it (sanitised, metadata only).
public struct AttachmentRecord: Codable, Sendable, Equatable {
    public var name: String
    public var size: Int
    public var type: String
    public var storedName: String

    public init(name: String, size: Int, type: String, storedName: String) {
        self.name = name
        self.size = size
        self.type = type
        self.storedName = storedName
    }
}

/// A validated submission, ready to be stored.
public struct NewTicket: Sendable, Equatable {
    public var email: String
    public var name: String
    public var company: String?
    public var subject: String
    public var description: String
    public var customerNumber: String?
    public var category: String?
    public var urgent: Bool
    public var session: String?
    public var customFields: [String: String]
    public var attachments: [AttachmentRecord]
    /// Whether the e-mail belongs to a registered contact.
    public var verified: Bool

    public init(email: String, name: String, company: String? = nil, subject: String, description: String,
                customerNumber: String? = nil, category: String? = nil, urgent: Bool = false, session: String? = nil,
                customFields: [String: String] = [:], attachments: [AttachmentRecord] = [], verified: Bool = false) {
        self.email = email
        self.name = name
        self.company = company
        self.subject = subject
        self.description = description
        self.customerNumber = customerNumber
        self.category = category
        self.urgent = urgent
        self.session = session
        self.customFields = customFields
        self.attachments = attachments
        self.verified = verified
    }
}

/// A stored ticket as the admin API shows it.
public struct Ticket: Sendable, Equatable {
    public var number: Int64
    public var status: TicketStatus
    public var content: NewTicket
    /// Article ids suggested to the ticket's session before it was submitted, first suggested first.
    public var suggestedArticles: [String]
    public var createdAt: Date
    public var updatedAt: Date

    public var id: String { TicketNumber.format(number) }

    public init(number: Int64, status: TicketStatus, content: NewTicket, suggestedArticles: [String], createdAt: Date, updatedAt: Date) {
        self.number = number
        self.status = status
        self.content = content
        self.suggestedArticles = suggestedArticles
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }
}

/// What `createTicket` answers: the ticket, and whether this call created it (false for an idempotent replay).
public struct TicketReceipt: Sendable, Equatable {
    public var ticket: Ticket
    public var created: Bool

    public init(ticket: Ticket, created: Bool) {
        self.ticket = ticket
        self.created = created
    }
}

/// One page of the queue.
public struct TicketPage: Sendable, Equatable {
    public var tickets: [Ticket]
    public var total: Int

    public init(tickets: [Ticket], total: Int) {
        self.tickets = tickets
        self.total = total
    }
}
