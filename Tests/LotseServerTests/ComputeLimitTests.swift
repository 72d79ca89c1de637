import Foundation
import HTTPTypes
import HummingbirdTesting
@testable import LotseServer
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

    @Test("a waiting request gets the slot as soon as it is free")
    func waiterIsGranted() async throws {
        let gate = ComputeGate(slots: 1, wait: .seconds(60))
        let first = Task { try await gate.run(.search) { try await Task.sleep(for: .milliseconds(100)) } }
        try await Task.sleep(for: .milliseconds(20))
        try await gate.run(.search) {}
        try await first.value
    }

    @Test("the deadline answers on time and cancels the work")
    func deadlineCancelsWork() async throws {
        let cancelled = Mutex(false)
        let started = ContinuousClock.now
        await #expect(throws: Deadline.Exceeded.self) {
            _ = try await Deadline.run(.milliseconds(100)) {
                do { try await Task.sleep(for: .seconds(120)) } catch { cancelled.withLock { $0 = true } }
                return 1
            }
        }
        // Not waiting for the work (bounded loosely: the whole suite shares two cores).
        #expect(ContinuousClock.now - started < .seconds(60))
        for _ in 0..<600 where !cancelled.withLock({ $0 }) { try await Task.sleep(for: .milliseconds(50)) }
        #expect(cancelled.withLock { $0 })
        #expect(try await Deadline.run(.seconds(120)) { 42 } == 42)
    }
}
