import HummingbirdTesting
import Testing

/// `Expect: 100-continue` (curl with a body over 1 MB, such as a ticket with a photo) is answered at once, not after
/// the client's one-second wait.
@Suite struct ExpectContinueTests {
    static let patience = 60

    @Test("the interim 100 Continue comes before the body is sent; the request then gets its answer")
    func continueBeforeBody() async throws {
        try await ServerFixture().test(mode: .live) { client in
            let port = try #require(client.port)
            let body = #"{"subject": "Passwort vergessen", "description": "Ich komme nicht mehr in mein Postfach."}"#
            let head = "POST /api/v1/suggest HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                + "Content-Length: \(body.utf8.count)\r\nExpect: 100-Continue\r\nConnection: close\r\n\r\n"
            // The head alone: the server says go on, and then waits for the body (the connection stays open).
            let waiting = try await RawConnection.waitForClose(port: port, sending: Array(head.utf8), seconds: 2)
            #expect(waiting.received == "HTTP/1.1 100 Continue\r\n\r\n", "\(waiting.received)")
            // Head and body: 100, then the answer.
            let answered = try await RawConnection.waitForClose(port: port, sending: Array((head + body).utf8), seconds: Self.patience)
            #expect(answered.received.hasPrefix("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 200 OK\r\n"), "\(answered.received)")
            #expect(answered.received.contains("passwort-zuruecksetzen"))
        }
    }

    @Test("a declared length over the route's limit is 413 right after the head, without 100 Continue")
    func declaredTooLarge() async throws {
        try await ServerFixture().test(mode: .live) { client in
            let port = try #require(client.port)
            // Multipart has --max-multipart-bytes (16 MiB), anything else the JSON limit (64 KiB). The body is never sent:
            // the answer (before any route, so before an upload slot) must come without it.
            for (type, length) in [("multipart/form-data; boundary=g", 16 * 1024 * 1024 + 1), ("application/json", 64 * 1024 + 1)] {
                let head = "POST /api/v1/tickets HTTP/1.1\r\nHost: x\r\nContent-Type: \(type)\r\nContent-Length: \(length)\r\n"
                    + "Expect: 100-continue\r\nConnection: close\r\n\r\n"
                let answer = try await RawConnection.waitForClose(port: port, sending: Array(head.utf8), seconds: Self.patience)
                #expect(answer.received.hasPrefix("HTTP/1.1 413 ") && answer.received.contains("body_too_large"), "\(answer.received)")
            }
        }
    }

    @Test("without the expectation no interim answer is sent")
    func noExpectation() async throws {
        try await ServerFixture().test(mode: .live) { client in
            let port = try #require(client.port)
            let request = "GET /healthz HTTP/1.1\r\nHost: x\r\nExpect: something-else\r\nConnection: close\r\n\r\n"
            let answer = try await RawConnection.waitForClose(port: port, sending: Array(request.utf8), seconds: Self.patience)
            #expect(answer.received.hasPrefix("HTTP/1.1 200 OK"), "\(answer.received)")
        }
    }
}
