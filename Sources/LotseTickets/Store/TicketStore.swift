import Foundation

/// Tickets, deflections, feedback and the query log. Implementations do idempotency and ticket-number
/// allocation inside their own transactions, so both hold across several server instances sharing one
/// database. Storage failures (disk full, read-only, unreachable) are thrown as `TicketStoreError.storageUnavailable`.
public protocol TicketStore: Sendable {
    /// Stores a ticket with the article ids suggested to its session so far, and (when `forward`) its outbox row,
    /// in one transaction. A known `idempotencyKey` returns the ticket created with it and stores nothing — if it came
    /// with the same `fingerprint` (a hash of the normalised request); a different one throws `IdempotencyKeyReused`.
    func createTicket(_ ticket: NewTicket, idempotencyKey: String?, fingerprint: String?, forward: Bool, at time: Date) async throws
        -> TicketReceipt
    func ticket(number: Int64) async throws -> Ticket?
    /// The queue: urgent first, then oldest first. `page` counts from 1.
    func tickets(status: TicketStatus?, page: Int, pageSize: Int) async throws -> TicketPage
    /// Changes the status and, when it differs, records the change by `actor` in the ticket's activity, in one transaction.
    func updateStatus(number: Int64, to status: TicketStatus, by actor: String, at time: Date) async throws -> Ticket?
    /// A ticket's status changes, oldest first (erased with the ticket).
    func statusChanges(number: Int64) async throws -> [StatusChange]
    /// Removes every ticket of `email` (case-insensitive) and the feedback, deflections, query-log rows and shown
    /// articles of their sessions; returns the attachments whose files the caller deletes.
    func deleteTickets(email: String) async throws -> DeletedTickets
    /// Retention: deflections, feedback, query-log rows, shown articles and session stages older than `before`, at most
    /// `batch` rows of a table per transaction (`purge`).
    func purgeLogs(before: Date, batch: Int) async throws
    /// Retention: at most `limit` closed tickets last changed before `before`, in one transaction; the caller deletes
    /// the files of the returned attachments.
    func purgeClosedTickets(before: Date, limit: Int) async throws -> DeletedTickets

    func recordDeflection(_ deflection: DeflectionRecord) async throws -> Int64
    func recordFeedback(_ feedback: FeedbackRecord) async throws
    /// Writes a batch of search and suggest events (the query log and the articles shown to each session).
    func recordQueries(_ entries: [QueryLogEntry]) async throws
    /// Article ids shown to `session`, first shown first.
    func suggestedArticles(session: String) async throws -> [String]
    /// Every stored deflection and every helpful vote that followed a search, oldest first (`lotse index` learns from them).
    func learningOutcomes() async throws -> [LearningOutcome]

    func activity(since: Date) async throws -> TicketActivity
    /// Records that a session opened an article (one `article_views` row per session, article and day) and, the
    /// first time, the session's `opened` stage.
    func recordArticleView(_ view: ArticleView) async throws
    /// Per UTC day number (days since 1970) of `days`: the sessions that reached each stage first that day
    /// (`AnalyticsSchema`) and the tickets submitted after suggestions. Days without activity are absent.
    func funnel(days: ClosedRange<Int>) async throws -> [Int: FunnelCounts]
    /// Per article over `days`: the sessions shown, opening and solving it (first reached in the range) and its votes.
    func articleFunnel(days: ClosedRange<Int>) async throws -> [String: ArticleCounts]

    /// Stores a signed-in operator under their cookie `token` and removes sessions `expiry` has ended.
    func startAdminSession(token: String, _ session: AdminSession, expiry: AdminSessionExpiry) async throws
    /// The session of `token` if `expiry` has not ended it at `time`, marked as seen then; nil otherwise.
    func resumeAdminSession(token: String, at time: Date, expiry: AdminSessionExpiry) async throws -> AdminSession?
    func endAdminSession(token: String) async throws
    /// What the content-gap topics are grouped from, newest first: at most `limit` search and suggest queries without a
    /// result and at most `limit` tickets submitted after suggestions since `since`, each with the articles that did
    /// not help its session.
    func gapInputs(since: Date, limit: Int) async throws -> [GapInput]

    /// Outbox rows due for delivery at `time`, oldest first.
    func dueDeliveries(at time: Date, limit: Int) async throws -> [OutboxEntry]
    func markDelivered(_ entryID: Int64, at time: Date) async throws
    func scheduleRetry(_ entryID: Int64, attempts: Int, next: Date, error: String) async throws
}

extension TicketStore {
    /// Retention: the logs older than `logsBefore`, then the closed tickets last changed before `closedBefore`, in
    /// transactions of at most `logBatch` log rows or `ticketBatch` tickets, so that other writes wait for one batch,
    /// not for the whole purge (the first purge of a store that had run without retention, 600,000 log rows and 10,000
    /// closed tickets in one transaction, held the SQLite writer for ~9 s; BENCHMARKS.md "Tickets"). `deleted` hears
    /// of each committed batch of tickets, so that their files go even when a later batch fails. Returns every ticket
    /// deleted.
    @discardableResult
    public func purge(closedBefore: Date, logsBefore: Date, logBatch: Int = 1_000, ticketBatch: Int = 100,
                      deleted: (DeletedTickets) async -> Void = { _ in }) async throws -> DeletedTickets {
        try await purgeLogs(before: logsBefore, batch: logBatch)
        var total = DeletedTickets(tickets: 0, attachments: [])
        while true {
            let tickets = try await purgeClosedTickets(before: closedBefore, limit: ticketBatch)
            await deleted(tickets)
            total.tickets += tickets.tickets
            total.attachments += tickets.attachments
            if tickets.tickets < ticketBatch { return total }
        }
    }

    /// Without a request fingerprint (a replay of such a key is accepted whatever its body).
    public func createTicket(_ ticket: NewTicket, idempotencyKey: String?, forward: Bool, at time: Date) async throws -> TicketReceipt {
        try await createTicket(ticket, idempotencyKey: idempotencyKey, fingerprint: nil, forward: forward, at: time)
    }
}

/// An `Idempotency-Key` already used for a request with a different body (422 `idempotency_key_reused`).
public struct IdempotencyKeyReused: Error, Equatable, Sendable {
    public init() {}
}

/// Whether a stored fingerprint allows a replay: keys stored before fingerprints existed (nil) do.
func isSameRequest(stored: String?, given: String?) -> Bool {
    guard let stored, let given else { return true }
    return stored == given
}

public enum TicketStoreError: Error, Equatable, CustomStringConvertible {
    /// The database cannot be written (disk full, read-only file system or directory, I/O error).
    case storageUnavailable(String)

    public var description: String {
        switch self {
        case .storageUnavailable(let reason): "ticket storage unavailable: \(reason)"
        }
    }
}

public struct DeletedTickets: Sendable, Equatable {
    public var tickets: Int
    public var attachments: [AttachmentRecord]

    public init(tickets: Int, attachments: [AttachmentRecord]) {
        self.tickets = tickets
        self.attachments = attachments
    }
}

/// "This article solved my problem."
public struct DeflectionRecord: Sendable, Equatable {
    public var session: String?
    public var articleID: String
    public var subject: String?
    public var description: String?
    public var time: Date

    /// Subject and description are capped (`StoredText`): a deflection keeps the gist of a draft, not all of it.
    public init(session: String?, articleID: String, subject: String? = nil, description: String? = nil, time: Date) {
        self.session = session
        self.articleID = articleID
        self.subject = subject.map { StoredText.capped($0) }
        self.description = description.map { StoredText.capped($0) }
        self.time = time
    }
}

/// "War dieser Artikel hilfreich?"
public struct FeedbackRecord: Sendable, Equatable {
    public var articleID: String
    public var helpful: Bool
    public var session: String?
    public var time: Date

    public init(articleID: String, helpful: Bool, session: String?, time: Date) {
        self.articleID = articleID
        self.helpful = helpful
        self.session = session
        self.time = time
    }
}

/// One search or suggestion: the (truncated) query, how many results, and which articles were shown to which
/// session (stored with the row, so erasure by e-mail reaches it through the tickets' sessions). No client
/// address is ever stored.
public struct QueryLogEntry: Sendable, Equatable {
    public static let maximumQueryCharacters = 200

    public var endpoint: String
    public var query: String
    public var resultCount: Int
    public var session: String?
    public var articleIDs: [String]
    public var time: Date

    /// The query is trimmed, cut to 200 characters and at most `StoredText.maximumBytes`, and loses its control
    /// characters (a NUL would fail PostgreSQL's whole batch); the session too.
    public init(endpoint: String, query: String, resultCount: Int, session: String?, articleIDs: [String], time: Date) {
        self.endpoint = endpoint
        let clean = Self.trimmed(ControlCharacters.stripped(query))
        // Up to 200 bytes are up to 200 characters, within StoredText's cap: no cutting (each search logs one).
        self.query = clean.utf8.count <= Self.maximumQueryCharacters
            ? clean : StoredText.capped(String(clean.prefix(Self.maximumQueryCharacters)))
        self.resultCount = resultCount
        self.session = session.map(ControlCharacters.stripped)
        self.articleIDs = articleIDs
        self.time = time
    }

    /// Without leading and trailing whitespace and newlines; a text whose ends are ASCII other than those is kept as
    /// it is without asking Foundation.
    static func trimmed(_ text: String) -> String {
        let plain = { (byte: UInt8) in byte > 0x20 && byte < 0x7F }
        if let first = text.utf8.first, let last = text.utf8.last, plain(first), plain(last) { return text }
        return text.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}

/// The raw numbers of a period, before article titles are joined in (`StatisticsReport`).
public struct TicketActivity: Sendable, Equatable {
    public var submitted: Int
    public var submittedAfterSuggestions: Int
    public var deflectionsByArticle: [String: Int]
    public var feedbackByArticle: [String: FeedbackCounts]
    public var zeroResultQueries: [String: Int]
    public var suggestedArticles: Set<String>

    public init(submitted: Int = 0, submittedAfterSuggestions: Int = 0, deflectionsByArticle: [String: Int] = [:],
                feedbackByArticle: [String: FeedbackCounts] = [:], zeroResultQueries: [String: Int] = [:],
                suggestedArticles: Set<String> = []) {
        self.submitted = submitted
        self.submittedAfterSuggestions = submittedAfterSuggestions
        self.deflectionsByArticle = deflectionsByArticle
        self.feedbackByArticle = feedbackByArticle
        self.zeroResultQueries = zeroResultQueries
        self.suggestedArticles = suggestedArticles
    }
}

/// Votes on one article.
public struct FeedbackCounts: Sendable, Equatable {
    public var helpful: Int
    public var notHelpful: Int

    public init(helpful: Int = 0, notHelpful: Int = 0) {
        self.helpful = helpful
        self.notHelpful = notHelpful
    }
}

/// A ticket waiting to be forwarded to the helpdesk webhook.
public struct OutboxEntry: Sendable, Equatable {
    public var id: Int64
    public var ticketNumber: Int64
    public var attempts: Int

    public init(id: Int64, ticketNumber: Int64, attempts: Int) {
        self.id = id
        self.ticketNumber = ticketNumber
        self.attempts = attempts
    }
}
