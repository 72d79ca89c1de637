import Hummingbird
import LotseTickets

/// 405 with `Allow` for any method a known path does not take (the router alone would say 404), including
/// methods nobody lists in advance (TRACE, QUERY, …).
enum MethodNotAllowed {
    /// Call after every route is registered: the known paths and their methods are the router's own routes.
    /// (Hummingbird adds a router middleware only to routes registered after it, so this one sees only the
    /// router's 404.)
    static func register(on router: Router<LotseRequestContext>) {
        var methods: [String: [HTTPRequest.Method]] = [:]
        for route in router.routes where route.method != .head {
            methods[route.path.description, default: []].append(route.method)
        }
        router.middlewares.add(Middleware(routes: methods.sorted { $0.key < $1.key }.map { (Self.segments($0.key), $0.value) }))
    }

    static func segments(_ path: String) -> [Substring] {
        path.split(separator: "/")
    }

    struct Middleware: RouterMiddleware {
        typealias Context = LotseRequestContext
        let routes: [([Substring], [HTTPRequest.Method])]

        func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
            do {
                return try await next(request, context)
            } catch let error as HTTPError where error.status == .notFound {
                // Only the router's own 404 (no route for this method); a handler's "no such article" is an APIError.
                let path = MethodNotAllowed.segments(request.uri.path)
                guard let allowed = routes.first(where: { matches(path, $0.0) })?.1, !allowed.contains(request.method) else {
                    throw error
                }
                let names = allowed.map(\.rawValue)
                var notAllowed = APIError(.methodNotAllowed, code: .methodNotAllowed, parameters: ["allowed": .list(names)])
                notAllowed.headers[.allow] = names.joined(separator: ", ")
                throw notAllowed
            }
        }

        private func matches(_ path: [Substring], _ pattern: [Substring]) -> Bool {
            path.count == pattern.count && zip(path, pattern).allSatisfy { $1.hasPrefix("{") || $0 == $1 }
        }
    }
}
