import Foundation
import HTTPTypes
import HummingbirdTesting
@testable import LotseServer
import LotseTickets
import NIOCore
import Testing

/// Issue 15, item 1: the rate limit on the normalised path, failed admin authentications, trusted proxies,
/// short admin tokens.
@Suite("Rate limits")
struct RateLimitTests {
    @Test("//api/… and /api/… count against the same budget")
    func emptySegmentsDoNotSkipTheLimit() async throws {
        try await ServerFixture(rateLimit: 3).test { client in
            for uri in ["//api/v1/search?q=x", "/api//v1/search?q=x", "///api/v1/search?q=x"] {
                let response = try await client.execute(uri: uri, method: .get)
                #expect(response.status == .ok, "\(uri)")
            }
            let limited = try await client.execute(uri: "//api/v1/search?q=x", method: .get)
            #expect(limited.status == .tooManyRequests)
            #expect(limited.headers[.retryAfter] != nil)
            #expect(limited.error?.code == "rate_limited")
        }
    }

    @Test("the search page /hilfe?q= searches like the API and shares its budget; the other pages stay unlimited")
    func searchPageCountsAgainstTheLimit() async throws {
        try await ServerFixture(rateLimit: 3).test { client in
            for uri in ["/hilfe?q=Passwort", "/api/v1/search?q=Passwort", "//hilfe?q=Kundennummer"] {
                let response = try await client.execute(uri: uri, method: .get)
                #expect(response.status == .ok, "\(uri)")
            }
            for uri in ["/hilfe?q=Passwort", "/hilfe?lang=de&q=Postfach"] {
                let limited = try await client.execute(uri: uri, method: .get)
                #expect(limited.status == .tooManyRequests, "\(uri)")
                #expect(limited.headers[.retryAfter] != nil)
            }
            for uri in ["/hilfe", "/hilfe/konto-anmeldung/passwort-zuruecksetzen", "/hilfe/konto-anmeldung", "/"] {
                #expect(try await client.execute(uri: uri, method: .get).status == .ok, "\(uri) is not limited")
            }
        }
    }

    @Test("after 10 failed admin authentications a client gets 429, whatever token it sends, also through //api")
    func failedAdminAuthenticationsAreLimited() async throws {
        try await TicketFixture().test { client in
            for attempt in 1...10 {
                let uri = attempt.isMultiple(of: 2) ? "//api/v1/admin/tickets" : "/api/v1/admin/tickets"
                let response = try await client.execute(uri: uri, method: .get, headers: [.authorization: "Bearer falsch-\(attempt)"])
                #expect(response.status == .unauthorized)
            }
            let guessed = try await client.execute(uri: "//api/v1/admin/tickets", method: .get, headers: [.authorization: "Bearer falsch"])
            #expect(guessed.status == .tooManyRequests)
            #expect(guessed.error?.code == "too_many_failed_authentications")
            #expect(guessed.headers[.retryAfter] != nil)
            let right = try await client.admin("/api/v1/admin/tickets")
            #expect(right.status == .tooManyRequests, "the right token does not lift the block within the window")
        }
    }

    @Test("the client address comes from X-Forwarded-For only behind a trusted proxy, right-most untrusted hop")
    func forwardedAddresses() throws {
        let resolver = ClientAddress(trustedProxies: [try #require(CIDR("10.0.0.0/8")), try #require(CIDR("fd00::/8"))])
        func headers(_ value: String) -> HTTPFields { [ClientAddress.forwardedFor: value] }
        #expect(resolver.resolve(peer: "10.1.2.3", headers: headers("203.0.113.7")) == "203.0.113.7")
        // The left-most entries are the client's own claims: a forged one is ignored.
        #expect(resolver.resolve(peer: "10.1.2.3", headers: headers("6.6.6.6, 203.0.113.7, 10.9.9.9")) == "203.0.113.7")
        #expect(resolver.resolve(peer: "fd00::1", headers: headers("2001:db8::5")) == "2001:db8::5")
        #expect(resolver.resolve(peer: "198.51.100.1", headers: headers("203.0.113.7")) == "198.51.100.1", "untrusted peer")
        #expect(resolver.resolve(peer: "10.1.2.3", headers: [:]) == "10.1.2.3")
        #expect(resolver.resolve(peer: "10.1.2.3", headers: headers("kein-ip, 10.0.0.9")) == "10.0.0.9")
        #expect(resolver.resolve(peer: "::ffff:10.1.2.3", headers: headers("203.0.113.8")) == "203.0.113.8", "IPv4-mapped peer")
        #expect(CIDR("10.0.0.0/33") == nil && CIDR("nonsense") == nil && CIDR("::1") != nil)
    }

    @Test("behind a trusted proxy each forwarded client has its own budget; without one, the header is ignored")
    func trustedProxyOverHTTP() async throws {
        var trusted = try ServerFixture(rateLimit: 2)
        trusted.configuration.trustedProxies = [try #require(CIDR("127.0.0.0/8")), try #require(CIDR("::1"))]
        try await trusted.test(mode: .live) { client in
            for forwarded in ["203.0.113.1", "203.0.113.2"] {
                for _ in 1...2 {
                    let response = try await client.execute(
                        uri: "/api/v1/categories", method: .get, headers: [ClientAddress.forwardedFor: forwarded])
                    #expect(response.status == .ok)
                }
            }
            let third = try await client.execute(
                uri: "/api/v1/categories", method: .get, headers: [ClientAddress.forwardedFor: "203.0.113.1"])
            #expect(third.status == .tooManyRequests)
        }
        try await ServerFixture(rateLimit: 2).test(mode: .live) { client in
            var statuses: [HTTPResponse.Status] = []
            for forwarded in ["203.0.113.1", "203.0.113.2", "203.0.113.3"] {
                statuses.append(
                    try await client.execute(uri: "/api/v1/categories", method: .get, headers: [ClientAddress.forwardedFor: forwarded])
                        .status)
            }
            #expect(statuses == [.ok, .ok, .tooManyRequests], "a client cannot pick its own address")
        }
    }

    @Test("requests through a proxy nobody declared (X-Forwarded-For without --trusted-proxy) are logged once as a warning")
    func undeclaredProxyIsLogged() async throws {
        for trustedProxies in [[], [try #require(CIDR("10.0.0.0/8"))]] {
            var fixture = try ServerFixture()
            fixture.configuration.trustedProxies = trustedProxies
            let log = RecordedLog()
            let app = try await buildApplication(configuration: fixture.configuration, logger: log.logger)
            try await app.test(.router) { client in
                _ = try await client.execute(uri: "/api/v1/categories", method: .get)
                #expect(!log.contains("--trusted-proxy"), "a request without the header says nothing")
                for forwarded in ["203.0.113.1", "203.0.113.2"] {
                    _ = try await client.execute(uri: "/api/v1/categories", method: .get, headers: [ClientAddress.forwardedFor: forwarded])
                }
            }
            #expect(log.count("no --trusted-proxy is set") == (trustedProxies.isEmpty ? 1 : 0))
        }
    }

    @Test("an IPv6 client is counted by its /64 (its hosts pick any address in it); IPv4 also when written IPv4-mapped")
    func clientKeys() {
        #expect(ClientAddress.key("2001:db8:1:2::1") == "2001:db8:1:2::/64")
        #expect(ClientAddress.key("2001:0db8:0001:0002:ffff:ffff:0:9") == ClientAddress.key("2001:db8:1:2::1"))
        #expect(ClientAddress.key("2001:db8:1:3::1") != ClientAddress.key("2001:db8:1:2::1"))
        #expect(ClientAddress.key("::ffff:203.0.113.7") == "203.0.113.7" && ClientAddress.key("203.0.113.7") == "203.0.113.7")
        #expect(ClientAddress.key("unknown") == "unknown")
    }

    @Test("behind a trusted proxy, addresses of one IPv6 /64 share one budget")
    func ipv6NetworkSharesABudget() async throws {
        var trusted = try ServerFixture(rateLimit: 2)
        trusted.configuration.trustedProxies = [try #require(CIDR("127.0.0.0/8")), try #require(CIDR("::1"))]
        try await trusted.test(mode: .live) { client in
            var statuses: [HTTPResponse.Status] = []
            for forwarded in ["2001:db8:1:2::1", "2001:db8:1:2::2", "2001:db8:1:2:aaaa:bbbb:cccc:dddd", "2001:db8:9:9::1"] {
                statuses.append(
                    try await client.execute(uri: "/api/v1/categories", method: .get, headers: [ClientAddress.forwardedFor: forwarded])
                        .status)
            }
            #expect(statuses == [.ok, .ok, .tooManyRequests, .ok], "a new address in the same /64 is no new budget")
        }
    }

    @Test("a flood of 100,000 new clients gives nobody a fresh budget: past the table's size new clients share one")
    func floodOfNewClientsResetsNothing() {
        let limiter = RateLimiter(limit: 2, window: .seconds(60))
        let start = ContinuousClock.now
        #expect(limiter.check("203.0.113.7", now: start) == nil && limiter.check("203.0.113.7", now: start) == nil)
        #expect(limiter.check("203.0.113.7", now: start) != nil)
        for number in 0..<100_000 { _ = limiter.check("2001:db8:\(String(number, radix: 16))::/64", now: start) }
        #expect(limiter.check("203.0.113.7", now: start + .seconds(1)) != nil, "the flood did not reset the spent budget")
        let newcomers = (1...3).map { limiter.check("198.51.100.\($0)", now: start + .seconds(2)) }
        #expect(newcomers.last! != nil, "new clients past the table's size share one window")
        #expect(limiter.check("198.51.100.9", now: start + .seconds(61)) == nil, "once the windows end there is room again")
    }

    @Test("an admin token shorter than 16 bytes is refused at start with a clear message")
    func shortAdminTokenIsRefused() async throws {
        var fixture = try ServerFixture()
        fixture.configuration.adminToken = "kurz"
        #expect(fixture.configuration.problems().first?.contains("at least 16 bytes") == true)
        await #expect(throws: ConfigurationError.self) { _ = try await buildApplication(configuration: fixture.configuration) }
        fixture.configuration.adminToken = String(repeating: "x", count: 16)
        #expect(fixture.configuration.problems().isEmpty)
    }
}
