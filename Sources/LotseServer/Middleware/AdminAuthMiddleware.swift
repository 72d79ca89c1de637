import Hummingbird

/// Guards `/api/v1/admin`: `Authorization: Bearer TOKEN`, compared in constant time. Without a configured
/// token the admin API is off and says so. Failed attempts are counted per client on their own, stricter
/// budget: once it is used up every attempt (right or wrong) is 429 until the window ends, so guessing stays slow.
struct AdminAuthMiddleware: RouterMiddleware {
    typealias Context = LotseRequestContext
    let token: String?
    let failures: RateLimiter

    /// Shortest token `lotse serve` accepts (a short one could be guessed despite the failure limit).
    static let minimumTokenBytes = 16

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard let token, !token.isEmpty else {
            throw Self.unauthorized(.adminDisabled)
        }
        if let wait = failures.exhausted(context.clientKey) { throw Self.tooManyFailures(wait) }
        let header = request.headers[.authorization] ?? ""
        guard header.hasPrefix("Bearer "), Self.constantTimeEqual(Array(header.utf8.dropFirst(7)), Array(token.utf8)) else {
            if let wait = failures.check(context.clientKey) { throw Self.tooManyFailures(wait) }
            throw Self.unauthorized(.unauthorized)
        }
        return try await next(request, context)
    }

    static func tooManyFailures(_ wait: Duration) -> APIError {
        var error = APIError(.tooManyRequests, code: .tooManyFailedAuthentications)
        error.headers[.retryAfter] = RateLimiter.retryAfter(wait)
        return error
    }

    static func unauthorized(_ code: APIError.Code) -> APIError {
        var error = APIError(.unauthorized, code: code)
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
