import Hummingbird

/// Guards `/api/v1/admin`: `Authorization: Bearer TOKEN`, compared in constant time. Without a configured
/// token the admin API is off and says so.
struct AdminAuthMiddleware: RouterMiddleware {
    typealias Context = LotseRequestContext
    let token: String?

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard let token, !token.isEmpty else {
            throw Self.unauthorized(code: "admin_disabled",
                                    message: "the admin API is disabled: start lotse serve with --admin-token or LOTSE_ADMIN_TOKEN")
        }
        let header = request.headers[.authorization] ?? ""
        guard header.hasPrefix("Bearer "), Self.constantTimeEqual(Array(header.utf8.dropFirst(7)), Array(token.utf8)) else {
            throw Self.unauthorized(code: "unauthorized", message: "send the admin token as Authorization: Bearer TOKEN")
        }
        return try await next(request, context)
    }

    static func unauthorized(code: String, message: String) -> APIError {
        var error = APIError(.unauthorized, code: code, message: message)
        error.headers[.wwwAuthenticate] = "Bearer"
        return error
    }

    /// Looks at every byte of the longer input whatever matches, so the time does not tell how much of a
    /// guess was right.
    static func constantTimeEqual(_ lhs: [UInt8], _ rhs: [UInt8]) -> Bool {
        var difference = UInt(lhs.count ^ rhs.count)
        for index in 0..<max(lhs.count, rhs.count) {
            let left = index < lhs.count ? lhs[index] : 0
            let right = index < rhs.count ? rhs[index] : 0
            difference |= UInt(left ^ right)
        }
        return difference == 0
    }
}
