import AsyncHTTPClient
import Foundation
import Glibc
import LotseTestSupport
import LotseTickets
import NIOCore
import Synchronization
import Testing

/// Runs the real `lotse` executable (built beside the test bundle), kills it with SIGKILL while clients
/// submit tickets, restarts it, and checks that every ticket answered with 201 is stored. The server listens on
/// a port that was free, and is killed however the test ends.
@Suite("Crash safety", .serialized)
struct CrashSafetyTests {
    static let token = "absturz-token-4711"

    static var executable: String {
        let testBundle = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        return testBundle.appendingPathComponent("lotse").path
    }

    struct Server {
        let process: ChildProcess
        let base: String

        init(workspace: ArticleWorkspace, data: String, port: Int) throws {
            base = "http://127.0.0.1:\(port)"
            process = try ChildProcess(CrashSafetyTests.executable, [
                "serve", "--articles", workspace.articlesPath, "--index", workspace.indexPath, "--data", data,
                "--port", String(port), "--rate-limit", "0", "--admin-token", CrashSafetyTests.token, "--log-level", "error",
                // The ticket store is what is tested; without the encoder the server starts sooner.
                "--no-semantic",
            ])
        }

        /// Waits until `/healthz` answers (at most 30 seconds) or the process died.
        func ready() async -> Bool {
            await eventually(timeout: .seconds(30), interval: .milliseconds(100)) {
                guard process.isRunning else { return true }
                return (try? await CrashSafetyTests.send(HTTPClientRequest(url: base + "/healthz")))?.status == .ok
            } && process.isRunning
        }

        /// SIGKILL; nothing when it already ended.
        func kill() { process.kill() }
    }

    /// A loopback port nobody listens on: bound with port 0, so the kernel picks it, and released.
    static func freePort() throws -> Int {
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socket >= 0 else { throw POSIXError(.EMFILE) }
        defer { close(socket) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { address in
                bind(socket, address, length) == 0 && getsockname(socket, address, &length) == 0
            }
        }
        guard bound else { throw POSIXError(.EADDRINUSE) }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    final class Acknowledged: Sendable {
        let ids = Mutex<[String]>([])
    }

    static func send(_ request: HTTPClientRequest) async throws -> HTTPClientResponse {
        let response = try await HTTPClient.shared.execute(request, timeout: .seconds(5))
        return response
    }

    static func submit(_ index: Int, to server: Server) async throws -> String? {
        var request = HTTPClientRequest(url: server.base + "/api/v1/tickets")
        request.method = .POST
        request.headers.add(name: "Content-Type", value: "application/json")
        request.body = .bytes(
            ByteBuffer(
                string:
                    #"{"email":"jörg@beispiel.de","name":"Jörg Weiß","subject":"Absturz \#(index)","description":"Größe überschritten","#
                    + #""consent":true}"#
            ))
        let response = try await send(request)
        let body = try await response.body.collect(upTo: 64 * 1024)
        guard response.status == .created,
              let object = try JSONSerialization.jsonObject(with: Data(buffer: body)) as? [String: Any] else { return nil }
        return object["id"] as? String
    }

    @Test("SIGKILL during submissions: after a restart every ticket that got a 201 is there", .timeLimit(.minutes(3)))
    func killDuringSubmissions() async throws {
        try #require(FileManager.default.isExecutableFile(atPath: Self.executable), "no lotse executable at \(Self.executable)")
        let workspace = try ArticleWorkspace(files: ArticleFixtures.markdownSet)
        try workspace.build()
        let data = workspace.directory.path("data/data.sqlite")
        let server = try Server(workspace: workspace, data: data, port: try Self.freePort())
        defer { server.kill() }
        try #require(await server.ready(), "the server did not start")

        let acknowledged = Acknowledged()
        let clients = (0..<8).map { client in
            Task {
                var index = client * 100_000
                while !Task.isCancelled {
                    index += 1
                    guard let id = try? await Self.submit(index, to: server) else { return }
                    acknowledged.ids.withLock { $0.append(id) }
                }
            }
        }
        // Kill once a few hundred tickets were acknowledged, while the clients keep submitting.
        _ = await eventually(timeout: .seconds(60), interval: .milliseconds(5)) { acknowledged.ids.withLock { $0.count } >= 300 }
        server.kill()
        for client in clients { await client.value }
        let acknowledgedIDs = acknowledged.ids.withLock { $0 }
        #expect(acknowledgedIDs.count >= 300)

        let restarted = try Server(workspace: workspace, data: data, port: try Self.freePort())
        defer { restarted.kill() }
        try #require(await restarted.ready(), "the server did not restart on the killed server's data")
        var request = HTTPClientRequest(url: restarted.base + "/api/v1/admin/tickets")
        request.headers.add(name: "Authorization", value: "Bearer \(Self.token)")
        let queue = try await Self.send(request)
        let body = try JSONSerialization.jsonObject(with: Data(buffer: try await queue.body.collect(upTo: 1 << 20))) as? [String: Any]
        let total = try #require(body?["total"] as? Int)
        #expect(total >= acknowledgedIDs.count, "\(total) stored, \(acknowledgedIDs.count) acknowledged")
        let store = try SQLiteTicketStore(path: data)
        var found = 0
        for id in acknowledgedIDs {
            let number = try #require(TicketNumber.parse(id))
            let stored = try await store.ticket(number: number)?.content.subject.hasPrefix("Absturz") == true
            #expect(stored, "\(id) acknowledged but missing")
            found += stored ? 1 : 0
        }
        // RELIABILITY.md quotes this line.
        print(
            "crash test: \(acknowledgedIDs.count) tickets acknowledged with 201 before SIGKILL, \(found) found after the restart, "
            + "\(total) stored"
        )
        #expect(try await Self.submit(0, to: restarted) != nil, "the restarted server takes new tickets")
    }
}
