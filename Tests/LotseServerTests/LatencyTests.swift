import AsyncHTTPClient
import Foundation
import HummingbirdTesting
import LotseServer
import Testing

/// The latency check of item 2. It runs on its own (`make test` runs the `Latency` suites in a second `swift test`),
/// so that the rest of the suite does not starve the drafts and the search alike.
@Suite("Latency")
struct LatencyTests {
    /// Four worst-case drafts (20,000 characters of random ten-letter words: every word unknown, so every word is
    /// typo-corrected) queue for the one draft slot; once the first is answered, the other three are queued and a
    /// customer searches. What is asserted is the gate's promise, not a wall time the machine's load decides: the
    /// search answers before the draft that holds the slot meanwhile (a search waiting for any draft could not; a
    /// search costs a small fraction of a draft, on a loaded machine too), and within a generous 2 s (a stalled
    /// server would not). A 100 ms bound here failed at load 10 (872 ms) with nothing stalled; that
    /// drafts never hold every slot is asserted without timing in `ComputeLimitTests`. The drafts may be answered
    /// 200, or 503 when they hit the cap or their deadline, never anything else.
    @Test("a search answers before the worst-case drafts queued ahead of it, within 2 s")
    func searchStaysFastUnderDraftFlood() async throws {
        var fixture = try ServerFixture()
        fixture.configuration.computeSlots = 2
        try await fixture.test(mode: .live) { client in
            // Each request on its own connection (the test client would queue them on one).
            let base = "http://127.0.0.1:\(try #require(client.port))"
            // Warm: the first search of a process pays for lazy set-up that is not what this test measures.
            _ = try await HTTPClient.shared.execute(HTTPClientRequest(url: base + "/api/v1/search?q=rechnung"), timeout: .seconds(30))
            let drafts = (0..<4).map { _ in LatencyTests.worstCaseDraft() }
            try await withThrowingTaskGroup(of: (status: UInt, answered: ContinuousClock.Instant).self) { group in
                for draft in drafts {
                    group.addTask {
                        var request = HTTPClientRequest(url: base + "/api/v1/suggest")
                        request.method = .POST
                        request.headers.add(name: "Content-Type", value: "application/json")
                        request.body = .bytes(try JSONSerialization.data(withJSONObject: ["subject": "Hilfe", "description": draft]))
                        let status = try await HTTPClient.shared.execute(request, timeout: .seconds(60)).status.code
                        return (status, ContinuousClock.now)
                    }
                }
                // A draft takes far longer than sending one: when the first is answered, the others wait for the slot.
                var answers = [try #require(try await group.next())]
                let started = ContinuousClock.now
                let search = try await HTTPClient.shared.execute(
                    HTTPClientRequest(url: base + "/api/v1/search?q=passwort"), timeout: .seconds(30))
                let answered = ContinuousClock.now
                #expect(search.status == .ok)
                for try await draft in group { answers.append(draft) }
                for draft in answers { #expect(draft.status == 200 || draft.status == 503, "draft answered \(draft.status)") }
                // Answers come in the order they were received. When the first was a draft that ran (200), the next one
                // answered 200 is the draft that held the slot meanwhile. On a loaded machine the queued drafts may be
                // refused (503 after `computeWait`) before or after it: a refusal held no slot, so it is no yardstick.
                if answers[0].status == 200, let running = answers.dropFirst().first(where: { $0.status == 200 })?.answered {
                    #expect(answered < running, "the search (\(answered - started)) waited for a draft (\(running - started))")
                }
                #expect(answered - started < .seconds(2), "search took \(answered - started) while drafts ran")
            }
        }
    }

    static func worstCaseDraft(characters: Int = 20_000) -> String {
        var generator = SystemRandomNumberGenerator()
        var words: [String] = [], length = 0
        while length + 11 <= characters {
            let word = String((0..<10).map { _ in Character(Unicode.Scalar(UInt8.random(in: 97...122, using: &generator))) })
            words.append(word)
            length += 11
        }
        return words.joined(separator: " ")
    }
}
