/// A ticket submission as it arrived (JSON or multipart), before validation.
public struct TicketDraft: Sendable, Equatable {
    public var email: String?
    public var name: String?
    public var company: String?
    public var subject: String?
    public var description: String?
    public var consent: Bool?
    public var customerNumber: String?
    public var category: String?
    public var urgent: Bool?
    public var session: String?
    public var customFields: [String: String]

    public init(email: String? = nil, name: String? = nil, company: String? = nil, subject: String? = nil, description: String? = nil,
                consent: Bool? = nil, customerNumber: String? = nil, category: String? = nil, urgent: Bool? = nil,
                session: String? = nil, customFields: [String: String] = [:]) {
        self.email = email
        self.name = name
        self.company = company
        self.subject = subject
        self.description = description
        self.consent = consent
        self.customerNumber = customerNumber
        self.category = category
        self.urgent = urgent
        self.session = session
        self.customFields = customFields
    }
}

/// Every invalid field (custom fields as `customFields.NAME`), in the form's order; the server answers 422 with it.
public struct TicketValidationError: Error, Equatable, Sendable {
    public var invalid: [InvalidField]

    public init(_ invalid: [InvalidField]) {
        self.invalid = invalid
    }

    public var fieldNames: Set<String> { Set(invalid.map(\.field)) }
}
