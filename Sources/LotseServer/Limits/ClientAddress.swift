import Foundation
import HTTPTypes
import Hummingbird

/// Which address a request counts against: the peer, or — when the peer is one of the `--trusted-proxy`
/// networks — the right-most `X-Forwarded-For` hop that is not a trusted proxy (hops left of it are the
/// client's own claims and could be forged).
struct ClientAddress: Sendable {
    let trustedProxies: [CIDR]

    static let forwardedFor = HTTPField.Name("X-Forwarded-For")!

    func resolve(peer: String?, headers: HTTPFields) -> String {
        guard let peer else { return "unknown" }
        guard isTrusted(peer) else { return peer }
        let hops = headers[values: Self.forwardedFor]
            .flatMap { $0.split(separator: ",") }
            .map { $0.trimmingCharacters(in: .whitespaces) }
        var client = peer
        for hop in hops.reversed() {
            // A hop that is not an address means the chain cannot be trusted beyond it.
            guard CIDR.bytes(hop) != nil else { return client }
            client = hop
            if !isTrusted(hop) { return hop }
        }
        return client
    }

    private func isTrusted(_ address: String) -> Bool {
        trustedProxies.contains { $0.contains(address) }
    }
}

/// Puts the resolved client address on the context before anything counts requests.
struct ClientAddressMiddleware: RouterMiddleware {
    typealias Context = LotseRequestContext
    let resolver: ClientAddress

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var context = context
        context.clientKey = resolver.resolve(peer: context.remoteAddress?.ipAddress, headers: request.headers)
        return try await next(request, context)
    }
}
