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
        return setImmutable(path, true)
    }

    static func makeWritable(_ path: String) {
        if geteuid() != 0 { _ = chmod(path, 0o755) } else { _ = setImmutable(path, false) }
    }

    /// What `chattr ±i` does, as its ioctls: spawning chattr through Foundation's `Process` crashed the test
    /// process (SIGSEGV in `Process.run` copying its arguments while other tests ran).
    static func setImmutable(_ path: String, _ immutable: Bool) -> Bool {
        let getFlags: UInt = 0x8008_6601, setFlags: UInt = 0x4008_6602, immutableFlag: Int32 = 0x10  // FS_IOC_*, FS_IMMUTABLE_FL
        let descriptor = open(path, O_RDONLY | O_NONBLOCK)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        var flags: Int32 = 0
        guard ioctl(descriptor, getFlags, &flags) == 0 else { return false }
        flags = immutable ? flags | immutableFlag : flags & ~immutableFlag
        return ioctl(descriptor, setFlags, &flags) == 0
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
