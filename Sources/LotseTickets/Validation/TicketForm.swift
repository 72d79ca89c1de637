import Foundation

/// What a ticket may contain: the fixed fields' limits, the configured custom fields and the attachment
/// policy. `validate` names every bad field at once.
public struct TicketForm: Sendable {
    public var customFields: [CustomFieldDefinition] {
        didSet { patterns = Self.compile(customFields) }
    }
    public var attachments: AttachmentPolicy
    /// Each custom field's pattern, compiled once per form.
    private var patterns: [String: FieldPattern]

    public static let limits: [String: Int] = [
        "email": EmailAddress.maximumLength, "name": 200, "company": 200, "subject": 200, "description": 20_000,
        "customerNumber": 64, "category": 100, "session": 128,
    ]

    public init(customFields: [CustomFieldDefinition] = [], attachments: AttachmentPolicy = AttachmentPolicy()) {
        self.customFields = customFields
        self.attachments = attachments
        patterns = Self.compile(customFields)
    }

    private static func compile(_ fields: [CustomFieldDefinition]) -> [String: FieldPattern] {
        Dictionary(fields.map { ($0.name, FieldPattern($0.pattern)) }, uniquingKeysWith: { first, _ in first })
    }

    /// The validated ticket (without attachments and contact check), or every problem including `otherErrors`
    /// (the caller's attachment errors).
    public func validate(_ draft: TicketDraft, otherErrors: [String: String] = [:]) throws(TicketValidationError) -> NewTicket {
        var errors = otherErrors
        func text(_ field: String, _ value: String?, required: Bool) -> String? {
            if let problem = ControlCharacters.problem(field, value) {
                errors[field] = problem
                return nil
            }
            let trimmed = value?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
            if trimmed.isEmpty {
                if required { errors[field] = "\(field) is required and must not be blank" }
                return nil
            }
            if let limit = Self.limits[field], trimmed.unicodeScalars.count > limit {
                errors[field] = "\(field) must be at most \(limit) characters"
            }
            return trimmed
        }
        let email = text("email", draft.email, required: true)
        if let email, errors["email"] == nil, !EmailAddress.isValid(email) { errors["email"] = "email is not a valid e-mail address" }
        let name = text("name", draft.name, required: true)
        let company = text("company", draft.company, required: false)
        let subject = text("subject", draft.subject, required: true)
        let description = text("description", draft.description, required: true)
        let customerNumber = text("customerNumber", draft.customerNumber, required: false)
        let category = text("category", draft.category, required: false)
        let session = text("session", draft.session, required: false)
        if draft.consent != true { errors["consent"] = "consent must be given (true) to submit a ticket" }
        let custom = validateCustomFields(draft.customFields, errors: &errors)
        guard errors.isEmpty, let email, let name, let subject, let description else { throw TicketValidationError(fields: errors) }
        return NewTicket(email: email, name: name, company: company, subject: subject, description: description,
                         customerNumber: customerNumber, category: category, urgent: draft.urgent ?? false, session: session,
                         customFields: custom)
    }

    private func validateCustomFields(_ values: [String: String], errors: inout [String: String]) -> [String: String] {
        // Names that are not configured are dropped: only configured fields are validated and stored.
        var accepted: [String: String] = [:]
        for definition in customFields {
            let key = "customFields.\(definition.name)"
            let value = values[definition.name]?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
            if let problem = ControlCharacters.problem(definition.label, value) {
                errors[key] = problem
            } else if value.isEmpty {
                if definition.required { errors[key] = "\(definition.label) is required" }
            } else if value.unicodeScalars.count > CustomFieldDefinition.maximumValueCharacters {
                errors[key] = "\(definition.label) must be at most \(CustomFieldDefinition.maximumValueCharacters) characters"
            } else if !(patterns[definition.name]?.matches(value) ?? true) {
                errors[key] = "\(definition.label) has the wrong format" + (definition.hint.map { " (\($0))" } ?? "")
            } else {
                accepted[definition.name] = value
            }
        }
        return accepted
    }
}
