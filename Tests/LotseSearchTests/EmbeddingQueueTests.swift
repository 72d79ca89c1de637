import Dispatch
import Glibc
import LotseTestSupport
import Synchronization
import Testing
@testable import LotseSearch

/// The encoder's queue off the request path (`lotse serve`): its own thread at the lowest priority, every text run
/// while it keeps up, the newest first and a bounded number waiting when it does not.
struct EmbeddingQueueTests {
    /// What the queued work saw: the texts in the order they ran, and the nice value of the thread that ran each.
    final class Runs: Sendable {
        private let entries = Mutex<[(text: String, nice: Int32)]>([])

        func record(_ text: String) {
            let nice = getpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0)
            entries.withLock { $0.append((text, nice)) }
        }

        var texts: [String] { entries.withLock { $0.map(\.text) } }
        var nices: [Int32] { entries.withLock { $0.map(\.nice) } }
    }

    static var ownNice: Int32 { getpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0) }

    /// A server with time to spare embeds every typed text: twenty texts asked for one after another all run, on a
    /// thread at nice 19, while the thread that asked keeps its own priority.
    @Test func everyTextRunsWhileTheQueueKeepsUpAtTheLowestPriority() async {
        let before = Self.ownNice
        let queue = EmbeddingQueue(), runs = Runs()
        let texts = (0..<20).map { "Wie kann ich \($0)" }
        for (index, text) in texts.enumerated() {
            queue.request(text) { runs.record(text) }
            let ran = await eventually { runs.texts.count == index + 1 }
            #expect(ran, "\(text) did not run")
        }
        #expect(runs.texts == texts)
        #expect(runs.nices.allSatisfy { $0 == EmbeddingQueue.niceness }, "\(runs.nices)")
        #expect(Self.ownNice == before)
    }

    /// While a run is busy, at most `capacity` texts wait, the newest run first, the oldest are dropped, and a text
    /// that runs or waits already is not queued twice.
    @Test func aBusyQueueRunsTheNewestAndDropsTheOldest() async {
        let queue = EmbeddingQueue(capacity: 2), runs = Runs()
        let release = DispatchSemaphore(value: 0)
        queue.request("erste") {
            runs.record("erste")
            release.wait()
        }
        let started = await eventually { runs.texts == ["erste"] }
        #expect(started)
        for text in ["a", "b", "c", "d", "d", "erste"] { queue.request(text) { runs.record(text) } }
        release.signal()
        let drained = await eventually { runs.texts.count == 3 }
        queue.request("danach") { runs.record("danach") }
        let ranLast = await eventually { runs.texts.count == 4 }
        #expect(drained && ranLast)
        #expect(runs.texts == ["erste", "d", "c", "danach"])
    }
}
