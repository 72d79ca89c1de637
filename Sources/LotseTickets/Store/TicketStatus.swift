/// Where a ticket stands in the helpdesk queue, as in the helpdesk Lotse feeds; the raw values are the API's,
/// the labels the portal's. `information` is a ticket that only informs (nothing to answer).
public enum TicketStatus: String, CaseIterable, Codable, Sendable {
    case open
    case inProgress = "in_progress"
    case waitingForCustomer = "waiting_for_customer"
    case information
    case answered
    case closed

    public var label: String {
        switch self {
        case .open: "Offen"
        case .inProgress: "In Bearbeitung"
        case .waitingForCustomer: "Feedback benötigt"
        case .information: "Informationen"
        case .answered: "Beantwortet"
        case .closed: "Geschlossen"
        }
    }
}
