import Foundation

/// An operator signed in to `/admin`. The store keeps it under the SHA-256 of its cookie token (a copy of the
/// database holds no usable cookie), so every instance sharing the database knows it and sign-out ends it everywhere.
public struct AdminSession: Sendable, Equatable {
    /// The name the operator gave at sign-in: the actor of their status changes.
    public var actor: String
    /// The synchronizer token the page sends with every change (CSRF).
    public var csrfToken: String
    public var createdAt: Date
    public var lastSeenAt: Date

    public init(actor: String, csrfToken: String, createdAt: Date, lastSeenAt: Date) {
        self.actor = actor
        self.csrfToken = csrfToken
        self.createdAt = createdAt
        self.lastSeenAt = lastSeenAt
    }
}

/// When a session ends by itself: `idle` after the last request, `absolute` after sign-in, whichever comes first.
public struct AdminSessionExpiry: Sendable, Equatable {
    public var idle: TimeInterval
    public var absolute: TimeInterval

    public init(idle: TimeInterval, absolute: TimeInterval) {
        self.idle = idle
        self.absolute = absolute
    }

    /// Sessions last seen before `idleCutoff` or created before `absoluteCutoff` are over at `time`.
    func cutoffs(at time: Date) -> (idleCutoff: Date, absoluteCutoff: Date) {
        (time.addingTimeInterval(-idle), time.addingTimeInterval(-absolute))
    }

    /// The stored key of a cookie token.
    static func key(_ token: String) -> String { SHA256.hex(Array(token.utf8)) }
}
