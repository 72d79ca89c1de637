import Foundation
import Testing

/// HTTP/1.0 ends a connection with its answer unless the request keeps it (RFC 9112 §9.3); a client that reads until
/// the server closes (wget, a monitoring probe) must not wait for the idle timeout (30 s).
@Suite struct HTTPVersionTests {
    /// Enough for a loaded machine to answer, well under the idle timeout.
    static let patience = 20

    @Test("the connection ends with the answer: HTTP/1.0, and any version asking to close", arguments: [
        "GET /healthz HTTP/1.0\r\nHost: x\r\n\r\n",
        "GET /healthz HTTP/1.0\r\n\r\n",
        "GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: Close\r\n\r\n",
    ])
    func closesWithTheAnswer(request: String) async throws {
        try await ServerFixture().test(mode: .live) { client in
            let port = try #require(client.port)
            let answer = try await RawConnection.waitForClose(port: port, sending: Array(request.utf8), seconds: Self.patience)
            #expect(answer.received.hasPrefix("HTTP/1.1 200 OK"), "\(answer.received)")
            #expect(answer.seconds != nil, "closed after the answer, not at the idle timeout")
        }
    }

    @Test("the connection stays open: HTTP/1.1, and HTTP/1.0 asking to keep it", arguments: [
        "GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n",
        "GET /healthz HTTP/1.0\r\nHost: x\r\nConnection: keep-alive\r\n\r\n",
    ])
    func staysOpen(request: String) async throws {
        try await ServerFixture().test(mode: .live) { client in
            let socket = try RawConnection.open(port: try #require(client.port), sending: Array(request.utf8))
            defer { close(socket) }
            let head = await RawConnection.waitForHead(socket: socket, seconds: Self.patience)
            #expect(head.hasPrefix("HTTP/1.1 200 OK"), "\(head)")
            // A closing server closes right after its answer: a second later the connection is still open.
            try await Task.sleep(for: .seconds(1))
            #expect(RawConnection.isOpen(socket))
        }
    }

    @Test func aRequestPipelinedBehindAClosingOneIsNotAnswered() async throws {
        try await ServerFixture().test(mode: .live) { client in
            let port = try #require(client.port)
            let requests = "GET /healthz HTTP/1.0\r\n\r\nGET /healthz HTTP/1.1\r\nHost: x\r\n\r\n"
            let answer = try await RawConnection.waitForClose(port: port, sending: Array(requests.utf8), seconds: Self.patience)
            #expect(answer.seconds != nil)
            #expect(answer.received.hasPrefix("HTTP/1.1 200 OK"), "\(answer.received)")
            #expect(answer.received.components(separatedBy: "HTTP/1.1 ").count == 2, "one answer: \(answer.received)")
        }
    }
}
