import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
@testable import LotseServer
import LotseTestSupport
import NIOCore
import Testing

/// The multipart splitter, the upload pace, and part names the client made up (security review, session 18).
struct UploadHardeningTests {
    static let boundary = "XyZ"

    static func form(_ parts: [(headers: String, content: String)], preamble: String = "", closing: String = "--XyZ--\r\nEpilog")
        -> ByteBuffer
    {
        var text = preamble
        for part in parts { text += "--XyZ\r\n\(part.headers)\r\n\r\n\(part.content)\r\n" }
        return ByteBuffer(string: text + closing)
    }

    @Test("parts with names, file names and content; preamble and epilogue ignored; near-delimiters stay content")
    func splitsParts() throws {
        let content = "Zeile 1\r\n--XyY ist kein Trenner, --XyZ ohne Zeilenende davor\r\n-XyZ auch nicht\r"
        let body = Self.form([(#"Content-Disposition: form-data; name="description""#, content),
                              ("content-disposition: form-data; name=\"attachments\"; filename=\"a;b.txt\"\r\n"
                                + "Content-Type: text/plain", ""),
                              ("", "ohne Namen")], preamble: "Präambel\r\n")
        let form = try MultipartForm(body: body, boundary: Self.boundary)
        #expect(form.parts.map(\.name) == ["description", "attachments"], "a part without a name is left out")
        #expect(String(buffer: form.parts[0].body) == content)
        #expect(form.parts[1].filename == "a;b.txt" && form.parts[1].body.readableBytes == 0)
    }

    @Test("a megabyte of CRs is content like any other: split in one pass, nothing lost")
    func carriageReturns() throws {
        let content = String(repeating: "\r", count: 1 << 20)
        let form = try MultipartForm(body: Self.form([(#"Content-Disposition: form-data; name="description""#, content)]),
                                     boundary: Self.boundary)
        #expect(form.parts.count == 1 && form.parts[0].body.readableBytes == 1 << 20)
        #expect(form.parts[0].body.readableBytesView.allSatisfy { $0 == UInt8(ascii: "\r") })
    }

    @Test("broken framing is refused, never half read", arguments: [
        "no delimiter at all", "cut off", "header without colon", "header block over 8 KiB", "101 parts", "junk after delimiter",
    ])
    func refusesBrokenFraming(_ why: String) {
        let part = (#"Content-Disposition: form-data; name="name""#, "Anna")
        let body: ByteBuffer = switch why {
        case "no delimiter at all": ByteBuffer(string: "name=Anna")
        case "cut off": ByteBuffer(string: "--XyZ\r\nContent-Disposition: form-data; name=\"name\"\r\n\r\nAnna")
        case "header without colon": Self.form([("Content-Disposition form-data", "Anna")])
        case "header block over 8 KiB": Self.form([("X-Lang: " + String(repeating: "a", count: 9_000) + "\r\n" + part.0, "Anna")])
        case "101 parts": Self.form(Array(repeating: part, count: 101))
        default: ByteBuffer(string: "--XyZabc\r\n" + part.0 + "\r\n\r\nAnna\r\n--XyZ--")
        }
        #expect(throws: APIError.self, "\(why)") { try MultipartForm(body: body, boundary: Self.boundary) }
        #expect((try? MultipartForm(body: Self.form(Array(repeating: part, count: 100)), boundary: Self.boundary))?.parts.count == 100)
    }

    @Test("a non-UTF-8 part is named when it is a field of the form, never when its name was made up")
    func madeUpPartNamesAreNotEchoed() async throws {
        try await TicketFixture().test { client in
            var body = MultipartBody.validTicket()
            body.field("Ihr Konto ist gesperrt. Rufen Sie 0900-1234567 an", bytes: [0xE9])
            body.field("customFields[<b>x</b>]", bytes: [0xE9])
            body.field("customFields[vertrag]", bytes: [0xE9])
            body.field("company", bytes: [0xE9])
            let response = try await client.execute(uri: "/api/v1/tickets", method: .post, headers: body.headers, body: body.finished())
            #expect(response.status == .unprocessableContent)
            #expect(response.error?.fields.map { Set($0.keys) } == ["company", "customFields.vertrag"])
            #expect(!response.text.contains("0900") && !response.text.contains("<b>"))
        }
    }

    /// `count` chunks of `bytes` bytes, one every `every`.
    static func request(chunks count: Int, of bytes: Int, every: Duration) -> Request {
        let stream = AsyncStream<ByteBuffer> { continuation in
            Task {
                for _ in 0..<count {
                    continuation.yield(ByteBuffer(repeating: UInt8(ascii: "a"), count: bytes))
                    try? await Task.sleep(for: every)
                }
                continuation.finish()
            }
        }
        let head = HTTPRequest(method: .post, scheme: "http", authority: "localhost", path: "/api/v1/tickets")
        return Request(head: head, body: RequestBody(asyncSequence: stream))
    }

    @Test("a body slower than the pace is 408 upload_too_slow; one at the pace is read whole; past the limit 413")
    func pace() async throws {
        let pace = UploadPace(grace: .milliseconds(200), bytesPerSecond: 100, maximum: .seconds(5))
        // 10 bytes every 300 ms: a third of the 100 bytes a second the pace asks for.
        await #expect {
            _ = try await pace.collect(Self.request(chunks: 5, of: 10, every: .milliseconds(300)), limit: 1_000)
        } throws: { ($0 as? APIError)?.code == .uploadTooSlow && ($0 as? APIError)?.status == .requestTimeout }
        // At 50 bytes a second against 10 (30 s of grace, so a loaded machine cannot make it late).
        let patient = UploadPace(grace: .seconds(30), bytesPerSecond: 10)
        let read = try await patient.collect(Self.request(chunks: 5, of: 10, every: .milliseconds(200)), limit: 1_000)
        #expect(read.readableBytes == 50)
        await #expect {
            _ = try await patient.collect(Self.request(chunks: 5, of: 10, every: .zero), limit: 45)
        } throws: { ($0 as? APIError)?.code == .bodyTooLarge }
        #expect(pace.allowance(for: 1_000_000) == .seconds(5), "never more than the maximum")
    }

    @Test("a body holds its slot no longer than its declared length needs at the pace: a small one gone quiet is 408 within it")
    func holdByDeclaredLength() async throws {
        let pace = UploadPace(grace: .milliseconds(200), bytesPerSecond: 100, maximum: .seconds(60))
        #expect(pace.hold(declaredLength: 10, limit: 1_000) == .milliseconds(300))
        #expect(pace.hold(declaredLength: nil, limit: 1_000) == .milliseconds(10_200), "no length: what the limit needs")
        #expect(pace.hold(declaredLength: 1_000_000, limit: 1_000) == .milliseconds(10_200), "never more than the limit needs")
        #expect(UploadPace().hold(declaredLength: 25_000_000, limit: 27_262_976) == .seconds(300), "a 25 MB upload gets 5 minutes")
        // 5 of the 10 declared bytes, then silence for 10 minutes: the pace was kept at the one chunk, so only the hold
        // ends it (without it the body would end normally after the silence, and nothing would be thrown). No bound on
        // the wall time: a suite that keeps the cooperative threads busy delays every timer alike (two minutes were seen).
        let stream = AsyncStream<ByteBuffer> { continuation in
            continuation.yield(ByteBuffer(string: "abcde"))
            Task {
                try? await Task.sleep(for: .seconds(600))
                continuation.finish()
            }
        }
        let head = HTTPRequest(method: .post, scheme: "http", authority: "localhost", path: "/api/v1/tickets",
                               headerFields: [.contentLength: "10"])
        await #expect {
            _ = try await pace.collect(Request(head: head, body: RequestBody(asyncSequence: stream)), limit: 1_000)
        } throws: { ($0 as? APIError)?.code == .uploadTooSlow }
    }

    @Test("with every upload slot taken, a ticket is 503 uploads_busy saying the form could not be accepted, in the asked language")
    func uploadsBusy() async throws {
        try await TicketFixture.singleUploadSlot().server.test(mode: .live) { client in
            let port = try #require(client.port)
            // A body declared long enough to keep its slot while the test asks; it stops after its first bytes.
            let stalled = "POST /api/v1/tickets HTTP/1.1\r\nHost: x\r\nContent-Type: multipart/form-data; boundary=g\r\n"
                + "Content-Length: 4000000\r\n\r\n--g\r\n"
            var holding = try RawConnection.open(port: port, sending: Array(stalled.utf8))
            defer { close(holding) }
            // Until the stalled body has its slot (a loaded machine may take a while to get there), empty forms are refused
            // at once: 422, holding the slot only for a moment. When one held it just as the stalled body asked, that body
            // was refused (503, answered): it asks again.
            #expect(try await eventually(timeout: .seconds(20), interval: .milliseconds(200)) {
                if RawConnection.hasAnswered(holding) {
                    close(holding)
                    holding = try RawConnection.open(port: port, sending: Array(stalled.utf8))
                }
                return try await client.execute(uri: "/api/v1/tickets", method: .post, headers: MultipartBody().headers,
                                         body: MultipartBody().finished()).status == .serviceUnavailable
            })
            for (language, words) in [("de", "Ihr Formular kann gerade nicht angenommen werden."),
                                      ("en", "Your form cannot be accepted right now.")] {
                let busy = try await client.submitForm(headers: [.acceptLanguage: language])
                #expect(busy.status == .serviceUnavailable && busy.headers[.retryAfter] == "1")
                #expect(busy.error?.code == "uploads_busy" && busy.error?.message.hasPrefix(words) == true, "\(busy.text)")
            }
        }
    }

    @Test("a body that has trickled for the eviction age gives its slot to a customer's form, and is 408 at its next chunk")
    func slowBodyGivesWay() async throws {
        try await TicketFixture.singleUploadSlot(evictionAge: .milliseconds(300)).server.test(mode: .live) { client in
            let port = try #require(client.port)
            let stalled = "POST /api/v1/tickets HTTP/1.1\r\nHost: x\r\nContent-Type: multipart/form-data; boundary=g\r\n"
                + "Content-Length: 4000000\r\n\r\n--g\r\n"
            let holding = try RawConnection.open(port: port, sending: Array(stalled.utf8))
            defer { close(holding) }
            try await Task.sleep(for: .milliseconds(400))
            // The form may have come before the stalled body asked (then that body was refused, and the form passed anyway).
            let form = try await client.submitForm()
            #expect(form.status == .created, "\(form.text)")
            let chunk = Array(String(repeating: "x", count: 1_000).utf8)
            _ = chunk.withUnsafeBytes { send(holding, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            let answer = await RawConnection.waitForHead(socket: holding, seconds: 60)
            #expect(answer.hasPrefix("HTTP/1.1 408") || answer.hasPrefix("HTTP/1.1 503"), "\(answer)")
        }
    }

    @Test("the admin failure budget judges a client the full table could not take by the overflow it was counted under")
    func fullTableStaysClosed() {
        let limiter = RateLimiter(limit: 3, window: .seconds(60), maximumClients: 1)
        _ = limiter.check("a")
        for _ in 0..<4 { _ = limiter.check("b") }
        #expect(limiter.exhausted("b") != nil)
    }

    @Test("forms another website made a browser send are refused before they count: admin sign-in, help-page votes")
    func crossSiteForms() async throws {
        try await TicketFixture().test { client in
            let form: HTTPFields = [.contentType: "application/x-www-form-urlencoded"]
            var crossSite = form
            crossSite[HTTPField.Name("Sec-Fetch-Site")!] = "cross-site"
            for _ in 0..<12 {
                let refused = try await client.execute(uri: "/admin/anmelden", method: .post, headers: crossSite,
                                                       body: ByteBuffer(string: "token=falsch&name=x"))
                #expect(refused.status == .forbidden && refused.error?.code == "cross_site")
            }
            #expect(try await client.admin("/api/v1/admin/tickets").status == .ok, "no failure was counted")
            let vote = try await client.execute(uri: HelpPageTests.article, method: .post, headers: crossSite,
                                                body: ByteBuffer(string: "hilfreich=nein"))
            #expect(vote.status == .forbidden)
            var sameOrigin = form
            sameOrigin[HTTPField.Name("Sec-Fetch-Site")!] = "same-origin"
            let own = try await client.execute(uri: HelpPageTests.article, method: .post, headers: sameOrigin,
                                               body: ByteBuffer(string: "hilfreich=ja"))
            #expect(own.status == .seeOther)
            let stats = try await client.admin("/api/v1/admin/stats?since=24h")
            let votes = (stats.json["topHelpfulArticles"] as? [[String: Any]] ?? [])
                .first { $0["id"] as? String == "passwort-zuruecksetzen" }
            #expect(votes?["helpful"] as? Int == 1 && (votes?["notHelpful"] as? Int ?? 0) == 0, "\(stats.text)")
        }
    }

    @Test("a ticket another website's page made a browser post is refused, unless that site is a configured portal origin")
    func crossSiteTickets() async throws {
        let fixture = try TicketFixture { $0.corsOrigins = ["https://portal.beispiel.de"] }
        try await fixture.test { client in
            for (origin, expected) in [("https://evil.example", HTTPResponse.Status.forbidden), ("https://portal.beispiel.de", .created)] {
                let body = MultipartBody.validTicket()
                var headers = body.headers
                headers[HTTPField.Name("Sec-Fetch-Site")!] = "cross-site"
                headers[.origin] = origin
                let posted = try await client.execute(uri: "/api/v1/tickets", method: .post, headers: headers, body: body.finished())
                #expect(posted.status == expected, "\(origin)")
            }
            let stored = try await client.admin("/api/v1/admin/tickets")
            #expect((stored.json["tickets"] as? [[String: Any]])?.count == 1, "only the configured portal's")
        }
    }

    @Test("admin answers carry customer data: no cache may keep them")
    func adminAnswersAreNotStored() async throws {
        try await TicketFixture().test { client in
            for uri in ["/api/v1/admin/tickets", "/api/v1/admin/stats"] {
                let answer = try await client.admin(uri)
                #expect(answer.status == .ok && answer.headers[.cacheControl] == "no-store", "\(uri)")
            }
        }
    }
}
