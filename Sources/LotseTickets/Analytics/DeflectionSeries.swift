import Foundation

/// `GET /api/v1/admin/deflection`: the funnel per day or week over the last 7, 30 or 90 days (today included, UTC).
/// Weeks end on `to`: the last bucket is the latest full week, the first may be shorter (30 days: 2 + 4 × 7).
/// Stages count sessions on the day they first reached the stage (`AnalyticsSchema`), so buckets add up.
public struct DeflectionSeries: Encodable, Sendable, Equatable {
    public enum Bucket: String, Sendable, CaseIterable {
        case day, week

        var length: Int { self == .day ? 1 : 7 }
    }

    public struct Point: Encodable, Sendable, Equatable {
        public var start: String
        public var end: String
        public var shown: Int
        public var opened: Int
        public var solved: Int
        public var ticketsAfterSuggestions: Int
        /// solved ÷ shown; null (not absent) when no session was shown suggestions.
        public var deflectionRate: Double?

        init(start: String, end: String, counts: FunnelCounts) {
            self.start = start
            self.end = end
            shown = counts.shown
            opened = counts.opened
            solved = counts.solved
            ticketsAfterSuggestions = counts.ticketsAfterSuggestions
            deflectionRate = Rate.rounded(counts.solved, of: counts.shown)
        }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(start, forKey: .start)
            try container.encode(end, forKey: .end)
            try container.encode(shown, forKey: .shown)
            try container.encode(opened, forKey: .opened)
            try container.encode(solved, forKey: .solved)
            try container.encode(ticketsAfterSuggestions, forKey: .ticketsAfterSuggestions)
            try container.encode(deflectionRate, forKey: .deflectionRate)
        }

        enum CodingKeys: String, CodingKey { case start, end, shown, opened, solved, ticketsAfterSuggestions, deflectionRate }
    }

    public struct Totals: Encodable, Sendable, Equatable {
        public var shown: Int
        public var opened: Int
        public var solved: Int
        public var ticketsAfterSuggestions: Int
        public var deflectionRate: Double?

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: Point.CodingKeys.self)
            try container.encode(shown, forKey: .shown)
            try container.encode(opened, forKey: .opened)
            try container.encode(solved, forKey: .solved)
            try container.encode(ticketsAfterSuggestions, forKey: .ticketsAfterSuggestions)
            try container.encode(deflectionRate, forKey: .deflectionRate)
        }
    }

    public static let windows = [7, 30, 90]
    public static let definition = """
        Ablenkungsquote = Sitzungen, die einen vorgeschlagenen Artikel als „gelöst“ markiert haben, geteilt durch Sitzungen, \
        denen Artikel vorgeschlagen wurden (je Sitzung einmal, am Tag, an dem sie die Stufe zuerst erreichte).
        """

    public var days: Int
    public var bucket: String
    public var from: String
    public var to: String
    public var definition = Self.definition
    public var series: [Point]
    public var totals: Totals

    /// `today`: the UTC day number (days since 1970) the window ends with; `counts`: the store's days.
    public init(days: Int, bucket: Bucket, today: Int, counts: [Int: FunnelCounts]) {
        let first = today - days + 1
        self.days = days
        self.bucket = bucket.rawValue
        from = DayNumber.text(first)
        to = DayNumber.text(today)
        var points: [Point] = []
        var end = today
        while end >= first {
            let start = max(first, end - bucket.length + 1)
            let sum = (start...end).reduce(FunnelCounts()) { $0 + (counts[$1] ?? FunnelCounts()) }
            points.append(Point(start: DayNumber.text(start), end: DayNumber.text(end), counts: sum))
            end = start - 1
        }
        series = points.reversed()
        let total = (first...today).reduce(FunnelCounts()) { $0 + (counts[$1] ?? FunnelCounts()) }
        totals = Totals(shown: total.shown, opened: total.opened, solved: total.solved,
                        ticketsAfterSuggestions: total.ticketsAfterSuggestions, deflectionRate: Rate.rounded(total.solved, of: total.shown))
    }

    /// The series for the last `days` days up to today (UTC).
    public static func load(from store: any TicketStore, days: Int, bucket: Bucket, now: Date = Date()) async throws -> DeflectionSeries {
        let today = DayNumber.of(now)
        return DeflectionSeries(days: days, bucket: bucket, today: today, counts: try await store.funnel(days: (today - days + 1)...today))
    }
}

/// UTC day numbers (days since 1970), the stores' `day` columns, and their `YYYY-MM-DD` form.
public enum DayNumber {
    public static func of(_ time: Date) -> Int { StageMarks.day(time) }

    public static func text(_ day: Int) -> String {
        Date(timeIntervalSince1970: Double(day) * 86_400).formatted(.iso8601.year().month().day())
    }
}

/// Shares, rounded to 4 decimals for JSON; nil when there is nothing to divide by.
enum Rate {
    static func rounded(_ part: Int, of whole: Int) -> Double? {
        whole == 0 ? nil : round4(Double(part) / Double(whole))
    }

    static func round4(_ value: Double) -> Double { (value * 10_000).rounded() / 10_000 }

    /// The 95 % Wilson score interval of `successes` in `trials` (nil for no trials): honest for small counts,
    /// where the plain share (1 of 2 = 50 %) would mislead.
    static func wilson(_ successes: Int, of trials: Int) -> (low: Double, high: Double)? {
        guard trials > 0 else { return nil }
        let z = 1.959_963_985, n = Double(trials), p = Double(successes) / n
        let denominator = 1 + z * z / n
        let center = (p + z * z / (2 * n)) / denominator
        let half = z * (p * (1 - p) / n + z * z / (4 * n * n)).squareRoot() / denominator
        return (round4(max(0, center - half)), round4(min(1, center + half)))
    }
}
