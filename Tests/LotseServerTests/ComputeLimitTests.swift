import Foundation
import HTTPTypes
import HummingbirdTesting
@testable import LotseServer
import LotseTestSupport
import NIOCore
import Synchronization
import Testing

/// Issue 15, item 2: a cap on concurrent search/suggest work and a per-request deadline.
@Suite("Compute limits")
struct ComputeLimitTests {
    @Test("drafts hold at most slots − 1; a search still gets the last slot; excess waits, then is refused")
    func gateKeepsASlotForSearches() async throws {
        let gate = ComputeGate(slots: 2, wait: .milliseconds(200))
        let release = Mutex(false)
        let draft = Task { try await gate.run(.draft) { while !release.withLock({ $0 }) { try await Task.sleep(for: .milliseconds(5)) } } }
        try await Task.sleep(for: .milliseconds(50))
        // The second draft finds no draft slot and is refused after the wait…
        let started = ContinuousClock.now
        await #expect(throws: ComputeGate.Busy.self) { try await gate.run(.draft) {} }
        #expect(ContinuousClock.now - started >= .milliseconds(150))
        // …while a search gets the slot the draft cannot take (it would be refused after the wait otherwise).
        try await gate.run(.search) {}
        release.withLock { $0 = true }
        try await draft.value
        try await gate.run(.draft) {}
    }

    @Test("a waiting request gets the slot as soon as it is free; the gate is congested only while one waits")
    func waiterIsGranted() async throws {
        let gate = ComputeGate(slots: 1, wait: .seconds(60))
        let release = Mutex(false)
        let first = Task { try await gate.run(.search) { while !release.withLock({ $0 }) { try await Task.sleep(for: .milliseconds(5)) } } }
        try await Task.sleep(for: .milliseconds(20))
        #expect(!gate.isCongested)
        let second = Task { try await gate.run(.search) { gate.isCongested } }
        for _ in 0..<6000 where !gate.isCongested { try await Task.sleep(for: .milliseconds(10)) }
        #expect(gate.isCongested)
        release.withLock { $0 = true }
        #expect(try await second.value == false)
        try await first.value
    }

    @Test("the deadline answers without waiting for the work, and cancels it")
    func deadlineCancelsWork() async throws {
        // Work that notices the cancellation but keeps running until released (or for ten minutes): if the deadline
        // waited for it, the answer would come only then (a loose bound: the suite shares two cores).
        let released = Mutex(false)
        let sawCancellation = Mutex(false)
        let started = ContinuousClock.now
        await #expect(throws: Deadline.Exceeded.self) {
            _ = try await Deadline.run(.milliseconds(100)) {
                while !released.withLock({ $0 }), ContinuousClock.now - started < .seconds(600) {
                    if Task.isCancelled { sawCancellation.withLock { $0 = true } }
                    try? await Task.sleep(for: .milliseconds(20))
                }
                return 1
            }
        }
        #expect(ContinuousClock.now - started < .seconds(600))
        for _ in 0..<3000 where !sawCancellation.withLock({ $0 }) { try await Task.sleep(for: .milliseconds(100)) }
        #expect(sawCancellation.withLock { $0 })
        released.withLock { $0 = true }
        #expect(try await Deadline.run(.seconds(120)) { 42 } == 42)
    }

    @Test("an alarm fires once, not before its time; a cancelled one never; the ticking restarts after a pause")
    func alarmsFireOnTime() async throws {
        let alarms = Alarms(resolution: .milliseconds(5))
        let fired = Mutex<[String: [Duration]]>([:])
        let started = ContinuousClock.now
        func record(_ name: String) -> @Sendable () -> Void {
            { fired.withLock { $0[name, default: []].append(ContinuousClock.now - started) } }
        }
        alarms.set(after: .milliseconds(80), record("late"))
        let cancelled = alarms.set(after: .milliseconds(40), record("cancelled"))
        alarms.set(after: .milliseconds(20), record("early"))
        alarms.cancel(cancelled)
        #expect(await eventually { fired.withLock { $0["late"] != nil } })
        try await Task.sleep(for: .milliseconds(50))  // ticks with nothing set: the ticking stops
        alarms.set(after: .milliseconds(10), record("again"))
        #expect(await eventually { fired.withLock { $0["again"] != nil } })
        let times = fired.withLock { $0 }
        #expect(times["cancelled"] == nil)
        #expect(times["early"]?.count == 1 && times["late"]?.count == 1 && times["again"]?.count == 1)
        let early = try #require(times["early"]?.first), late = try #require(times["late"]?.first)
        let again = try #require(times["again"]?.first)
        #expect(early >= .milliseconds(20) && late >= .milliseconds(80) && again >= late + .milliseconds(60))
    }

    @Test("a result that comes before the request waits for it is still delivered")
    func deadlineKeepsAnEarlyResult() async throws {
        for value in 0..<200 {
            #expect(try await Deadline.run(.seconds(120)) { value } == value)
        }
        await #expect(throws: CancellationError.self) {
            _ = try await Deadline.run(.seconds(120)) { () async throws -> Int in throw CancellationError() }
        }
    }
}
