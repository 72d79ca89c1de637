import Hummingbird
import NIOCore

/// Per-request context: Hummingbird's core storage (logger with request id) plus the client's address.
public struct LotseRequestContext: RequestContext, RemoteAddressRequestContext {
    public var coreContext: CoreRequestContextStorage
    public let remoteAddress: SocketAddress?

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        remoteAddress = source.channel.remoteAddress
    }

    /// The client key for rate limiting.
    var clientKey: String { remoteAddress?.ipAddress ?? "unknown" }
}
