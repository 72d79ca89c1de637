import Logging
import LotseTickets

/// What the ticket routes share: the store, the query-log writer, the form rules, the contacts and the
/// attachment folder. When the store cannot be opened (read-only or full disk) the server still searches;
/// the ticket routes answer 503 `storage_unavailable`.
final class TicketServices: Sendable {
    let store: any TicketStore
    let queryLog: QueryLogWriter
    let form: TicketForm
    let contacts: ContactList
    let attachments: AttachmentDirectory
    let forwards: Bool

    init(configuration: ServerConfiguration, logger: Logger) {
        let store: any TicketStore
        do {
            store = try TicketStoreLocation(databaseURL: configuration.databaseURL, dataPath: configuration.dataPath).open(logger: logger)
        } catch {
            logger.error("ticket data unavailable; ticket endpoints answer 503", metadata: ["path": "\(configuration.dataPath)", "error": "\(error)"])
            store = UnavailableTicketStore(reason: "\(error)")
        }
        self.store = store
        queryLog = QueryLogWriter(store: store, interval: configuration.queryLogInterval, logger: logger)
        form = TicketForm(customFields: configuration.ticketFields, attachments: configuration.attachmentPolicy)
        contacts = configuration.contacts
        attachments = AttachmentDirectory(besideDatabase: configuration.dataPath)
        forwards = configuration.ticketWebhook != nil
    }
}
