import Hummingbird
import NIOCore

/// How slowly a multipart body may arrive while it holds an upload slot (as Apache's mod_reqtimeout counts): 20 s to
/// begin with, one second more for every 16 KiB received, 5 minutes at most. The idle timeout closes only a silent
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

    /// The whole body, 413 past `limit` bytes, 408 `upload_too_slow` once it falls behind the pace. A sender that goes
    /// silent is cut off by the idle timeout, so a slot is free again at most that long after the pace was missed.
    func collect(_ request: Request, limit: Int) async throws -> ByteBuffer {
        let start = ContinuousClock.now
        var body = ByteBuffer()
        for try await var chunk in request.body {
            guard body.readableBytes + chunk.readableBytes <= limit else {
                throw APIError.body(.contentTooLarge, code: .bodyTooLarge, .tooLarge(maximumBytes: limit))
            }
            body.writeBuffer(&chunk)
            guard ContinuousClock.now - start <= allowance(for: body.readableBytes) else {
                throw APIError(.requestTimeout, code: .uploadTooSlow)
            }
        }
        return body
    }
}
