import HummingbirdTesting
import Testing

@Suite struct IdleTimeoutTests {
    @Test func silentAndStalledConnectionsAreClosedButAnsweredOnesServed() async throws {
        var fixture = try ServerFixture()
        fixture.configuration.idleTimeout = .seconds(1)
        try await fixture.test(mode: .live) { client in
            let port = try #require(client.port)
            // Connected, never sends anything.
            let silent = try await RawConnection.waitForClose(port: port, sending: [])
            #expect(silent.seconds.map { $0 >= 0.5 && $0 < 9 } == true, "closed after \(String(describing: silent.seconds)) s")
            #expect(silent.received.isEmpty)
            // Sends half a request line and stalls.
            let stalled = try await RawConnection.waitForClose(port: port, sending: Array("GET /api/v1/search?q=Kunden".utf8))
            #expect(stalled.seconds.map { $0 >= 0.5 && $0 < 9 } == true, "closed after \(String(describing: stalled.seconds)) s")
            // A whole request is answered first; the kept-alive connection is closed once it idles. The answer runs
            // on the two threads of Swift concurrency, which the other suites' index builds may hold for seconds.
            let request = "GET /healthz HTTP/1.1\r\nHost: localhost\r\n\r\n"
            let answered = try await RawConnection.waitForClose(port: port, sending: Array(request.utf8), seconds: 60)
            #expect(answered.received.hasPrefix("HTTP/1.1 200"))
            #expect(answered.seconds != nil)
        }
    }
}
