import Hummingbird
import NIOCore

/// How slowly a multipart body may arrive while it holds an upload slot (as Apache's mod_reqtimeout counts): 20 s to
/// begin with, one second more for every 16 KiB received, 5 minutes at most, and never longer than its declared length
/// needs at that pace. The idle timeout closes only a silent
/// connection; without this, eight uploads sending a byte every few seconds held every slot, and every ticket sent from
/// the portal (always multipart) was refused as busy, for as long as the sender liked.
public struct UploadPace: Sendable {
    public var grace: Duration
    public var bytesPerSecond: Int
    public var maximum: Duration

    public init(grace: Duration = .seconds(20), bytesPerSecond: Int = 16 * 1_024, maximum: Duration = .seconds(300)) {
        self.grace = grace
        self.bytesPerSecond = bytesPerSecond
        self.maximum = maximum
    }

    /// How long `bytes` may have taken to arrive.
    func allowance(for bytes: Int) -> Duration {
        min(maximum, grace + .seconds(Double(bytes) / Double(bytesPerSecond)))
    }

    /// The longest a body may hold its slot: the allowance of its declared length (of the whole limit when it declares
    /// none). A body sent at the pace is complete by then, so nothing legitimate is cut short, while a small one that goes
    /// quiet before its last byte gives the slot back within seconds. With the 5-minute maximum a 25 MB upload still
    /// passes on a line of 0.7 Mbit/s.
    func hold(declaredLength: Int?, limit: Int) -> Duration {
        allowance(for: min(declaredLength ?? limit, limit))
    }

    /// The whole body, 413 past `limit` bytes, 408 `upload_too_slow` once it falls behind the pace, is not complete
    /// when its `hold` ends, or loses its `slot` to a newcomer (`UploadSlots`).
    func collect(_ request: Request, limit: Int, slot: UploadSlots.Slot? = nil) async throws -> ByteBuffer {
        let declared = request.headers[.contentLength].flatMap { Int($0) }
        do {
            return try await Deadline.run(hold(declaredLength: declared, limit: limit)) {
                try await read(request, limit: limit, slot: slot)
            }
        } catch is Deadline.Exceeded {
            throw APIError(.requestTimeout, code: .uploadTooSlow)
        }
    }

    /// Checked as each chunk arrives, so a slow sender is refused early; a silent one is cut off by `hold`.
    private func read(_ request: Request, limit: Int, slot: UploadSlots.Slot?) async throws -> ByteBuffer {
        let start = ContinuousClock.now
        var body = ByteBuffer()
        for try await var chunk in request.body {
            guard body.readableBytes + chunk.readableBytes <= limit else {
                throw APIError.body(.contentTooLarge, code: .bodyTooLarge, .tooLarge(maximumBytes: limit))
            }
            body.writeBuffer(&chunk)
            do {
                try slot?.received(body.readableBytes)
            } catch {
                throw APIError(.requestTimeout, code: .uploadTooSlow)
            }
            guard ContinuousClock.now - start <= allowance(for: body.readableBytes) else {
                throw APIError(.requestTimeout, code: .uploadTooSlow)
            }
        }
        return body
    }
}
