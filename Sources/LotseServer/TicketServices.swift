import Logging
import LotseTickets

/// What the ticket routes share: the store, the query-log writer, the form rules, the contacts and the
/// attachment folder. When the store cannot be opened (read-only or full disk) the server still searches;
/// the ticket routes answer 503 `storage_unavailable` until it can (`ReopeningTicketStore`).
final class TicketServices: Sendable {
    let store: any TicketStore
    let queryLog: QueryLogWriter
    let form: TicketForm
    let contacts: ContactList
    let attachments: AttachmentDirectory
    let forwards: Bool

    /// Throws only for a malformed `--database-url`.
    init(configuration: ServerConfiguration, logger: Logger) throws {
        let store: any TicketStore
        switch try TicketStoreLocation(databaseURL: configuration.databaseURL, dataPath: configuration.dataPath) {
        case .sqlite(let path):
            let reopening = ReopeningTicketStore(path: path)
            if let error = reopening.openError {
                logger.error("ticket data unavailable; ticket endpoints answer 503 until it can be opened",
                             metadata: ["path": "\(path)", "error": "\(error)"])
            }
            store = reopening
        case .postgres(let postgres):
            // Unreachable servers surface per call as storageUnavailable (503); the pool keeps reconnecting.
            store = PostgresTicketStore(configuration: postgres, logger: logger)
        }
        self.store = store
        queryLog = QueryLogWriter(store: store, interval: configuration.queryLogInterval, logger: logger)
        form = TicketForm(customFields: configuration.ticketFields, attachments: configuration.attachmentPolicy)
        contacts = configuration.contacts
        attachments = AttachmentDirectory(besideDatabase: configuration.dataPath)
        forwards = configuration.ticketWebhook != nil
    }
}
