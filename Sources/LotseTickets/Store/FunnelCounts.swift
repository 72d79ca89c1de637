import Foundation

/// "This session opened this article" (the portal reports it when a result or suggestion is opened).
public struct ArticleView: Sendable, Equatable {
    public var session: String
    public var articleID: String
    public var time: Date

    public init(session: String, articleID: String, time: Date) {
        self.session = ControlCharacters.stripped(session)
        self.articleID = articleID
        self.time = time
    }
}

/// One day's (or one bucket's) deflection funnel: sessions per stage, and tickets submitted after suggestions.
public struct FunnelCounts: Sendable, Equatable {
    public var shown: Int
    public var opened: Int
    public var solved: Int
    public var ticketsAfterSuggestions: Int

    public init(shown: Int = 0, opened: Int = 0, solved: Int = 0, ticketsAfterSuggestions: Int = 0) {
        self.shown = shown
        self.opened = opened
        self.solved = solved
        self.ticketsAfterSuggestions = ticketsAfterSuggestions
    }

    static func + (a: FunnelCounts, b: FunnelCounts) -> FunnelCounts {
        FunnelCounts(shown: a.shown + b.shown, opened: a.opened + b.opened, solved: a.solved + b.solved,
                     ticketsAfterSuggestions: a.ticketsAfterSuggestions + b.ticketsAfterSuggestions)
    }

    mutating func add(_ stage: FunnelStage, _ sessions: Int) {
        switch stage {
        case .shown: shown += sessions
        case .opened: opened += sessions
        case .solved: solved += sessions
        }
    }
}

/// One article's numbers over a period: sessions it was suggested to, that opened it, that marked it solved; votes.
public struct ArticleCounts: Sendable, Equatable {
    public var suggested: Int
    public var opened: Int
    public var solved: Int
    public var helpful: Int
    public var notHelpful: Int

    public init(suggested: Int = 0, opened: Int = 0, solved: Int = 0, helpful: Int = 0, notHelpful: Int = 0) {
        self.suggested = suggested
        self.opened = opened
        self.solved = solved
        self.helpful = helpful
        self.notHelpful = notHelpful
    }

    mutating func add(_ stage: FunnelStage, _ sessions: Int) {
        switch stage {
        case .shown: suggested += sessions
        case .opened: opened += sessions
        case .solved: solved += sessions
        }
    }
}
