import Foundation
import HTTPTypes
import Hummingbird
import LotseTickets

/// `GET /api/v1/ticket-form` and `POST /api/v1/tickets`.
struct TicketRoutes {
    let services: TicketServices
    let holder: IndexHolder
    let jsonLimit: Int
    let multipartLimit: Int
    let pace: UploadPace
    /// The `--cors-origin`s: portals elsewhere that may post tickets across sites.
    let origins: Set<String>
    let uploads: UploadSlots
    let information: PortalInformation
    let pages: TicketPages

    static let maximumIdempotencyKeyCharacters = 200

    /// What the portal tells a customer beside the form (each nil when the operator did not configure it).
    struct PortalInformation: Sendable {
        var responseTime: String?
        var privacyUrl: String?
        var imprintUrl: String?
    }

    struct FormDescription: ResponseEncodable {
        struct Attachments: Encodable {
            var maxCount: Int
            var maxBytes: Int
            var types: [String]
        }

        var customFields: [CustomFieldDefinition]
        var attachments: Attachments
        var categories: [String]
        var responseTime: String?
        var privacyUrl: String?
        var imprintUrl: String?
    }

    struct Created: ResponseEncodable {
        var id: String
        var status: String
        var createdAt: String
    }

    func register(on router: Router<LotseRequestContext>) {
        router.get("/api/v1/ticket-form") { _, _ in
            let policy = services.form.attachments
            return FormDescription(customFields: services.form.customFields,
                                   attachments: .init(maxCount: policy.maximumCount, maxBytes: policy.maximumBytes, types: policy.types),
                                   categories: holder.engine.categories.keys.sorted(), responseTime: information.responseTime,
                                   privacyUrl: information.privacyUrl, imprintUrl: information.imprintUrl)
        }
        router.post("/api/v1/tickets") { request, context in
            guard !CrossSite.isForeign(request, allowing: origins) else { throw CrossSite.refused }
            let created = try await submitWithSlot(request, context: context)
            guard ErrorPages.isTicketForm(request) else { return try created.response(from: request, context: context) }
            // The portal's form posted without script: the confirmation page (its problems: `ErrorPages`).
            let location = Markup.link(TicketPages.receivedPath, [("nummer", created.responseGenerator.id)])
            return Response(status: .seeOther, headers: [.location: location])
        }
        router.get(RouterPath(TicketPages.receivedPath)) { request, _ in
            let language = MessageLanguage.negotiate(request.headers[.acceptLanguage])
            let number = FormQuery.parse(request.uri.query)["nummer"]
            var response = PageResponse.make(pages.received(number: number, responseTime: information.responseTime, in: language),
                                             for: request, variesByLanguage: true)
            response.headers[.cacheControl] = "no-store"
            return response
        }
    }

    /// A multipart body is read into memory whole: it needs one of the upload slots while the ticket is made.
    private func submitWithSlot(_ request: Request, context: LotseRequestContext) async throws -> EditedResponse<Created> {
        guard MultipartForm.boundary(contentType: request.headers[.contentType] ?? "") != nil else {
            return try await submit(request, context: context)
        }
        do {
            return try await uploads.run(client: context.clientKey) { slot in try await submit(request, context: context, slot: slot) }
        } catch is UploadSlots.Busy {
            // Not the searches' `busy`: what waits here is the customer's form.
            throw SearchRoutes.unavailable(.uploadsBusy)
        }
    }

    func submit(_ request: Request, context: LotseRequestContext, slot: UploadSlots.Slot? = nil) async throws -> EditedResponse<Created> {
        let key = request.headers[HTTPField.Name("Idempotency-Key")!]
        if let key, let problem = Self.keyProblem(key) { throw APIError.badRequest(field: "Idempotency-Key", problem) }
        let submission: TicketSubmission
        do {
            submission = try await TicketSubmission.read(request, context: context, jsonLimit: jsonLimit, multipartLimit: multipartLimit,
                                                         pace: pace, slot: slot)
        } catch var error as APIError {
            // A custom field of the wrong JSON type is named by its label, as its other problems are.
            for index in error.invalid.indices {
                let field = error.invalid[index].field
                if let definition = services.form.customFields.first(where: { "customFields.\($0.name)" == field }) {
                    error.invalid[index].problem.parameters["label"] = .text(definition.label)
                }
            }
            throw error
        }
        let checked = checkUploads(submission.uploads)
        var ticket: NewTicket
        do {
            ticket = try services.form.validate(submission.draft, otherErrors: submission.problems + checked.problems)
        } catch {
            throw APIError.invalidFields(error.invalid)
        }
        ticket.verified = services.contacts.contains(ticket.email)
        let fingerprint = key.map { _ in
            RequestFingerprint.of(ticket, files: checked.files.map { .init(name: $0.name, type: $0.type, bytes: $0.bytes) })
        }
        ticket.attachments = try await save(checked.files)
        let receipt: TicketReceipt
        do {
            // Suggestions still queued in this instance must be stored before the ticket reads them.
            await services.queryLog.flush()
            receipt = try await services.store.createTicket(ticket, idempotencyKey: key, fingerprint: fingerprint,
                                                            forward: services.forwards, at: Date())
        } catch {
            await services.attachments.remove(ticket.attachments.map(\.storedName))
            if error is IdempotencyKeyReused {
                throw APIError(.unprocessableContent, code: .idempotencyKeyReused,
                               invalid: [InvalidField("Idempotency-Key", .alreadyUsed)])
            }
            throw error
        }
        if !receipt.created { await services.attachments.remove(ticket.attachments.map(\.storedName)) }
        // A replay answers what the first request answered.
        return EditedResponse(status: .created, response: Created(
            id: receipt.ticket.id, status: TicketStatus.open.rawValue, createdAt: receipt.ticket.createdAt.formatted(.iso8601)))
    }

    private struct CheckedFile {
        var name: String
        var type: String
        var bytes: [UInt8]
    }

    /// What is wrong with the key header, if anything: 1 to 200 characters without control characters.
    static func keyProblem(_ key: String) -> FieldProblem? {
        if key.isEmpty { return .required }
        if key.unicodeScalars.count > maximumIdempotencyKeyCharacters { return .tooLong(maximum: maximumIdempotencyKeyCharacters) }
        return ControlCharacters.problem(key)
    }

    /// Count, size and content type of every upload; a problem for each bad file.
    private func checkUploads(_ uploads: [TicketSubmission.Upload]) -> (files: [CheckedFile], problems: [InvalidField]) {
        let policy = services.form.attachments
        guard uploads.count <= policy.maximumCount else {
            return ([], [InvalidField("attachments", .tooMany(maximum: policy.maximumCount))])
        }
        var files: [CheckedFile] = [], problems: [InvalidField] = []
        // Browsers send an empty, unnamed part for a file input left empty: it counts as a part, not as a file.
        for upload in uploads where !upload.bytes.isEmpty || !upload.filename.isEmpty {
            // A file input always names its file; a bare text part is not an upload.
            guard !upload.filename.isEmpty else {
                problems.append(InvalidField("attachments", .missingFileName))
                continue
            }
            let name = AttachmentName.sanitise(upload.filename)
            switch policy.check(name: name, data: upload.bytes) {
            case .success(let type):
                files.append(CheckedFile(name: AttachmentName.matching(name, type: type), type: type, bytes: upload.bytes))
            case .failure(let problem): problems.append(InvalidField("attachments", problem))
            }
        }
        return (files, problems)
    }

    private func save(_ files: [CheckedFile]) async throws -> [AttachmentRecord] {
        var records: [AttachmentRecord] = []
        do {
            for file in files {
                let stored = try await services.attachments.save(file.bytes)
                records.append(AttachmentRecord(name: file.name, size: file.bytes.count, type: file.type, storedName: stored))
            }
        } catch {
            await services.attachments.remove(records.map(\.storedName))
            throw error
        }
        return records
    }
}
