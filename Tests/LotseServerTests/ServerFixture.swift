import Foundation
import Hummingbird
import HummingbirdTesting
import LotseServer
import LotseTestSupport
import NIOCore

/// A server over a small help center in a temporary directory.
struct ServerFixture {
    let workspace: ArticleWorkspace
    var configuration: ServerConfiguration

    /// `articles`: file name → text (by default the three Markdown fixtures).
    init(rateLimit: Int = 0, corsOrigins: [String] = [], maximumBodyBytes: Int = 64 * 1024,
         articles: [String: String] = ArticleFixtures.markdownSet) throws {
        self.init(workspace: try ArticleWorkspace(files: articles), rateLimit: rateLimit, corsOrigins: corsOrigins,
                  maximumBodyBytes: maximumBodyBytes)
    }

    /// The same over an existing workspace. Everything the server writes stays in the workspace's folder, which
    /// goes with the fixture (a configuration taken from another fixture would write into that one's deleted folder).
    init(workspace: ArticleWorkspace, rateLimit: Int = 0, corsOrigins: [String] = [], maximumBodyBytes: Int = 64 * 1024) {
        self.workspace = workspace
        var configuration = ServerConfiguration()
        configuration.articlesDirectory = workspace.articlesPath
        configuration.indexPath = workspace.indexPath
        configuration.dataPath = workspace.directory.path("data/data.sqlite")
        configuration.rateLimit = rateLimit
        configuration.corsOrigins = corsOrigins
        configuration.maximumBodyBytes = maximumBodyBytes
        configuration.reloadInterval = .milliseconds(50)
        // The suite runs in parallel on two cores: deadlines and slot waits are tested on their own (ComputeLimitTests),
        // not by whichever search happens to be slow here.
        configuration.searchDeadline = .seconds(300)
        configuration.suggestDeadline = .seconds(300)
        configuration.computeWait = .seconds(300)
        self.configuration = configuration
    }

    init(configuration: ServerConfiguration, workspace: ArticleWorkspace) {
        self.workspace = workspace
        self.configuration = configuration
    }

    func test(mode setup: TestingSetup = .router, _ body: @escaping @Sendable (any TestClientProtocol) async throws -> Void) async throws {
        let app = try await buildApplication(configuration: configuration)
        try await app.test(setup, body)
    }
}

extension TestResponse {
    /// The body parsed as a JSON object.
    var json: [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(buffer: body)) as? [String: Any]) ?? [:]
    }

    var error: (code: String, message: String, fields: [String: String]?)? {
        guard let error = json["error"] as? [String: Any], let code = error["code"] as? String,
              let message = error["message"] as? String else { return nil }
        return (code, message, error["fields"] as? [String: String])
    }

    /// `error.details`: each invalid field with its code and message.
    var details: [(field: String, code: String, message: String)] {
        let details = (json["error"] as? [String: Any])?["details"] as? [[String: Any]] ?? []
        return details.map { ($0["field"] as? String ?? "", $0["code"] as? String ?? "", $0["message"] as? String ?? "") }
    }

    var text: String { String(buffer: body) }
}

extension TestClientProtocol {
    /// POSTs `json` as `application/json`.
    func post(_ uri: String, json: String) async throws -> TestResponse {
        try await execute(uri: uri, method: .post, headers: jsonHeaders, body: .json(json))
    }
}

extension ByteBuffer {
    static func json(_ text: String) -> ByteBuffer { ByteBuffer(string: text) }
}

let jsonHeaders: HTTPFields = [.contentType: "application/json"]
