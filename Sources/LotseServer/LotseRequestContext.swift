import Hummingbird
import NIOCore

/// Per-request context: Hummingbird's core storage (logger with request id) plus the client's address.
public struct LotseRequestContext: RequestContext, RemoteAddressRequestContext {
    public var coreContext: CoreRequestContextStorage
    public let remoteAddress: SocketAddress?
    /// The client key for rate limiting: the peer address, or the forwarded client behind a trusted proxy
    /// (set by `ClientAddressMiddleware`).
    var clientKey: String
    /// Who makes an admin change: the operator signed in to `/admin`, or "API" for the bearer token.
    var adminActor = AdminSessions.bearerActor

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        remoteAddress = source.channel.remoteAddress
        clientKey = remoteAddress?.ipAddress ?? "unknown"
    }
}
