import Foundation

/// One entry of a ticket's activity list: who changed its status, when, from what to what.
public struct StatusChange: Sendable, Equatable {
    public var actor: String
    public var from: TicketStatus
    public var to: TicketStatus
    public var time: Date

    public init(actor: String, from: TicketStatus, to: TicketStatus, time: Date) {
        self.actor = actor
        self.from = from
        self.to = to
        self.time = time
    }

    /// Operator names are shown in the activity list: one line, bounded.
    public static let maximumActorCharacters = 100

    public static func cleanActor(_ text: String) -> String {
        let words = ControlCharacters.stripped(text).split(whereSeparator: \.isWhitespace)
        return String(words.joined(separator: " ").prefix(maximumActorCharacters))
    }
}
