import Testing

@testable import LotseServer

@Suite("Upload slots")
struct UploadSlotsTests {
    @Test("at most perClient of one client and total at once; a slot is free again when its body ends")
    func slots() async throws {
        let slots = UploadSlots(total: 3, perClient: 2)
        try await slots.run(client: "a") {
            try await slots.run(client: "a") {
                await #expect(throws: UploadSlots.Busy.self) { try await slots.run(client: "a") {} }
                try await slots.run(client: "b") {
                    await #expect(throws: UploadSlots.Busy.self) { try await slots.run(client: "c") {} }
                }
                try await slots.run(client: "c") {}
            }
        }
        struct Failed: Error {}
        await #expect(throws: Failed.self) { try await slots.run(client: "a") { throw Failed() } }
        try await slots.run(client: "a") { try await slots.run(client: "a") { try await slots.run(client: "b") {} } }
    }
}
