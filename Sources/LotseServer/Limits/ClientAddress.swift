import Foundation
import HTTPTypes
import Hummingbird
import Logging
import Synchronization

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

    /// What the limits count per: an IPv4 address (also written IPv4-mapped, `::ffff:203.0.113.7`), or an IPv6
    /// address's /64 network — one subscriber's, whose hosts pick any of its 2^64 addresses, so counting per address
    /// gave every request a fresh budget. Text that is no address counts as itself.
    static func key(_ address: String) -> String {
        guard let bytes = CIDR.bytes(address) else { return address }
        if bytes.count == 4 || bytes.prefix(12).elementsEqual([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xFF, 0xFF]) {
            return bytes.suffix(4).map(String.init).joined(separator: ".")
        }
        return stride(from: 0, to: 8, by: 2).map { String(UInt16(bytes[$0]) << 8 | UInt16(bytes[$0 + 1]), radix: 16) }
            .joined(separator: ":") + "::/64"
    }
}

/// Puts the resolved client's key (`ClientAddress.key`) on the context before anything counts requests.
struct ClientAddressMiddleware: RouterMiddleware {
    typealias Context = LotseRequestContext
    let resolver: ClientAddress
    let undeclaredProxy = UndeclaredProxyWarning()

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        if resolver.trustedProxies.isEmpty, request.headers[ClientAddress.forwardedFor] != nil { undeclaredProxy.say(context.logger) }
        var context = context
        context.clientKey = ClientAddress.key(resolver.resolve(peer: context.remoteAddress?.ipAddress, headers: request.headers))
        return try await next(request, context)
    }
}

/// Says once that requests arrive through a proxy (`X-Forwarded-For`) while no `--trusted-proxy` is set: every client
/// then counts as the proxy's address, and one client's requests or wrong admin tokens use up everyone's budget.
final class UndeclaredProxyWarning: Sendable {
    private let said = Atomic<Bool>(false)

    func say(_ logger: Logger) {
        guard !said.exchange(true, ordering: .relaxed) else { return }
        logger.warning("""
            requests carry X-Forwarded-For but no --trusted-proxy is set: every client counts as the proxy's address \
            (rate limit, admin sign-in failures, upload slots); set --trusted-proxy to the proxy's network
            """)
    }
}
