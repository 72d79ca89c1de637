import Foundation
import Hummingbird
import LotseTickets
import NIOCore

/// A `POST /api/v1/tickets` body read from JSON or `multipart/form-data`: the fields and the uploaded files.
struct TicketSubmission {
    struct Upload {
        var filename: String
        var bytes: [UInt8]
    }

    var draft: TicketDraft
    var uploads: [Upload] = []
    /// Problems found while reading (a text part that is not UTF-8).
    var problems: [InvalidField] = []

    /// The JSON body's shape (wrong types are reported by `JSONBody` as 422 naming the field).
    struct JSONFields: Decodable {
        var email, name, company, subject, description: String?
        var consent: Bool?
        var customerNumber, category: String?
        var urgent: Bool?
        var session: String?
        var customFields: [String: String]?
    }

    static let booleanTrue: Set<String> = ["true", "on", "1"]

    static func read(_ request: Request, context: LotseRequestContext, jsonLimit: Int,
                     multipartLimit: Int, pace: UploadPace, slot: UploadSlots.Slot? = nil) async throws -> TicketSubmission {
        let contentType = request.headers[.contentType] ?? ""
        if contentType.lowercased().hasPrefix("application/json") {
            let fields = try await JSONBody.decode(JSONFields.self, from: request, context: context, limit: jsonLimit)
            return TicketSubmission(draft: TicketDraft(
                email: fields.email, name: fields.name, company: fields.company, subject: fields.subject, description: fields.description,
                consent: fields.consent, customerNumber: fields.customerNumber, category: fields.category, urgent: fields.urgent,
                session: fields.session, customFields: fields.customFields ?? [:]))
        }
        guard let boundary = MultipartForm.boundary(contentType: contentType) else {
            throw JSONBody.unsupportedMediaType(accepted: ["application/json", "multipart/form-data"])
        }
        let body = try await pace.collect(request, limit: multipartLimit, slot: slot)
        let form: MultipartForm
        do {
            form = try MultipartForm(body: body, boundary: boundary)
        } catch let error as APIError {
            throw error
        } catch {
            throw APIError.body(.badRequest, code: .invalidMultipart, .invalidMultipart)
        }
        return TicketSubmission(form: form)
    }

    init(draft: TicketDraft) {
        self.draft = draft
    }

    init(form: MultipartForm) {
        draft = TicketDraft()
        for part in form.parts {
            if part.name == "attachments" {
                uploads.append(Upload(filename: part.filename ?? "", bytes: Array(part.body.readableBytesView)))
                continue
            }
            guard let text = String(validating: part.body.readableBytesView, as: UTF8.self) else {
                // Named as validation names it (custom fields as customFields.NAME); a part name the client made up is
                // never echoed, as JSON keys are not (`JSONBody.fieldName`): such a part is ignored like a UTF-8 one.
                if let field = Self.reportedName(part.name) { problems.append(InvalidField(field, .invalidEncoding)) }
                continue
            }
            switch part.name {
            case "email": draft.email = text
            case "name": draft.name = text
            case "company": draft.company = text
            case "subject": draft.subject = text
            case "description": draft.description = text
            case "customerNumber": draft.customerNumber = text
            case "category": draft.category = text
            case "session": draft.session = text
            case "consent": draft.consent = Self.booleanTrue.contains(text.lowercased())
            case "urgent": draft.urgent = Self.booleanTrue.contains(text.lowercased())
            default:
                if let name = Self.customFieldName(part.name) { draft.customFields[name] = text }
            }
        }
    }

    static let textFields: Set<String> = ["email", "name", "company", "subject", "description", "customerNumber", "category",
                                          "session", "consent", "urgent"]

    /// What a problem with a part is reported under: a field of the form, or `customFields.NAME` where NAME is a name
    /// a field can have; nil for a name the client made up.
    static func reportedName(_ partName: String) -> String? {
        if textFields.contains(partName) { return partName }
        return customFieldName(partName).flatMap { JSONBody.isFieldName($0) ? "customFields.\($0)" : nil }
    }

    /// `NAME` of a part named `customFields[NAME]`.
    static func customFieldName(_ partName: String) -> String? {
        guard partName.hasPrefix("customFields["), partName.hasSuffix("]"), partName.count > 14 else { return nil }
        return String(partName.dropFirst(13).dropLast())
    }
}
