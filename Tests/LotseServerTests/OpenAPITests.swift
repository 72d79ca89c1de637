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

/// Keeps `Sources/LotseServer/Resources/openapi.yaml` true where schemathesis (`make system-test`) cannot look:
/// schemathesis checks the answers to the requests it generates against the spec, but not that every registered
/// route is documented, that every documented error status can be provoked (with its `code` and headers), that
/// every documented property is ever sent, that the examples match their schemas, or what `GET /openapi.yaml`
/// serves. The pieces: `OpenAPISamples` (requests), `OpenAPITestServer`, `OpenAPISchema` (spec and validator).
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

        // The shared Error schema: {"error": {"code", "message", "fields"?: {String: String}, "details"?: [FieldError]}}.
        let error = try #require(spec.lookup("#/components/schemas/Error"))
        #expect(error["type"] as? String == "object")
        #expect(Set(error["required"] as? [String] ?? []) == ["error"])
        #expect(Set((error["properties"] as? [String: Any] ?? [:]).keys) == ["error"])
        let detail = try #require((error["properties"] as? [String: Any])?["error"] as? [String: Any])
        #expect(detail["type"] as? String == "object")
        #expect(Set(detail["required"] as? [String] ?? []) == ["code", "message"])
        let detailProperties = detail["properties"] as? [String: Any] ?? [:]
        #expect(Set(detailProperties.keys) == ["code", "message", "fields", "details"])
        let details = detailProperties["details"] as? [String: Any]
        #expect(details?["type"] as? String == "array")
        #expect((details?["items"] as? [String: Any])?["$ref"] as? String == "#/components/schemas/FieldError")
        let fieldError = try #require(spec.lookup("#/components/schemas/FieldError"))
        #expect(Set(fieldError["required"] as? [String] ?? []) == ["field", "code", "message"])
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
            // One success status: 200, 201 for operations that create something, 303 for the help pages' form.
            #expect(responses.keys.filter { $0.hasPrefix("2") || $0 == "303" }.count == 1 && spec.successStatus(of: operation) != nil,
                    "\(key): exactly one success response, 200, 201 or 303")
            for (status, response) in responses {
                #expect(response["description"] is String, "\(key) \(status): no description")
                guard let code = Int(status), code >= 400 else { continue }
                // Only the help pages' 404 is a page for people.
                let html = (response["content"] as? [String: Any])?["text/html"] != nil
                if code == 404, operation.path.hasPrefix("/hilfe"), html { continue }
                // Every error response uses the shared Error schema as JSON.
                let schema = ((response["content"] as? [String: Any])?["application/json"] as? [String: Any])?["schema"] as? [String: Any]
                #expect(
                    schema?["$ref"] as? String == "#/components/schemas/Error", "\(key) \(status): must be application/json with $ref Error"
                )
            }
            // 405 (with Allow) on every operation; 429 (with Retry-After) on every rate-limited one (/api/, any POST, the
            // search page /hilfe?q=).
            #expect(spec.headerNames(of: responses["405"]).contains("Allow"), "\(key): 405 with an Allow header")
            if operation.path.hasPrefix("/api/") || operation.method == "post" || key == OpenAPISamples.start {
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
            probes.append(
                RouteProbe(path: route.path, method: route.method, request: OpenAPISamples.request(for: route.path, method: route.method)))
        }
        for key in documented.subtracting(registered.map(\.key)).sorted() {
            Issue.record("\(key) is documented but not registered")
            let parts = key.split(separator: " ", maxSplits: 1).map(String.init)
            probes.append(RouteProbe(path: parts[1], method: parts[0], request: OpenAPISamples.request(for: parts[1], method: parts[0])))
        }
        // Known paths with the other methods, and paths nobody registered.
        for path in specPaths.sorted() {
            for method in ["GET", "POST", "PUT", "PATCH", "DELETE"] where !registered.contains(RegisteredRoute(path: path, method: method))
            {
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
                #expect(
                    status == expected,
                    "\(key): the sample request should succeed with \(expected), got \(status): \(response.bodyString.prefix(300))")
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
            if success == "303" {
                #expect(response.headers[.location] != nil, "\(key): 303 without Location")
                continue
            }
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
                #expect(
                    Set(object.keys).isSubset(of: Set(properties.keys)),
                    "\(key): undocumented keys \(Set(object.keys).subtracting(properties.keys).sorted())")
                #expect(
                    required.isSubset(of: Set(object.keys)), "\(key): missing required keys \(required.subtracting(object.keys).sorted())")
            }
        }
        // Each documented property of each response schema appeared in some response (no phantom fields).
        for (schema, unseen) in validator.unseenProperties() {
            #expect(unseen.isEmpty, "schema \(schema): documented properties never seen in a response: \(unseen.sorted())")
        }
        #expect(validator.seenSchemas.isSuperset(of: ["SearchResults", "SearchResult", "ArticleDetail", "Categories", "Category", "Health",
                "TicketForm", "CustomField", "TicketCreated", "TicketQueue", "Ticket", "TicketAttachment",
                                                      "Statistics", "ArticleCount", "ArticleVotes", "QueryCount", "ArticleReference",
                                                      "DeflectionSeries", "FunnelBucket", "FunnelTotals", "ArticleStatistics",
                                                      "ArticleFunnel", "ArticleLink"]),
                "response schemas checked: \(validator.seenSchemas.sorted())")
        let health = labelled.last.map { JSONValue($0.1) } ?? nil
        #expect(
            health?["status"] == .string("degraded"),
            "a broken replacement index should make /healthz degraded: \(String(describing: health))")
    }

    // MARK: Errors

    @Test("a documented error status is produced with the Error body", arguments: OpenAPISamples.errors)
    func documentedErrorIsProduced(_ sample: OpenAPIErrorSample) async throws {
        let spec = try OpenAPISpec.load()
        let operation = try #require(spec.operations.first { $0.key == sample.operation }, "\(sample.operation) not in the spec")
        let documented = try #require(spec.responses(of: operation)[String(sample.status)],
                                      "\(sample.operation) does not document \(sample.status)")
        let server = try OpenAPITestServer(rateLimit: sample.status == 429 ? 1 : 1_000_000,
                                           uploadPace: sample.status == 408 ? UploadPace(grace: .zero, bytesPerSecond: .max) : UploadPace())
        var steps: [ServerStep] = []
        if sample.status == 429 { steps.append(.request(OpenAPISampleRequest(method: .get, uri: "/api/v1/categories"))) }
        steps.append(.request(sample.request))
        let response = try #require(try await server.run(steps).last)

        let request = "\(sample.request.method.rawValue) \(sample.request.uri.prefix(120))"
        #expect(Int(response.status.code) == sample.status,
                "\(request): expected \(sample.status) \(sample.code), got \(response.status.code): \(response.bodyString.prefix(300))")
        let content = documented["content"] as? [String: Any]
        if content?["text/html"] != nil && content?["application/json"] == nil {
            // The help pages' 404 is a page for people, not the Error body.
            #expect(response.contentMediaType == "text/html" && response.bodyString.contains("Seite nicht gefunden"), "\(request)")
            return
        }
        #expect(response.contentMediaType == "application/json", "\(request): Content-Type \(response.headers[.contentType] ?? "none")")
        let schema = try #require(
            ((documented["content"] as? [String: Any])?["application/json"] as? [String: Any])?["schema"] as? [String: Any])
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
                #expect(
                    seconds.map { (1...60).contains($0) } == true,
                    "\(request): Retry-After \(value ?? "none") is not whole seconds within the window")
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

    @Test("GET endpoints outside /api/ are not rate-limited, as documented (the search page /hilfe?q= is)")
    func serviceEndpointsAreNotRateLimited() async throws {
        let spec = try OpenAPISpec.load()
        let server = try OpenAPITestServer(rateLimit: 1)
        let service = spec.operations.filter { !$0.path.hasPrefix("/api/") && $0.method.uppercased() == "GET" }
        #expect(!service.isEmpty)
        let steps = [ServerStep.request(OpenAPISampleRequest(method: .get, uri: "/api/v1/categories")),
                     .request(OpenAPISampleRequest(method: .get, uri: "/api/v1/categories"))]
            + service.flatMap { OpenAPISamples.success[$0.key, default: []].filter { !$0.uri.contains("?q=") }.map(ServerStep.request) }
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
