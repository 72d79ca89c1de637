import Synchronization
import Testing

@testable import LotseServer

@Suite("Upload slots")
struct UploadSlotsTests {
    @Test("at most perClient of one client and total at once; a slot is free again when its body ends")
    func slots() async throws {
        let slots = UploadSlots(total: 3, perClient: 2)
        try await slots.run(client: "a") { _ in
            try await slots.run(client: "a") { _ in
                await #expect(throws: UploadSlots.Busy.self) { try await slots.run(client: "a") { _ in } }
                try await slots.run(client: "b") { _ in
                    await #expect(throws: UploadSlots.Busy.self) { try await slots.run(client: "c") { _ in } }
                }
                try await slots.run(client: "c") { _ in }
            }
        }
        struct Failed: Error {}
        await #expect(throws: Failed.self) { try await slots.run(client: "a") { _ in throw Failed() } }
        try await slots.run(client: "a") { _ in try await slots.run(client: "a") { _ in try await slots.run(client: "b") { _ in } } }
    }

    @Test("with none free, a newcomer takes the slot of the slowest body past the minimum age; that body learns it at its next chunk")
    func slowBodiesGiveWay() async throws {
        let clock = ManualClock()
        let slots = UploadSlots(
            total: 2, perClient: 1, minimumAge: .milliseconds(20), briskBytesPerSecond: 100_000, now: clock.now)
        try await slots.run(client: "a") { slow in
            try slow.received(10)
            clock.advance(.milliseconds(1))
            try await slots.run(client: "b") { brisk in
                try brisk.received(1_000_000)
                clock.advance(.milliseconds(18))
                await #expect(throws: UploadSlots.Busy.self, "nobody is old enough yet") { try await slots.run(client: "c") { _ in } }
                clock.advance(.milliseconds(40))
                try await slots.run(client: "c") { newcomer in
                    #expect(throws: UploadSlots.Evicted.self) { try slow.received(20) }
                    try brisk.received(2_000_000)
                    try newcomer.received(10_000_000)
                    clock.advance(.milliseconds(40))
                    // a's slot is c's now: b and c arrive briskly, so a newcomer finds none to take.
                    await #expect(throws: UploadSlots.Busy.self) { try await slots.run(client: "d") { _ in } }
                }
            }
        }
        try await slots.run(client: "a") { _ in try await slots.run(client: "d") { _ in } }
    }

    @Test("a client at its own limit can take only its own slow body's slot")
    func aClientTakesOnlyItsOwn() async throws {
        let clock = ManualClock()
        let slots = UploadSlots(total: 3, perClient: 1, minimumAge: .zero, briskBytesPerSecond: 100_000, now: clock.now)
        try await slots.run(client: "a") { slowA in
            try slowA.received(1)
            try await slots.run(client: "b") { slowB in
                try slowB.received(0)
                clock.advance(.milliseconds(20))
                try await slots.run(client: "a") { _ in
                    #expect(throws: UploadSlots.Evicted.self) { try slowA.received(2) }
                    try slowB.received(1)  // b, slower still, keeps its slot: it is not a's to take
                }
            }
        }
    }
}

/// Time that moves only when the test says so.
private final class ManualClock: Sendable {
    private let instant = Mutex(ContinuousClock.now)

    @Sendable func now() -> ContinuousClock.Instant { instant.withLock { $0 } }

    func advance(_ duration: Duration) { instant.withLock { $0 += duration } }
}
