import Foundation
import Hummingbird
import HummingbirdTesting
import LotseServer
import LotseTestSupport
import NIOCore
import Testing

@Suite("Ticket storage failures")
struct TicketStorageFailureTests {
    /// Makes `path` unwritable: chmod for ordinary users; root ignores modes, so the immutable attribute instead.
    static func makeReadOnly(_ path: String) throws -> Bool {
        if geteuid() != 0 { return chmod(path, 0o555) == 0 }
        return run("/usr/bin/chattr", ["+i", path]) == 0
    }

    static func makeWritable(_ path: String) {
        if geteuid() != 0 { _ = chmod(path, 0o755) } else { _ = run("/usr/bin/chattr", ["-i", path]) }
    }

    static func run(_ tool: String, _ arguments: [String]) -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = arguments
        guard (try? process.run()) != nil else { return -1 }
        process.waitUntilExit()
        return process.terminationStatus
    }

    @Test("a read-only data directory: search works, ticket writes answer 503 storage_unavailable until it is writable again")
    func readOnlyDataDirectory() async throws {
        let fixture = try TicketFixture()
        let directory = fixture.dataDirectory
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        try #require(try Self.makeReadOnly(directory), "cannot make \(directory) read-only here")
        defer { Self.makeWritable(directory) }
        // The check that the setup really is read-only (root would otherwise write anyway).
        #expect(!FileManager.default.createFile(atPath: (directory as NSString).appendingPathComponent("probe"), contents: Data()))
        try await fixture.test { client in
            #expect(try await client.execute(uri: "/api/v1/search?q=kundennummer", method: .get).status == .ok)
            for response in [try await client.submitTicket(),
                             try await client.execute(uri: "/api/v1/deflections", method: .post, headers: jsonHeaders,
                                                      body: .json(#"{"articleId":"kundennummer"}"#)),
                             try await client.admin("/api/v1/admin/tickets")] {
                #expect(response.status == .serviceUnavailable)
                #expect(response.error?.code == "storage_unavailable")
                #expect(!response.text.lowercased().contains("sqlite"), "\(response.text)")
            }
            // Fixed without a restart: the store is opened again (at most once a second).
            Self.makeWritable(directory)
            var status = HTTPResponse.Status.serviceUnavailable
            for _ in 0..<50 where status == .serviceUnavailable {
                try await Task.sleep(for: .milliseconds(100))
                status = try await client.submitTicket().status
            }
            #expect(status == .created)
        }
    }

    @Test("the data file becoming read-only while serving: 503, and a later write works again")
    func readOnlyDatabaseFile() async throws {
        let fixture = try TicketFixture()
        let files = ["data.sqlite", "data.sqlite-wal"].map { (fixture.dataDirectory as NSString).appendingPathComponent($0) }
        try await fixture.test { client in
            #expect(try await client.submitTicket().status == .created)
            for file in files { try #require(try Self.makeReadOnly(file), "cannot make \(file) read-only here") }
            let refused = try await client.submitTicket()
            for file in files { Self.makeWritable(file) }
            #expect(refused.status == .serviceUnavailable)
            #expect(refused.error?.code == "storage_unavailable")
            let again = try await client.submitTicket()
            #expect(again.status == .created && again.json["id"] as? String == "LT-000002")
        }
    }
}
