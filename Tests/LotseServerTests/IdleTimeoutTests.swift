import Foundation
import HummingbirdTesting
import Testing
#if canImport(Glibc)
import Glibc
#endif

@Suite struct IdleTimeoutTests {
    /// Connects to 127.0.0.1:`port`, sends `bytes`, and waits up to 10 s for the server to close the connection.
    /// Returns the seconds until it closed (nil: still open), and whatever the server sent meanwhile. The blocking
    /// socket calls run on a thread of their own: on Swift concurrency's few shared threads they would hold one
    /// that the server's handlers need, and under a loaded suite the server could not answer in time.
    private static func waitForClose(port: Int, sending bytes: [UInt8]) async throws -> (seconds: Double?, received: String) {
        try await withCheckedThrowingContinuation { continuation in
            Thread { continuation.resume(with: Result { try blockingWaitForClose(port: port, sending: bytes) }) }.start()
        }
    }

    private static func blockingWaitForClose(port: Int, sending bytes: [UInt8]) throws -> (seconds: Double?, received: String) {
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socket >= 0 else { throw POSIXError(.EMFILE) }
        defer { close(socket) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { throw POSIXError(.ECONNREFUSED) }
        var timeout = timeval(tv_sec: 10, tv_usec: 0)
        setsockopt(socket, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        if !bytes.isEmpty { _ = bytes.withUnsafeBytes { send(socket, $0.baseAddress, $0.count, 0) } }
        let started = Date()
        var received: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4_096)
        while true {
            let count = recv(socket, &buffer, buffer.count, 0)
            if count > 0 { received += buffer[0..<count]; continue }
            let seconds = count == 0 ? Date().timeIntervalSince(started) : nil  // < 0: timed out, still open
            return (seconds, String(decoding: received, as: UTF8.self))
        }
    }

    @Test func silentAndStalledConnectionsAreClosedButAnsweredOnesServed() async throws {
        var fixture = try ServerFixture()
        fixture.configuration.idleTimeout = .seconds(1)
        try await fixture.test(mode: .live) { client in
            let port = try #require(client.port)
            // Connected, never sends anything.
            let silent = try await Self.waitForClose(port: port, sending: [])
            #expect(silent.seconds.map { $0 >= 0.5 && $0 < 9 } == true, "closed after \(String(describing: silent.seconds)) s")
            #expect(silent.received.isEmpty)
            // Sends half a request line and stalls.
            let stalled = try await Self.waitForClose(port: port, sending: Array("GET /api/v1/search?q=Kunden".utf8))
            #expect(stalled.seconds.map { $0 >= 0.5 && $0 < 9 } == true, "closed after \(String(describing: stalled.seconds)) s")
            // A whole request is answered first; the kept-alive connection is closed once it idles.
            let answered = try await Self.waitForClose(port: port, sending: Array("GET /healthz HTTP/1.1\r\nHost: localhost\r\n\r\n".utf8))
            #expect(answered.received.hasPrefix("HTTP/1.1 200"))
            #expect(answered.seconds != nil)
        }
    }
}
