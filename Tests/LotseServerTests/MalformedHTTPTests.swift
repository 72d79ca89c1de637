import Foundation
import HummingbirdTesting
import Testing

/// Requests that break HTTP/1.1 before the router sees them still get the API's JSON error shape, and the server
/// goes on serving.
@Suite struct MalformedHTTPTests {
    /// Every answer here closes the connection; the wait only bounds a loaded machine.
    static let patience = 60

    /// The status line, and the JSON body's `error` object.
    private static func parse(_ received: String) throws -> (status: String, error: [String: Any]) {
        let parts = received.components(separatedBy: "\r\n\r\n")
        let status = try #require(parts.first?.components(separatedBy: "\r\n").first)
        let body = try #require(parts.dropFirst().first?.data(using: .utf8))
        let object = try #require(try JSONSerialization.jsonObject(with: body) as? [String: Any])
        return (status, try #require(object["error"] as? [String: Any]))
    }

    @Test func overlongRequestLineOrHeaderIs431NamingTheHeaders() async throws {
        try await ServerFixture().test(mode: .live) { client in
            let port = try #require(client.port)
            let longQuery = "GET /api/v1/search?q=\(String(repeating: "passwort+", count: 12_000)) HTTP/1.1\r\nHost: x\r\n\r\n"
            let filler = String(repeating: "b", count: 100_000)
            let longHeader = "GET /api/v1/search?q=passwort HTTP/1.1\r\nHost: x\r\nX-Filler: \(filler)\r\n\r\n"
            for request in [longQuery, longHeader] {
                let answer = try await RawConnection.waitForClose(port: port, sending: Array(request.utf8), seconds: Self.patience)
                #expect(answer.seconds != nil, "the connection is closed after the answer")
                let (status, error) = try Self.parse(answer.received)
                #expect(status == "HTTP/1.1 431 Request Header Fields Too Large")
                #expect(error["code"] as? String == "headers_too_large")
                let fields = try #require(error["fields"] as? [String: String])
                #expect(fields["headers"]?.contains("zu groß") == true, "\(fields)")
                #expect(answer.received.contains("Content-Language: de"))
                #expect(answer.received.contains("X-Content-Type-Options: nosniff"))
            }
            // Nothing stalled: the next ordinary request is served.
            let health = "GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
            let healthy = try await RawConnection.waitForClose(port: port, sending: Array(health.utf8), seconds: Self.patience)
            #expect(healthy.received.hasPrefix("HTTP/1.1 200 OK"))
        }
    }

    @Test func brokenRequestLinesAre400InJSON() async throws {
        try await ServerFixture().test(mode: .live) { client in
            let port = try #require(client.port)
            let broken: [[UInt8]] = [
                Array("BLAH\r\n\r\n".utf8),
                Array("GET /api/v1/search?q=pass".utf8) + [0] + Array("wort HTTP/1.1\r\nHost: x\r\n\r\n".utf8),
                Array("GET /healthz HTTP/1.1\r\nHo st: x\r\n\r\n".utf8),
            ]
            for bytes in broken {
                let answer = try await RawConnection.waitForClose(port: port, sending: bytes, seconds: Self.patience)
                let (status, error) = try Self.parse(answer.received)
                #expect(status == "HTTP/1.1 400 Bad Request", "\(answer.received)")
                #expect(error["code"] as? String == "malformed_request")
                #expect((error["message"] as? String)?.contains("HTTP/1.1") == true)
            }
        }
    }

    @Test func aBrokenRequestAfterAGoodOneWaitsForTheFirstAnswer() async throws {
        try await ServerFixture().test(mode: .live) { client in
            let port = try #require(client.port)
            let pipelined = "GET /healthz HTTP/1.1\r\nHost: x\r\n\r\nBLAH\r\n\r\n"
            let answer = try await RawConnection.waitForClose(port: port, sending: Array(pipelined.utf8), seconds: Self.patience)
            #expect(answer.received.hasPrefix("HTTP/1.1 200 OK"), "\(answer.received)")
            let second = try #require(answer.received.range(of: "HTTP/1.1 400 Bad Request"))
            #expect(answer.received[second.upperBound...].contains(#""code":"malformed_request""#))
        }
    }

    /// A body whose framing breaks HTTP/1.1 on a route that does not read it: one answer, then the connection closes
    /// (a second, unasked-for answer could be paired with another client's request by a proxy).
    @Test func aBrokenBodyAfterTheAnswerGetsNoSecondAnswer() async throws {
        try await ServerFixture().test(mode: .live) { client in
            let port = try #require(client.port)
            for method in ["GET", "POST"] {
                let request = "\(method) /healthz HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: xchunked\r\n\r\n"
                let answer = try await RawConnection.waitForClose(port: port, sending: Array(request.utf8), seconds: Self.patience)
                #expect(answer.seconds != nil, "the connection is closed")
                #expect(answer.received.components(separatedBy: "HTTP/1.1 ").count == 2, "one answer: \(answer.received)")
            }
        }
    }

    /// CONNECT would make the connection a tunnel: 405 at once, and closed (NIO sends no body with any answer to a
    /// CONNECT, so the head says it all).
    @Test func connectIsRefusedAtOnce() async throws {
        try await ServerFixture().test(mode: .live) { client in
            let port = try #require(client.port)
            for target in ["127.0.0.1:22", "/api/v1/search"] {
                let request = "CONNECT \(target) HTTP/1.1\r\nHost: x\r\n\r\n"
                let answer = try await RawConnection.waitForClose(port: port, sending: Array(request.utf8), seconds: Self.patience)
                #expect(answer.seconds != nil, "the connection is closed")
                #expect(answer.received.hasPrefix("HTTP/1.1 405 Method Not Allowed\r\n"), "\(answer.received)")
                #expect(answer.received.contains("\r\nAllow: GET, HEAD, POST, PATCH, DELETE\r\n"))
            }
        }
    }
}
