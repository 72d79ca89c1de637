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

    /// The fields shown and forwarded as one line (custom fields too): no line breaks or bidirectional controls.
    public static let singleLineFields: Set<String> = ["name", "company", "subject", "customerNumber", "category"]

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
    public func validate(_ draft: TicketDraft, otherErrors: [InvalidField] = []) throws(TicketValidationError) -> NewTicket {
        var errors: [InvalidField] = []
        func text(_ field: String, _ value: String?, required: Bool) -> String? {
            if let problem = ControlCharacters.problem(value) {
                errors.append(InvalidField(field, problem))
                return nil
            }
            let trimmed = value?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
            if trimmed.isEmpty {
                if required { errors.append(InvalidField(field, .required)) }
                return nil
            }
            // Leading and trailing line breaks are trimmed away; one inside a one-line field is refused.
            if Self.singleLineFields.contains(field), let problem = SingleLineText.problem(trimmed) {
                errors.append(InvalidField(field, problem))
                return nil
            }
            if let limit = Self.limits[field], trimmed.unicodeScalars.count > limit {
                errors.append(InvalidField(field, .tooLong(maximum: limit)))
            } else if field == "email", !EmailAddress.isValid(trimmed) {
                errors.append(InvalidField(field, .invalidEmail))
            }
            return trimmed
        }
        let email = text("email", draft.email, required: true)
        let name = text("name", draft.name, required: true)
        let company = text("company", draft.company, required: false)
        let subject = text("subject", draft.subject, required: true)
        let description = text("description", draft.description, required: true)
        let customerNumber = text("customerNumber", draft.customerNumber, required: false)
        let category = text("category", draft.category, required: false)
        let session = text("session", draft.session, required: false)
        if draft.consent != true { errors.append(InvalidField("consent", .consentRequired)) }
        let custom = validateCustomFields(draft.customFields, errors: &errors)
        errors += otherErrors
        guard errors.isEmpty, let email, let name, let subject, let description else { throw TicketValidationError(errors) }
        return NewTicket(email: email, name: name, company: company, subject: subject, description: description,
                         customerNumber: customerNumber, category: category, urgent: draft.urgent ?? false, session: session,
                         customFields: custom)
    }

    private func validateCustomFields(_ values: [String: String], errors: inout [InvalidField]) -> [String: String] {
        // Names that are not configured are dropped: only configured fields are validated and stored.
        var accepted: [String: String] = [:]
        for definition in customFields {
            let key = "customFields.\(definition.name)"
            let value = values[definition.name]?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
            if let problem = SingleLineText.problem(value) {
                errors.append(InvalidField(key, problem.labelled(definition.label)))
            } else if value.isEmpty {
                if definition.required { errors.append(InvalidField(key, FieldProblem.required.labelled(definition.label))) }
            } else if value.unicodeScalars.count > CustomFieldDefinition.maximumValueCharacters {
                errors.append(InvalidField(key, .tooLong(maximum: CustomFieldDefinition.maximumValueCharacters).labelled(definition.label)))
            } else if !(patterns[definition.name]?.matches(value) ?? true) {
                errors.append(InvalidField(key, .pattern(label: definition.label, hint: definition.hint)))
            } else {
                accepted[definition.name] = value
            }
        }
        return accepted
    }
}
