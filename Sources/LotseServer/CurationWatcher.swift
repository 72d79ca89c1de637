import Logging
import LotseSearch
import Synchronization

/// The operator's curation files (`--synonyms`, `--pins`), read again when either is edited or replaced. A file
/// with a mistake is logged with its line, once per change, and the curation before it stays in effect; a file
/// that disappears (an editor saving by rename) changes nothing until it is back. A refusal shows in `/healthz`
/// as `degraded` until a valid curation is applied.
final class CurationWatcher: Sendable {
    private let synonyms: String?
    private let pins: String?
    /// The files as last read (or refused).
    private let seen: Mutex<[FileIdentity?]>
    private let refusal = Mutex<String?>(nil)

    init(synonyms: String?, pins: String?) {
        self.synonyms = synonyms
        self.pins = pins
        seen = Mutex([synonyms, pins].map { $0.flatMap(FileIdentity.init(path:)) })
    }

    /// Both files as they are now (at start: a mistake stops the server from starting).
    func load() throws(CurationFileError) -> Curation { try Curation.load(synonyms: synonyms, pins: pins) }

    /// The new curation when a file changed since the last look and both are valid; otherwise nil.
    func changed(logger: Logger) -> Curation? {
        let now = [synonyms, pins].map { $0.flatMap(FileIdentity.init(path:)) }
        let previous = seen.withLock { seen in
            defer { seen = zip(seen, now).map { old, new in new ?? old } }
            return seen
        }
        guard zip(previous, now).contains(where: { old, new in new != nil && new != old }) else { return nil }
        do {
            return try load()
        } catch {
            refused(error)
            logger.error("curation file refused; the previous curation stays in effect", metadata: ["error": "\(error)"])
            return nil
        }
    }

    /// Why the files as they are now are not in effect (nil when they are).
    var lastRefusal: String? { refusal.withLock { $0 } }

    func refused(_ error: any Error) { refusal.withLock { $0 = "\(error)" } }
    func applied() { refusal.withLock { $0 = nil } }
}
