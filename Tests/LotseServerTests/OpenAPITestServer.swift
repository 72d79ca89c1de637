import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import LotseIndex
import LotseServer
import LotseTestSupport
import LotseTickets
import NIOCore

// MARK: - Test server

enum ServerStep: Sendable {
    case request(OpenAPISampleRequest)
    /// Renames a file that is not an index over the index path and waits until `/healthz` says `degraded`.
    case corruptIndex
}

/// A server over the fixture articles (three German Markdown articles, one English, one HTML page) in a
/// temporary workspace, built on start.
struct OpenAPITestServer: Sendable {
    let workspace: ArticleWorkspace
    let configuration: ServerConfiguration

    init(rateLimit: Int = 1_000_000, uploadPace: UploadPace = UploadPace()) throws {
        var files = ArticleFixtures.markdownSet
        files["invoice.md"] = ArticleFixtures.invoiceEnglish
        files["speicherplatz-erweitern.html"] = ArticleFixtures.speicherplatzPage
        files["rueckerstattung.md"] = ArticleFixtures.markdown(
            frontMatter: ["title: Rückerstattung", "category: Rechnungen & Zahlungen", "ticket_only: true"],
            body: "Eine Rückerstattung beantragen Sie mit einer Anfrage.\n")
        workspace = try ArticleWorkspace(files: files)
        var configuration = ServerConfiguration()
        configuration.buildIndexOnStart = true
        configuration.articlesDirectory = workspace.articlesPath
        configuration.indexPath = workspace.indexPath
        configuration.dataPath = workspace.directory.path("data.sqlite")
        configuration.rateLimit = rateLimit
        configuration.uploadPace = uploadPace
        configuration.reloadInterval = .milliseconds(20)
        configuration.searchDeadline = .seconds(300)
        configuration.suggestDeadline = .seconds(300)
        configuration.computeWait = .seconds(300)
        configuration.adminToken = OpenAPISamples.adminToken
        configuration.responseTime = "24 Stunden"
        configuration.privacyURL = "https://www.beispiel.de/datenschutz"
        configuration.imprintURL = "/impressum"
        configuration.ticketFields = [CustomFieldDefinition(name: "serverName", label: "Servername", required: false,
                                                            pattern: "^de-[0-9]{2}-srv-[0-9]{4}$", hint: "z. B. de-01-srv-1234")]
        self.configuration = configuration
    }

    /// The seeded ticket's file, as the attachment folder beside `data.sqlite` holds it.
    static let seededAttachment = "0123456789abcdef0123456789abcdef"

    /// Ticket data for the admin samples: one ticket with every optional field and an attachment, a
    /// deflection, feedback both ways and a query without results.
    func seed() async throws {
        let store = try SQLiteTicketStore(path: configuration.dataPath)
        guard try await store.ticket(number: 1) == nil else { return }
        try await store.recordQueries([
            QueryLogEntry(endpoint: "search", query: "Xylophon", resultCount: 0, session: nil, articleIDs: [], time: Date()),
            QueryLogEntry(
                endpoint: "suggest", query: "Kundennummer", resultCount: 1, session: "s", articleIDs: ["kundennummer"], time: Date()),
            // With the first, a content-gap topic whose session was shown an article that did not help.
            QueryLogEntry(endpoint: "search", query: "Xylophon stimmen", resultCount: 0, session: "s", articleIDs: [], time: Date()),
        ])
        _ = try await store.createTicket(NewTicket(
            email: "jürgen.müller@beispiel.de", name: "Jürgen Müller", company: "Bäckerei Groß", subject: "Rechnung fehlt",
            description: "Die Rechnung für März fehlt.", customerNumber: "K-1", category: "Rechnungen", urgent: true, session: "s",
            customFields: ["serverName": "de-01-srv-1234"],
            attachments: [AttachmentRecord(name: "log.txt", size: 6, type: "text/plain", storedName: Self.seededAttachment)],
            verified: true),
            idempotencyKey: nil, forward: false, at: Date())
        _ = try workspace.directory.write("Fehler", to: "attachments/\(Self.seededAttachment)")
        _ = try await store.updateStatus(number: 1, to: .answered, by: "Anna Schmidt", at: Date())
        try await store.recordArticleView(ArticleView(session: "s", articleID: "kundennummer", time: Date()))
        _ = try await store.recordDeflection(DeflectionRecord(session: "t", articleID: "kundennummer", time: Date()))
        try await store.recordFeedback(FeedbackRecord(articleID: "kundennummer", helpful: true, session: nil, time: Date()))
        try await store.recordFeedback(FeedbackRecord(articleID: "kundennummer", helpful: false, session: nil, time: Date()))
        // An index that learned from the deflections, so the learned-words sample has words (the start build keeps them).
        let outcome = CustomerWords(session: "t", articleID: "kundennummer", text: "Kundennummer")
        try IndexBuilder(configuration: IndexConfiguration(
            articlesDirectory: configuration.articlesDirectory, indexPath: configuration.indexPath,
            learning: .learn(LearningConfiguration(outcomes: [outcome])))).build()
    }

    func responses(to requests: [OpenAPISampleRequest]) async throws -> [TestResponse] {
        try await run(requests.map(ServerStep.request))
    }

    /// Runs the steps in order against one application; one response per `.request`.
    func run(_ steps: [ServerStep]) async throws -> [TestResponse] {
        try await seed()
        let app = try await buildApplication(configuration: configuration)
        let indexPath = configuration.indexPath
        let scratch = workspace.directory.path("broken-index.sqlite")
        return try await app.test(.router) { client in
            var responses: [TestResponse] = []
            for step in steps {
                switch step {
                case .request(let request):
                    responses.append(
                        try await client.execute(uri: request.uri, method: request.method, headers: request.headers, body: request.body))
                case .corruptIndex:
                    try Data("this is not an SQLite database".utf8).write(to: URL(fileURLWithPath: scratch))
                    guard rename(scratch, indexPath) == 0 else { throw OpenAPISpec.SpecError("could not replace \(indexPath)") }
                    _ = try await eventually {
                        let health = try await client.execute(uri: "/healthz", method: .get)
                        return JSONValue(health)?["status"] == .string("degraded")
                    }
                }
            }
            return responses
        }
    }

    /// The (path, method) pairs in the application's router, read by reflection from Hummingbird's
    /// `RouterResponder` (its route trie's `EndpointResponders`, each a path with a responder per method).
    func registeredRoutes() async throws -> [RegisteredRoute] {
        let app = try await buildApplication(configuration: configuration)
        let responder: Any = try await app.responder
        guard let values = Mirror(reflecting: responder).descendant("trie", "values") else { return [] }
        var routes: [RegisteredRoute] = []
        for element in Mirror(reflecting: values).children {
            // `values` is `[EndpointResponders?]`: unwrap the optional.
            var value = element.value
            let optional = Mirror(reflecting: value)
            if optional.displayStyle == .optional {
                guard let wrapped = optional.children.first?.value else { continue }
                value = wrapped
            }
            let endpoint = Mirror(reflecting: value)
            guard String(describing: endpoint.subjectType).hasPrefix("EndpointResponders"),
                  let path = endpoint.descendant("path"), let methods = endpoint.descendant("methods") else { continue }
            for entry in Mirror(reflecting: methods).children {
                guard let method = Mirror(reflecting: entry.value).children.first?.value as? HTTPRequest.Method else { continue }
                routes.append(RegisteredRoute(path: String(describing: path), method: method.rawValue))
            }
        }
        return routes
    }
}

struct RegisteredRoute: Hashable, Sendable {
    var path: String
    var method: String
    var key: String { "\(method) \(path)" }
}

// MARK: - Responses

extension TestResponse {
    /// The Content-Type without parameters, lowercased.
    var contentMediaType: String {
        (headers[.contentType] ?? "").split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() } ?? ""
    }

    var bodyString: String { String(buffer: body) }
}

/// `{"error": {"code", "message", "fields"?}}` of an error response.
struct ErrorBody {
    var code: String
    var message: String
    var fields: [String: String]?

    init?(_ response: TestResponse) {
        guard case .object(let root)? = JSONValue(response), case .object(let error)? = root["error"],
              case .string(let code)? = error["code"], case .string(let message)? = error["message"] else { return nil }
        self.code = code
        self.message = message
        if case .object(let fields)? = error["fields"] {
            self.fields = fields.compactMapValues { if case .string(let text) = $0 { text } else { nil } }
        }
    }
}
