import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import LotseServer
import LotseTestSupport
import LotseTickets
import NIOCore
import Testing
import Yams

/// Keeps `Sources/LotseServer/Resources/openapi.yaml` true: the spec is parsed and compared with the routes the
/// application registers, with real responses of a test application (success bodies against the schemas, every
/// documented error status provoked), and with what `GET /openapi.yaml` serves.
@Suite("OpenAPI description")
struct OpenAPITests {
    // MARK: The document itself

    @Test("the spec is a well-formed OpenAPI 3.1 document with the shared conventions")
    func specIsWellFormed() throws {
        let spec = try OpenAPISpec.load()
        #expect(spec.root["openapi"] as? String == "3.1.0")
        let info = spec.root["info"] as? [String: Any]
        #expect(info?["title"] is String && info?["version"] is String, "info needs title and version")
        let servers = (spec.root["servers"] as? [[String: Any]])?.compactMap { $0["url"] as? String }
        #expect(servers == ["http://127.0.0.1:8080"])

        // Every $ref resolves.
        for reference in spec.allReferences() {
            #expect(spec.lookup(reference) != nil, "unresolved $ref \(reference)")
        }

        // The shared Error schema: {"error": {"code", "message", "fields"?: {String: String}}}.
        let error = try #require(spec.lookup("#/components/schemas/Error"))
        #expect(error["type"] as? String == "object")
        #expect(Set(error["required"] as? [String] ?? []) == ["error"])
        #expect(Set((error["properties"] as? [String: Any] ?? [:]).keys) == ["error"])
        let detail = try #require((error["properties"] as? [String: Any])?["error"] as? [String: Any])
        #expect(detail["type"] as? String == "object")
        #expect(Set(detail["required"] as? [String] ?? []) == ["code", "message"])
        let detailProperties = detail["properties"] as? [String: Any] ?? [:]
        #expect(Set(detailProperties.keys) == ["code", "message", "fields"])
        #expect((detailProperties["code"] as? [String: Any])?["type"] as? String == "string")
        #expect((detailProperties["message"] as? [String: Any])?["type"] as? String == "string")
        let fields = detailProperties["fields"] as? [String: Any]
        #expect(fields?["type"] as? String == "object")
        #expect((fields?["additionalProperties"] as? [String: Any])?["type"] as? String == "string")

        var operationIDs: [String] = []
        for operation in spec.operations {
            let key = operation.key
            if let id = operation.object["operationId"] as? String { operationIDs.append(id) } else {
                Issue.record("\(key): no operationId")
            }
            // Path templates and path parameters agree.
            let templated = Set(OpenAPISpec.templateNames(in: operation.path))
            let declared = Set(spec.parameters(of: operation).filter { $0["in"] as? String == "path" }.compactMap { parameter -> String? in
                #expect(parameter["required"] as? Bool == true, "\(key): path parameter \(parameter["name"] ?? "?") must be required")
                return parameter["name"] as? String
            })
            #expect(templated == declared, "\(key): path template names \(templated.sorted()) vs path parameters \(declared.sorted())")

            let responses = spec.responses(of: operation)
            // One success status: 200, or 201 for operations that create something.
            #expect(responses.keys.filter { $0.hasPrefix("2") }.count == 1 && spec.successStatus(of: operation) != nil,
                    "\(key): exactly one success response, 200 or 201")
            for (status, response) in responses {
                #expect(response["description"] is String, "\(key) \(status): no description")
                guard let code = Int(status), code >= 400 else { continue }
                // Every error response uses the shared Error schema as JSON.
                let schema = ((response["content"] as? [String: Any])?["application/json"] as? [String: Any])?["schema"] as? [String: Any]
                #expect(schema?["$ref"] as? String == "#/components/schemas/Error", "\(key) \(status): must be application/json with $ref Error")
            }
            // 405 (with Allow) on every operation; 429 (with Retry-After) on every rate-limited one (/api/).
            #expect(spec.headerNames(of: responses["405"]).contains("Allow"), "\(key): 405 with an Allow header")
            if operation.path.hasPrefix("/api/") {
                #expect(spec.headerNames(of: responses["429"]).contains("Retry-After"), "\(key): 429 with a Retry-After header")
            } else {
                #expect(responses["429"] == nil, "\(key): not rate-limited, so no 429")
            }
        }
        #expect(Set(operationIDs).count == operationIDs.count, "operationIds must be unique: \(operationIDs)")
        #expect(Set(spec.operations.map(\.key)) == Set(OpenAPISamples.success.keys),
                "spec operations and the test's sample requests differ; add a sample for a new operation")
    }

    @Test("every example in the spec matches its schema")
    func examplesMatchSchemas() throws {
        let spec = try OpenAPISpec.load()
        var checked = 0
        for (location, example, schema) in spec.examples() {
            checked += 1
            let problems = SchemaValidator(spec: spec).problems(JSONValue(yaml: example), schema, at: location)
            #expect(problems.isEmpty, "example at \(location): \(problems)")
        }
        #expect(checked >= 10, "expected the spec to carry examples (found \(checked))")
    }

    // MARK: Routes

    @Test("every route the application registers is documented, and every documented operation is answered")
    func routesMatchTheSpec() async throws {
        let spec = try OpenAPISpec.load()
        let server = try OpenAPITestServer()
        let registered = try await server.registeredRoutes()
        try #require(!registered.isEmpty, "could not read the route table from Hummingbird's router (internals changed?)")

        let documented = Set(spec.operations.map(\.key))
        let specPaths = Set(spec.operations.map(\.path))
        let registeredPaths = Set(registered.map(\.path))
        #expect(registeredPaths == specPaths,
                "registered paths \(registeredPaths.sorted()) vs documented paths \(specPaths.sorted())")

        // Call every registered (path, method) and every documented operation.
        var probes: [RouteProbe] = []
        for route in registered.sorted(by: { ($0.path, $0.method) < ($1.path, $1.method) }) {
            probes.append(RouteProbe(path: route.path, method: route.method, request: OpenAPISamples.request(for: route.path, method: route.method)))
        }
        for key in documented.subtracting(registered.map(\.key)).sorted() {
            Issue.record("\(key) is documented but not registered")
            let parts = key.split(separator: " ", maxSplits: 1).map(String.init)
            probes.append(RouteProbe(path: parts[1], method: parts[0], request: OpenAPISamples.request(for: parts[1], method: parts[0])))
        }
        // Known paths with the other methods, and paths nobody registered.
        for path in specPaths.sorted() {
            for method in ["GET", "POST", "PUT", "PATCH", "DELETE"] where !registered.contains(RegisteredRoute(path: path, method: method)) {
                probes.append(RouteProbe(path: path, method: method, request: OpenAPISamples.request(for: path, method: method)))
            }
        }
        for path in OpenAPISamples.unknownPaths {
            probes.append(RouteProbe(path: path, method: "GET", request: OpenAPISampleRequest(method: .get, uri: path)))
        }

        let responses = try await server.responses(to: probes.map(\.request))
        for (probe, response) in zip(probes, responses) {
            let key = "\(probe.method) \(probe.path)"
            let status = Int(response.status.code)
            if OpenAPISamples.unknownPaths.contains(probe.path) {
                #expect(status == 404, "\(key): unknown path should be 404, got \(status)")
                #expect(ErrorBody(response) != nil, "\(key): 404 without the Error body: \(response.bodyString)")
            } else if documented.contains(key) {
                #expect(![404, 405].contains(status), "\(key) is documented but answers \(status): \(response.bodyString.prefix(300))")
                let expected = spec.operations.first { $0.key == key }.flatMap { spec.successStatus(of: $0) }.flatMap { Int($0) } ?? 200
                #expect(status == expected, "\(key): the sample request should succeed with \(expected), got \(status): \(response.bodyString.prefix(300))")
            } else if probe.method == "HEAD", documented.contains("GET \(probe.path)") {
                // Hummingbird answers HEAD with the GET handler (autoGenerateHeadEndpoints): GET without a body.
                #expect(status == 200, "\(key): HEAD of a GET route answers \(status)")
                #expect(response.body.readableBytes == 0, "\(key): HEAD answered with a body")
            } else {
                // Not documented: the spec promises 405 for the other of GET, POST, PUT, PATCH, DELETE on a known
                // path; any other method must not be answered either (405, or the router's 404 if unregistered).
                let allowed = Set(spec.operations.filter { $0.path == probe.path }.map { $0.method.uppercased() })
                let promised405 = ["GET", "POST", "PUT", "PATCH", "DELETE"].contains(probe.method)
                let unregistered = !registered.contains(RegisteredRoute(path: probe.path, method: probe.method))
                #expect(status == 405 || (!promised405 && status == 404 && unregistered),
                        "\(key) answers \(status) but is not documented (expected 405): \(response.bodyString.prefix(300))")
                if status == 405 {
                    let allow = Set((response.headers[.allow] ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) })
                    #expect(allow == allowed, "\(key): Allow \(allow.sorted()) but the spec documents \(allowed.sorted())")
                    #expect(ErrorBody(response)?.code == "method_not_allowed", "\(key): 405 body \(response.bodyString)")
                }
            }
        }
    }

    // MARK: Success bodies

    @Test("every 200 response has the documented content type and matches its schema")
    func successResponsesMatchTheirSchemas() async throws {
        let spec = try OpenAPISpec.load()
        let server = try OpenAPITestServer()
        let samples = OpenAPISamples.success.sorted { $0.key < $1.key }.flatMap { key, requests in requests.map { (key, $0) } }
        var steps = samples.map { ServerStep.request($0.1) }
        // Last: a broken replacement index makes /healthz report `degraded`.
        steps += [.corruptIndex, .request(OpenAPISampleRequest(method: .get, uri: "/healthz"))]
        let responses = try await server.run(steps)
        let labelled = Array(zip(samples.map(\.0) + ["GET /healthz"], responses))

        let validator = SchemaValidator(spec: spec)
        for (key, response) in labelled {
            guard let operation = spec.operations.first(where: { $0.key == key }) else {
                Issue.record("\(key): no such operation in the spec")
                continue
            }
            let success = spec.successStatus(of: operation) ?? "200"
            #expect(String(response.status.code) == success, "\(key): \(response.status.code) \(response.bodyString.prefix(300))")
            guard String(response.status.code) == success else { continue }
            let content = spec.responses(of: operation)[success]?["content"] as? [String: Any] ?? [:]
            let mediaType = response.contentMediaType
            #expect(content[mediaType] != nil, "\(key): Content-Type \(mediaType) is not documented (\(content.keys.sorted()))")
            guard mediaType == "application/json" else {
                #expect(!response.bodyString.isEmpty, "\(key): empty body")
                continue
            }
            let schema = try #require((content[mediaType] as? [String: Any])?["schema"] as? [String: Any])
            let body = try #require(JSONValue(response), "\(key): body is not JSON: \(response.bodyString.prefix(300))")
            let problems = validator.problems(body, schema, at: key)
            #expect(problems.isEmpty, "\(key): body does not match the spec: \(problems)")
            // Top-level keys: the documented properties, with the required ones present.
            if case .object(let object) = body, let properties = spec.resolve(schema)["properties"] as? [String: Any] {
                let required = Set(spec.resolve(schema)["required"] as? [String] ?? [])
                #expect(Set(object.keys).isSubset(of: Set(properties.keys)), "\(key): undocumented keys \(Set(object.keys).subtracting(properties.keys).sorted())")
                #expect(required.isSubset(of: Set(object.keys)), "\(key): missing required keys \(required.subtracting(object.keys).sorted())")
            }
        }
        // Each documented property of each response schema appeared in some response (no phantom fields).
        for (schema, unseen) in validator.unseenProperties() {
            #expect(unseen.isEmpty, "schema \(schema): documented properties never seen in a response: \(unseen.sorted())")
        }
        #expect(validator.seenSchemas.isSuperset(of: ["SearchResults", "SearchResult", "ArticleDetail", "Categories", "Category", "Health",
                                                      "TicketForm", "CustomField", "TicketCreated", "TicketQueue", "Ticket", "TicketAttachment",
                                                      "Statistics", "ArticleCount", "ArticleVotes", "QueryCount", "ArticleReference"]),
                "response schemas checked: \(validator.seenSchemas.sorted())")
        let health = labelled.last.map { JSONValue($0.1) } ?? nil
        #expect(health?["status"] == .string("degraded"), "a broken replacement index should make /healthz degraded: \(String(describing: health))")
    }

    // MARK: Errors

    @Test("a documented error status is produced with the Error body", arguments: OpenAPISamples.errors)
    func documentedErrorIsProduced(_ sample: OpenAPIErrorSample) async throws {
        let spec = try OpenAPISpec.load()
        let operation = try #require(spec.operations.first { $0.key == sample.operation }, "\(sample.operation) not in the spec")
        let documented = try #require(spec.responses(of: operation)[String(sample.status)],
                                      "\(sample.operation) does not document \(sample.status)")
        let server = try OpenAPITestServer(rateLimit: sample.status == 429 ? 1 : 1_000_000)
        var steps: [ServerStep] = []
        if sample.status == 429 { steps.append(.request(OpenAPISampleRequest(method: .get, uri: "/api/v1/categories"))) }
        steps.append(.request(sample.request))
        let response = try #require(try await server.run(steps).last)

        let request = "\(sample.request.method.rawValue) \(sample.request.uri.prefix(120))"
        #expect(Int(response.status.code) == sample.status,
                "\(request): expected \(sample.status) \(sample.code), got \(response.status.code): \(response.bodyString.prefix(300))")
        #expect(response.contentMediaType == "application/json", "\(request): Content-Type \(response.headers[.contentType] ?? "none")")
        let schema = try #require(((documented["content"] as? [String: Any])?["application/json"] as? [String: Any])?["schema"] as? [String: Any])
        let body = try #require(JSONValue(response), "\(request): body is not JSON: \(response.bodyString.prefix(300))")
        let problems = SchemaValidator(spec: spec).problems(body, schema, at: request)
        #expect(problems.isEmpty, "\(request): body does not match the Error schema: \(problems)")
        let error = try #require(ErrorBody(response), "\(request): no error.code/error.message strings: \(response.bodyString.prefix(300))")
        #expect(error.code == sample.code, "\(request): error.code")
        #expect(!error.message.isEmpty, "\(request): empty error.message")
        #expect(error.fields.map { Set($0.keys) } == sample.fields, "\(request): error.fields \(String(describing: error.fields))")
        // Documented headers are sent (Allow on 405, Retry-After on 429).
        for name in spec.headerNames(of: documented) {
            let value = response.headers.first { $0.name.canonicalName == name.lowercased() }?.value
            #expect(value != nil, "\(request): \(sample.status) without the documented \(name) header")
            if name == "Retry-After" {
                let seconds = value.flatMap { Int($0) }
                #expect(seconds.map { (1...60).contains($0) } == true, "\(request): Retry-After \(value ?? "none") is not whole seconds within the window")
            }
        }
    }

    @Test("every documented 4xx status of every operation has an error sample")
    func everyDocumentedErrorIsSampled() throws {
        let spec = try OpenAPISpec.load()
        for operation in spec.operations {
            let documented = Set(spec.responses(of: operation).keys.compactMap(Int.init).filter { (400..<500).contains($0) })
            let sampled = Set(OpenAPISamples.errors.filter { $0.operation == operation.key }.map(\.status))
            #expect(documented == sampled, "\(operation.key): documented 4xx \(documented.sorted()) vs provoked \(sampled.sorted())")
        }
        let known = Set(spec.operations.map(\.key))
        for sample in OpenAPISamples.errors where !known.contains(sample.operation) {
            Issue.record("error sample for \(sample.operation), which the spec does not document")
        }
    }

    @Test("endpoints outside /api/ are not rate-limited, as documented")
    func serviceEndpointsAreNotRateLimited() async throws {
        let spec = try OpenAPISpec.load()
        let server = try OpenAPITestServer(rateLimit: 1)
        let service = spec.operations.filter { !$0.path.hasPrefix("/api/") }
        #expect(!service.isEmpty)
        let steps = [ServerStep.request(OpenAPISampleRequest(method: .get, uri: "/api/v1/categories")),
                     .request(OpenAPISampleRequest(method: .get, uri: "/api/v1/categories"))]
            + service.flatMap { OpenAPISamples.success[$0.key, default: []].map(ServerStep.request) }
        let responses = try await server.run(steps)
        #expect(responses[1].status == .tooManyRequests, "the second /api/ request should be limited")
        for response in responses.dropFirst(2) {
            #expect(response.status == .ok, "service endpoint limited: \(response.status.code) \(response.bodyString.prefix(200))")
        }
    }

    // MARK: Serving the document

    @Test("GET /openapi.yaml serves exactly the resource file")
    func servesTheResourceFile() async throws {
        let file = try Data(contentsOf: OpenAPISpec.fileURL)
        #expect(!file.isEmpty)
        let server = try OpenAPITestServer()
        let response = try #require(try await server.responses(to: [OpenAPISampleRequest(method: .get, uri: "/openapi.yaml")]).first)
        #expect(response.status == .ok)
        #expect(Data(buffer: response.body) == file, "served \(response.body.readableBytes) bytes, the file has \(file.count)")
        #expect(response.contentMediaType == "application/yaml")
    }
}

// MARK: - Requests

/// One request to send (Sendable, so it can cross into the test client's closure).
struct OpenAPISampleRequest: Sendable, CustomStringConvertible {
    var method: HTTPRequest.Method
    var uri: String
    var headers: HTTPFields = [:]
    var body: ByteBuffer?

    static func json(_ uri: String, _ text: String, method: HTTPRequest.Method = .post) -> OpenAPISampleRequest {
        OpenAPISampleRequest(method: method, uri: uri, headers: [.contentType: "application/json"], body: ByteBuffer(string: text))
    }

    /// An admin request with the test server's token.
    static func admin(_ uri: String, method: HTTPRequest.Method = .get, body: String? = nil,
                      token: String = OpenAPISamples.adminToken) -> OpenAPISampleRequest {
        var headers: HTTPFields = [.authorization: "Bearer \(token)"]
        if body != nil { headers[.contentType] = "application/json" }
        return OpenAPISampleRequest(method: method, uri: uri, headers: headers, body: body.map { ByteBuffer(string: $0) })
    }

    var description: String { "\(method.rawValue) \(uri.prefix(80))" }
}

/// A request that must produce a documented error.
struct OpenAPIErrorSample: Sendable, CustomTestStringConvertible {
    /// "METHOD /path/template" as in the spec.
    var operation: String
    var status: Int
    var request: OpenAPISampleRequest
    var code: String
    /// The names in `error.fields`, or nil when the body has no `fields`.
    var fields: Set<String>?
    var why: String

    var testDescription: String { "\(status) \(operation): \(why)" }
}

fileprivate struct RouteProbe {
    var path: String
    var method: String
    var request: OpenAPISampleRequest
}

enum OpenAPISamples {
    /// Requests that must succeed, per documented operation. Together they show every documented property.
    static let success: [String: [OpenAPISampleRequest]] = [
        "GET /api/v1/search": [
            OpenAPISampleRequest(method: .get, uri: "/api/v1/search?q=kundennummer"),
            OpenAPISampleRequest(method: .get, uri: "/api/v1/search?q=Passwort%20vergessen&limit=3&lang=de&category=Konto%20%26%20Anmeldung"),
            OpenAPISampleRequest(method: .get, uri: "/api/v1/search?q=invoice&lang=EN&limit=50"),
            OpenAPISampleRequest(method: .get, uri: "/api/v1/search?q=&category=Konto%20%26%20Anmeldung&limit=50"),
        ],
        "POST /api/v1/suggest": [
            .json("/api/v1/suggest", #"{"subject":"Kundennummer","description":"Hallo, wo finde ich meine Kundennummer? Danke","lang":"de","limit":5,"session":"a1b2"}"#),
            .json("/api/v1/suggest", #"{"description":"Ich habe mein Passwort vergessen und der Link ist abgelaufen."}"#),
        ],
        "GET /api/v1/articles/{id}": [
            OpenAPISampleRequest(method: .get, uri: "/api/v1/articles/kundennummer"),
            OpenAPISampleRequest(method: .get, uri: "/api/v1/articles/postfach-einrichten"),
        ],
        "GET /api/v1/categories": [OpenAPISampleRequest(method: .get, uri: "/api/v1/categories"),
                                   OpenAPISampleRequest(method: .get, uri: "/api/v1/categories?lang=EN")],
        "GET /healthz": [OpenAPISampleRequest(method: .get, uri: "/healthz")],
        "GET /metrics": [OpenAPISampleRequest(method: .get, uri: "/metrics")],
        "GET /openapi.yaml": [OpenAPISampleRequest(method: .get, uri: "/openapi.yaml")],
        "GET /": [OpenAPISampleRequest(method: .get, uri: "/")],
        "GET /portal/{file}": [OpenAPISampleRequest(method: .get, uri: "/portal/portal.js"),
                               OpenAPISampleRequest(method: .get, uri: "/portal/portal.css")],
        "GET /api/v1/ticket-form": [OpenAPISampleRequest(method: .get, uri: "/api/v1/ticket-form")],
        "POST /api/v1/tickets": [
            .json("/api/v1/tickets", #"{"email":"jürgen.müller@beispiel.de","name":"Jürgen Müller","company":"Bäckerei Groß","subject":"Rechnung fehlt","description":"Die Rechnung für März fehlt.","consent":true,"customerNumber":"K-1","category":"Rechnungen","urgent":true,"session":"a1b2","customFields":{"serverName":"de-01-srv-1234"}}"#),
            OpenAPISampleRequest(method: .post, uri: "/api/v1/tickets",
                                 headers: [.contentType: "multipart/form-data; boundary=grenze", HTTPField.Name("Idempotency-Key")!: "k-1"],
                                 body: ByteBuffer(string: ["email=anna@beispiel.de", "name=Anna Groß", "subject=Login", "description=Geht nicht.", "consent=on"]
                                    .map { pair in
                                        let parts = pair.split(separator: "=", maxSplits: 1)
                                        return "--grenze\r\nContent-Disposition: form-data; name=\"\(parts[0])\"\r\n\r\n\(parts[1])\r\n"
                                    }.joined() + "--grenze\r\nContent-Disposition: form-data; name=\"attachments\"; filename=\"log.txt\"\r\n\r\nFehler\r\n--grenze--\r\n")),
        ],
        "POST /api/v1/deflections": [.json("/api/v1/deflections", #"{"session":"a1b2","articleId":"kundennummer","subject":"Kundennummer","description":"Wo?"}"#)],
        "POST /api/v1/articles/{id}/feedback": [.json("/api/v1/articles/kundennummer/feedback", #"{"helpful":true,"session":"a1b2"}"#)],
        "GET /api/v1/admin/tickets": [.admin("/api/v1/admin/tickets"), .admin("/api/v1/admin/tickets?status=open&page=1")],
        "DELETE /api/v1/admin/tickets": [.admin("/api/v1/admin/tickets?email=niemand%40beispiel.de", method: .delete)],
        "PATCH /api/v1/admin/tickets/{id}": [.admin("/api/v1/admin/tickets/LT-000001", method: .patch, body: #"{"status":"in_progress"}"#)],
        "GET /api/v1/admin/stats": [.admin("/api/v1/admin/stats?since=30d"), .admin("/api/v1/admin/stats")],
        "GET /api/v1/admin/tickets/{id}/attachments/{number}": [.admin("/api/v1/admin/tickets/LT-000001/attachments/1")],
    ]

    static let adminToken = "openapi-test-token"

    /// Values for path parameters.
    static let pathValues = ["id": "kundennummer", "file": "portal.js"]

    static let unknownPaths = ["/portal", "/portal/", "/index.html", "/api", "/api/v1", "/api/v1/articles", "/api/v1/search/extra", "/api/v2/search", "/openapi.json", "/health"]

    /// A request for `path` (a template) with `method`: the success sample for documented operations, else a bare request.
    static func request(for path: String, method: String) -> OpenAPISampleRequest {
        if let sample = success["\(method) \(path)"]?.first { return sample }
        if method == "HEAD", var get = success["GET \(path)"]?.first {
            get.method = .head
            return get
        }
        var uri = path
        for (name, value) in pathValues { uri = uri.replacingOccurrences(of: "{\(name)}", with: value) }
        var request = OpenAPISampleRequest(method: HTTPRequest.Method(method)!, uri: uri)
        if ["POST", "PUT", "PATCH"].contains(method) {
            request.headers[.contentType] = "application/json"
            request.body = ByteBuffer(string: "{}")
        }
        return request
    }

    static let maximumBodyBytes = ServerConfiguration().maximumBodyBytes

    static let errors: [OpenAPIErrorSample] = {
        let search = "GET /api/v1/search", suggest = "POST /api/v1/suggest", article = "GET /api/v1/articles/{id}"
        func get(_ uri: String) -> OpenAPISampleRequest { OpenAPISampleRequest(method: .get, uri: uri) }
        var samples: [OpenAPIErrorSample] = [
            OpenAPIErrorSample(operation: search, status: 400, request: get("/api/v1/search"), code: "invalid_parameter", fields: ["q"], why: "q missing"),
            OpenAPIErrorSample(operation: search, status: 400, request: get("/api/v1/search?limit=5"), code: "invalid_parameter", fields: ["q"], why: "q missing, other parameters present"),
            OpenAPIErrorSample(operation: search, status: 400, request: get("/api/v1/search?q=" + String(repeating: "a", count: 2001)),
                        code: "invalid_parameter", fields: ["q"], why: "q longer than 2000 characters"),
            OpenAPIErrorSample(operation: search, status: 400, request: get("/api/v1/search?q=rechnung&limit=0"), code: "invalid_parameter", fields: ["limit"], why: "limit 0"),
            OpenAPIErrorSample(operation: search, status: 400, request: get("/api/v1/search?q=rechnung&limit=51"), code: "invalid_parameter", fields: ["limit"], why: "limit 51"),
            OpenAPIErrorSample(operation: search, status: 400, request: get("/api/v1/search?q=rechnung&limit=zwei"), code: "invalid_parameter", fields: ["limit"], why: "limit not a number"),
            OpenAPIErrorSample(operation: search, status: 400, request: get("/api/v1/search?q=rechnung&lang=it"), code: "invalid_parameter", fields: ["lang"], why: "unknown lang"),

            OpenAPIErrorSample(operation: suggest, status: 400, request: .json("/api/v1/suggest", #"{"subject": "Rechnung""#), code: "invalid_json", fields: nil, why: "truncated JSON"),
            OpenAPIErrorSample(operation: suggest, status: 400, request: .json("/api/v1/suggest", ""), code: "invalid_json", fields: nil, why: "empty body"),
            OpenAPIErrorSample(operation: suggest, status: 413,
                        request: .json("/api/v1/suggest", #"{"subject":""# + String(repeating: "x", count: maximumBodyBytes) + #""}"#),
                        code: "body_too_large", fields: nil, why: "body over the 64 KiB limit"),
            OpenAPIErrorSample(operation: suggest, status: 415,
                        request: OpenAPISampleRequest(method: .post, uri: "/api/v1/suggest", headers: [.contentType: "text/plain"], body: ByteBuffer(string: #"{"subject":"Rechnung"}"#)),
                        code: "unsupported_media_type", fields: nil, why: "text/plain body"),
            OpenAPIErrorSample(operation: suggest, status: 415,
                        request: OpenAPISampleRequest(method: .post, uri: "/api/v1/suggest", body: ByteBuffer(string: #"{"subject":"Rechnung"}"#)),
                        code: "unsupported_media_type", fields: nil, why: "no Content-Type"),
            OpenAPIErrorSample(operation: suggest, status: 422, request: .json("/api/v1/suggest", #"{"subject": 42}"#), code: "invalid_fields", fields: ["subject"], why: "subject is a number"),
            OpenAPIErrorSample(operation: suggest, status: 422, request: .json("/api/v1/suggest", #"{"subject": "Rechnung", "limit": "5"}"#), code: "invalid_fields", fields: ["limit"], why: "limit is a string"),
            OpenAPIErrorSample(operation: suggest, status: 422, request: .json("/api/v1/suggest", #"{"subject": "Rechnung", "limit": 0}"#), code: "invalid_fields", fields: ["limit"], why: "limit 0"),
            OpenAPIErrorSample(operation: suggest, status: 422, request: .json("/api/v1/suggest", #"{"subject": "Rechnung", "limit": 51}"#), code: "invalid_fields", fields: ["limit"], why: "limit 51"),
            OpenAPIErrorSample(operation: suggest, status: 422, request: .json("/api/v1/suggest", #"{"subject": "Rechnung", "lang": "it"}"#), code: "invalid_fields", fields: ["lang"], why: "unknown lang"),
            OpenAPIErrorSample(operation: suggest, status: 422, request: .json("/api/v1/suggest", #"{"subject": "  ", "description": "\n"}"#), code: "invalid_fields", fields: ["subject"], why: "subject and description blank"),
            OpenAPIErrorSample(operation: suggest, status: 422, request: .json("/api/v1/suggest", #"{"limit": 0, "lang": "xx"}"#), code: "invalid_fields", fields: ["subject", "limit", "lang"], why: "several invalid fields at once"),
            OpenAPIErrorSample(operation: suggest, status: 422, request: .json("/api/v1/suggest", #"{"subject": "Rechnung", "session": ""# + String(repeating: "s", count: 129) + #""}"#),
                        code: "invalid_fields", fields: ["session"], why: "session longer than 128 characters"),
            OpenAPIErrorSample(operation: suggest, status: 422, request: .json("/api/v1/suggest", #"{"description": ""# + String(repeating: "d", count: 20_001) + #""}"#),
                        code: "invalid_fields", fields: ["description"], why: "description longer than 20000 characters"),
            OpenAPIErrorSample(operation: suggest, status: 400, request: .json("/api/v1/suggest", #"["Rechnung"]"#), code: "invalid_json", fields: nil, why: "body is an array, not an object"),

            OpenAPIErrorSample(operation: article, status: 404, request: get("/api/v1/articles/gibt-es-nicht"), code: "not_found", fields: nil, why: "unknown id"),
            OpenAPIErrorSample(operation: "GET /api/v1/categories", status: 400, request: get("/api/v1/categories?lang=it"),
                               code: "invalid_parameter", fields: ["lang"], why: "unknown lang"),
            OpenAPIErrorSample(operation: search, status: 400, request: get("/api/v1/search?q=rechnung&session=" + String(repeating: "s", count: 129)),
                               code: "invalid_parameter", fields: ["session"], why: "session longer than 128 characters"),
            OpenAPIErrorSample(operation: article, status: 404, request: get("/api/v1/articles/" + String(repeating: "k", count: 201)), code: "not_found", fields: nil, why: "id longer than 200 characters"),

            OpenAPIErrorSample(operation: "GET /portal/{file}", status: 404, request: get("/portal/gibt-es-nicht.js"), code: "not_found", fields: nil, why: "unknown file"),
            OpenAPIErrorSample(operation: "GET /portal/{file}", status: 404, request: get("/portal/..%2FPackage.swift"), code: "not_found", fields: nil, why: "path outside the folder"),
        ]
        samples += ticketErrors
        // 405 on every documented path (DELETE is taken by none; POST where the path takes GET, GET where it takes POST).
        let operations: [(operation: String, uri: String, others: [HTTPRequest.Method])] = [
            (search, "/api/v1/search?q=rechnung", [.delete, .post, .put, .patch]),
            (suggest, "/api/v1/suggest", [.delete, .get]),
            (article, "/api/v1/articles/kundennummer", [.delete, .put]),
            ("GET /api/v1/categories", "/api/v1/categories", [.delete]),
            ("GET /healthz", "/healthz", [.delete, .post]),
            ("GET /metrics", "/metrics", [.delete]),
            ("GET /openapi.yaml", "/openapi.yaml", [.delete]),
            ("GET /", "/", [.delete, .post]),
            ("GET /portal/{file}", "/portal/portal.js", [.delete, .put]),
            ("GET /api/v1/ticket-form", "/api/v1/ticket-form", [.delete, .post]),
            ("POST /api/v1/tickets", "/api/v1/tickets", [.get, .delete]),
            ("POST /api/v1/deflections", "/api/v1/deflections", [.get, .put]),
            ("POST /api/v1/articles/{id}/feedback", "/api/v1/articles/kundennummer/feedback", [.get, .delete]),
            ("GET /api/v1/admin/tickets", "/api/v1/admin/tickets", [.post, .patch]),
            ("DELETE /api/v1/admin/tickets", "/api/v1/admin/tickets", [.put]),
            ("PATCH /api/v1/admin/tickets/{id}", "/api/v1/admin/tickets/LT-000001", [.get, .delete, .post]),
            ("GET /api/v1/admin/stats", "/api/v1/admin/stats", [.delete, .post]),
            ("GET /api/v1/admin/tickets/{id}/attachments/{number}", "/api/v1/admin/tickets/LT-000001/attachments/1", [.delete, .post]),
        ]
        for (operation, uri, methods) in operations {
            for method in methods {
                samples.append(OpenAPIErrorSample(operation: operation, status: 405, request: OpenAPISampleRequest(method: method, uri: uri),
                                           code: "method_not_allowed", fields: nil, why: "\(method.rawValue) \(uri)"))
            }
        }
        // 429 once the client's budget (1 request, spent first) is used up.
        for (operation, request) in [(search, get("/api/v1/search?q=rechnung")),
                                     (suggest, OpenAPISampleRequest.json("/api/v1/suggest", #"{"subject":"Rechnung"}"#)),
                                     (article, get("/api/v1/articles/kundennummer")),
                                     ("GET /api/v1/categories", get("/api/v1/categories")),
                                     ("GET /api/v1/ticket-form", get("/api/v1/ticket-form")),
                                     ("POST /api/v1/tickets", OpenAPISampleRequest.json("/api/v1/tickets", "{}")),
                                     ("POST /api/v1/deflections", OpenAPISampleRequest.json("/api/v1/deflections", "{}")),
                                     ("POST /api/v1/articles/{id}/feedback", OpenAPISampleRequest.json("/api/v1/articles/kundennummer/feedback", "{}")),
                                     ("GET /api/v1/admin/tickets", .admin("/api/v1/admin/tickets")),
                                     ("DELETE /api/v1/admin/tickets", .admin("/api/v1/admin/tickets?email=a%40b.de", method: .delete)),
                                     ("PATCH /api/v1/admin/tickets/{id}", .admin("/api/v1/admin/tickets/LT-000001", method: .patch, body: "{}")),
                                     ("GET /api/v1/admin/stats", .admin("/api/v1/admin/stats")),
                                     ("GET /api/v1/admin/tickets/{id}/attachments/{number}", .admin("/api/v1/admin/tickets/LT-000001/attachments/1"))] {
            samples.append(OpenAPIErrorSample(operation: operation, status: 429, request: request, code: "rate_limited", fields: nil, why: "over the rate limit"))
        }
        return samples
    }()
}

// MARK: - Test server

fileprivate enum ServerStep: Sendable {
    case request(OpenAPISampleRequest)
    /// Renames a file that is not an index over the index path and waits for the reload service to notice.
    case corruptIndex
}

/// A server over the fixture articles (three German Markdown articles, one English, one HTML page) in a
/// temporary directory, built on start.
fileprivate struct OpenAPITestServer: Sendable {
    let directory: TemporaryDirectory
    let configuration: ServerConfiguration

    init(rateLimit: Int = 1_000_000) throws {
        directory = try TemporaryDirectory(prefix: "lotse-openapi")
        for (name, text) in ArticleFixtures.markdownSet { try directory.write(text, to: "articles/\(name)") }
        try directory.write(ArticleFixtures.invoiceEnglish, to: "articles/invoice.md")
        try directory.write(ArticleFixtures.speicherplatzPage, to: "articles/speicherplatz-erweitern.html")
        var configuration = ServerConfiguration()
        configuration.buildIndexOnStart = true
        configuration.articlesDirectory = directory.path("articles")
        configuration.indexPath = directory.path("index/index.sqlite")
        configuration.dataPath = directory.path("data.sqlite")
        configuration.rateLimit = rateLimit
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
            QueryLogEntry(endpoint: "suggest", query: "Kundennummer", resultCount: 1, session: "s", articleIDs: ["kundennummer"], time: Date()),
        ])
        _ = try await store.createTicket(NewTicket(
            email: "jürgen.müller@beispiel.de", name: "Jürgen Müller", company: "Bäckerei Groß", subject: "Rechnung fehlt",
            description: "Die Rechnung für März fehlt.", customerNumber: "K-1", category: "Rechnungen", urgent: true, session: "s",
            customFields: ["serverName": "de-01-srv-1234"],
            attachments: [AttachmentRecord(name: "log.txt", size: 6, type: "text/plain", storedName: Self.seededAttachment)], verified: true),
            idempotencyKey: nil, forward: false, at: Date())
        _ = try directory.write("Fehler", to: "attachments/\(Self.seededAttachment)")
        _ = try await store.recordDeflection(DeflectionRecord(session: "t", articleID: "kundennummer", time: Date()))
        try await store.recordFeedback(FeedbackRecord(articleID: "kundennummer", helpful: true, session: nil, time: Date()))
        try await store.recordFeedback(FeedbackRecord(articleID: "kundennummer", helpful: false, session: nil, time: Date()))
    }

    func responses(to requests: [OpenAPISampleRequest]) async throws -> [TestResponse] {
        try await run(requests.map(ServerStep.request))
    }

    /// Runs the steps in order against one application; one response per `.request`.
    func run(_ steps: [ServerStep]) async throws -> [TestResponse] {
        try await seed()
        let app = try await buildApplication(configuration: configuration)
        let indexPath = configuration.indexPath
        let scratch = directory.path("broken-index.sqlite")
        return try await app.test(.router) { client in
            var responses: [TestResponse] = []
            for step in steps {
                switch step {
                case .request(let request):
                    responses.append(try await client.execute(uri: request.uri, method: request.method, headers: request.headers, body: request.body))
                case .corruptIndex:
                    try Data("this is not an SQLite database".utf8).write(to: URL(fileURLWithPath: scratch))
                    guard rename(scratch, indexPath) == 0 else { throw OpenAPISpec.SpecError("could not replace \(indexPath)") }
                    try await Task.sleep(for: .milliseconds(300))
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

fileprivate struct RegisteredRoute: Hashable, Sendable {
    var path: String
    var method: String
    var key: String { "\(method) \(path)" }
}

// MARK: - Responses

fileprivate extension TestResponse {
    /// The Content-Type without parameters, lowercased.
    var contentMediaType: String {
        (headers[.contentType] ?? "").split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() } ?? ""
    }

    var bodyString: String { String(buffer: body) }
}

/// `{"error": {"code", "message", "fields"?}}` of an error response.
fileprivate struct ErrorBody {
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

/// A JSON value that keeps the JSON types apart (a number is never a Bool).
fileprivate indirect enum JSONValue: Decodable, Equatable, CustomStringConvertible {
    case null
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() { self = .null }
        else if let value = try? container.decode(Bool.self) { self = .bool(value) }
        else if let value = try? container.decode(Int.self) { self = .int(value) }
        else if let value = try? container.decode(Double.self) { self = .double(value) }
        else if let value = try? container.decode(String.self) { self = .string(value) }
        else if let value = try? container.decode([JSONValue].self) { self = .array(value) }
        else { self = .object(try container.decode([String: JSONValue].self)) }
    }

    init?(_ response: TestResponse) {
        guard let value = try? JSONDecoder().decode(JSONValue.self, from: Data(buffer: response.body)) else { return nil }
        self = value
    }

    /// A value parsed by Yams (examples in the spec).
    init(yaml value: Any) {
        switch value {
        case let value as Bool: self = .bool(value)
        case let value as Int: self = .int(value)
        case let value as Double: self = .double(value)
        case let value as String: self = .string(value)
        case let value as [Any]: self = .array(value.map(JSONValue.init(yaml:)))
        case let value as [String: Any]: self = .object(value.mapValues(JSONValue.init(yaml:)))
        default: self = .null
        }
    }

    subscript(key: String) -> JSONValue? {
        if case .object(let object) = self { object[key] } else { nil }
    }

    var typeName: String {
        switch self {
        case .null: "null"
        case .bool: "boolean"
        case .int: "integer"
        case .double: "number"
        case .string: "string"
        case .array: "array"
        case .object: "object"
        }
    }

    var number: Double? {
        switch self {
        case .int(let value): Double(value)
        case .double(let value): value
        default: nil
        }
    }

    var description: String {
        switch self {
        case .null: "null"
        case .bool(let value): "\(value)"
        case .int(let value): "\(value)"
        case .double(let value): "\(value)"
        case .string(let value): "\"\(value.prefix(60))\""
        case .array(let values): "[\(values.count) items]"
        case .object(let object): "{\(object.keys.sorted().joined(separator: ", "))}"
        }
    }
}

// MARK: - The spec

/// The OpenAPI file in the source tree, parsed with Yams (mappings as `[String: Any]`).
fileprivate struct OpenAPISpec {
    /// `Sources/LotseServer/Resources/openapi.yaml`, found from this file's place in `Tests/LotseServerTests/`.
    static let fileURL = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Sources/LotseServer/Resources/openapi.yaml")

    static let methods = ["get", "put", "post", "delete", "options", "head", "patch", "trace"]

    struct Operation {
        var path: String
        var method: String
        var object: [String: Any]
        var pathItem: [String: Any]
        var key: String { "\(method.uppercased()) \(path)" }
    }

    let root: [String: Any]
    let operations: [Operation]

    static func load() throws -> OpenAPISpec {
        let text = try String(contentsOf: fileURL, encoding: .utf8)
        guard let root = plain(try Yams.load(yaml: text) as Any) as? [String: Any] else {
            throw SpecError("\(fileURL.path) is not a YAML mapping")
        }
        return OpenAPISpec(root: root)
    }

    init(root: [String: Any]) {
        self.root = root
        var operations: [Operation] = []
        for (path, item) in (root["paths"] as? [String: Any] ?? [:]).sorted(by: { $0.key < $1.key }) {
            guard let item = item as? [String: Any] else { continue }
            for method in Self.methods {
                if let object = item[method] as? [String: Any] {
                    operations.append(Operation(path: path, method: method, object: object, pathItem: item))
                }
            }
        }
        self.operations = operations
    }

    struct SpecError: Error, CustomStringConvertible {
        var description: String
        init(_ description: String) { self.description = description }
    }

    /// Yams' `[AnyHashable: Any]` mappings as `[String: Any]`, recursively.
    static func plain(_ value: Any) -> Any {
        if let mapping = value as? [AnyHashable: Any] {
            var result: [String: Any] = [:]
            for (key, value) in mapping { result["\(key.base)"] = plain(value) }
            return result
        }
        if let sequence = value as? [Any] { return sequence.map(plain) }
        return value
    }

    static func templateNames(in path: String) -> [String] {
        path.split(separator: "/").compactMap { part in
            part.hasPrefix("{") && part.hasSuffix("}") ? String(part.dropFirst().dropLast()) : nil
        }
    }

    /// The object a local `$ref` ("#/components/…") points to.
    func lookup(_ reference: String) -> [String: Any]? {
        guard reference.hasPrefix("#/") else { return nil }
        var node: Any = root
        for part in reference.dropFirst(2).split(separator: "/") {
            let key = part.replacingOccurrences(of: "~1", with: "/").replacingOccurrences(of: "~0", with: "~")
            guard let next = (node as? [String: Any])?[key] else { return nil }
            node = next
        }
        return node as? [String: Any]
    }

    /// `object`, or what its `$ref` points to (followed repeatedly).
    func resolve(_ object: [String: Any]) -> [String: Any] {
        var object = object
        var hops = 0
        while let reference = object["$ref"] as? String, let target = lookup(reference), hops < 16 {
            object = target
            hops += 1
        }
        return object
    }

    func allReferences() -> [String] {
        var references: [String] = []
        func walk(_ node: Any) {
            if let object = node as? [String: Any] {
                if let reference = object["$ref"] as? String { references.append(reference) }
                object.values.forEach(walk)
            } else if let list = node as? [Any] {
                list.forEach(walk)
            }
        }
        walk(root)
        return references
    }

    func parameters(of operation: Operation) -> [[String: Any]] {
        ((operation.pathItem["parameters"] as? [Any] ?? []) + (operation.object["parameters"] as? [Any] ?? []))
            .compactMap { ($0 as? [String: Any]).map(resolve) }
    }

    /// The documented success status: "200", or "201" for operations that create something.
    func successStatus(of operation: Operation) -> String? {
        let responses = responses(of: operation)
        return ["200", "201"].first { responses[$0] != nil }
    }

    /// Responses by status ("200", "405", …), resolved.
    func responses(of operation: Operation) -> [String: [String: Any]] {
        (operation.object["responses"] as? [String: Any] ?? [:]).compactMapValues { ($0 as? [String: Any]).map(resolve) }
    }

    func headerNames(of response: [String: Any]?) -> Set<String> {
        Set((response?["headers"] as? [String: Any] ?? [:]).keys)
    }

    /// Every example with the schema it must satisfy: media types (`example`, `examples`), parameters and
    /// headers (`example`), and schemas (`examples`).
    func examples() -> [(location: String, example: Any, schema: [String: Any])] {
        var found: [(String, Any, [String: Any])] = []
        func collect(_ node: Any, at location: String) {
            if let object = node as? [String: Any] {
                if let schema = object["schema"] as? [String: Any] {
                    if let example = object["example"] { found.append((location, example, schema)) }
                    for (name, example) in object["examples"] as? [String: Any] ?? [:] {
                        if let value = (example as? [String: Any])?["value"] { found.append(("\(location)/examples/\(name)", value, schema)) }
                    }
                }
                if object["type"] != nil || object["$ref"] != nil, let examples = object["examples"] as? [Any] {
                    for example in examples { found.append((location, example, object)) }
                }
                for (key, value) in object { collect(value, at: "\(location)/\(key)") }
            } else if let list = node as? [Any] {
                for (index, value) in list.enumerated() { collect(value, at: "\(location)/\(index)") }
            }
        }
        collect(root, at: "#")
        return found
    }
}

/// Checks a JSON value against a schema of the spec (the keywords the spec uses). Strict about objects:
/// a key that is neither a documented property nor allowed by `additionalProperties` is a problem.
/// Remembers which properties of each named schema appeared.
fileprivate final class SchemaValidator {
    let spec: OpenAPISpec
    private(set) var seenSchemas: Set<String> = []
    private var seenProperties: [String: Set<String>] = [:]
    private var documentedProperties: [String: Set<String>] = [:]

    init(spec: OpenAPISpec) {
        self.spec = spec
    }

    /// Documented properties of each named schema that never appeared in a checked value.
    func unseenProperties() -> [String: Set<String>] {
        documentedProperties.mapValues { $0 }.reduce(into: [:]) { result, entry in
            result[entry.key] = entry.value.subtracting(seenProperties[entry.key] ?? [])
        }
    }

    func problems(_ value: JSONValue, _ schema: [String: Any], at path: String) -> [String] {
        var schema = schema
        var name: String?
        while let reference = schema["$ref"] as? String {
            guard let target = spec.lookup(reference) else { return ["\(path): unresolved $ref \(reference)"] }
            name = reference.split(separator: "/").last.map(String.init)
            schema = target
        }
        var problems: [String] = []
        let types: [String] = (schema["type"] as? String).map { [$0] } ?? (schema["type"] as? [String] ?? [])
        if !types.isEmpty {
            let matches = types.contains { type in
                switch (type, value) {
                case ("null", .null), ("boolean", .bool), ("integer", .int), ("number", .int), ("number", .double),
                     ("string", .string), ("array", .array), ("object", .object): true
                default: false
                }
            }
            if !matches { return ["\(path): \(value.typeName) \(value) where the spec says \(types.joined(separator: "|"))"] }
        }
        if let allowed = schema["enum"] as? [Any], !allowed.map(JSONValue.init(yaml:)).contains(value) {
            problems.append("\(path): \(value) is not one of the documented values")
        }
        if let number = value.number {
            if let minimum = (schema["minimum"] as? Int).map(Double.init) ?? schema["minimum"] as? Double, number < minimum {
                problems.append("\(path): \(number) < minimum \(minimum)")
            }
            if let maximum = (schema["maximum"] as? Int).map(Double.init) ?? schema["maximum"] as? Double, number > maximum {
                problems.append("\(path): \(number) > maximum \(maximum)")
            }
        }
        if case .string(let text) = value {
            if let maximum = schema["maxLength"] as? Int, text.unicodeScalars.count > maximum { problems.append("\(path): longer than \(maximum)") }
            if let minimum = schema["minLength"] as? Int, text.unicodeScalars.count < minimum { problems.append("\(path): shorter than \(minimum)") }
        }
        if case .array(let items) = value, let itemSchema = schema["items"] as? [String: Any] {
            for (index, item) in items.enumerated() { problems += self.problems(item, itemSchema, at: "\(path)[\(index)]") }
        }
        if case .object(let object) = value {
            let properties = schema["properties"] as? [String: Any] ?? [:]
            if let name {
                seenSchemas.insert(name)
                documentedProperties[name] = Set(properties.keys)
                seenProperties[name, default: []].formUnion(object.keys)
            }
            for required in schema["required"] as? [String] ?? [] where object[required] == nil {
                problems.append("\(path): required property \(required) is missing")
            }
            for (key, member) in object.sorted(by: { $0.key < $1.key }) {
                if let propertySchema = properties[key] as? [String: Any] {
                    problems += self.problems(member, propertySchema, at: "\(path).\(key)")
                } else if let additional = schema["additionalProperties"] as? [String: Any] {
                    problems += self.problems(member, additional, at: "\(path).\(key)")
                } else if schema["additionalProperties"] as? Bool != true {
                    problems.append("\(path): property \(key) is not documented")
                }
            }
        }
        return problems
    }
}
