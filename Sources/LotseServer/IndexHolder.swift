import Foundation
import Logging
import LotseIndex
import LotseSearch
import LotseSemantic
import Synchronization

/// The search engine over the current index file, swapped when `lotse index` renames a new file into place.
/// Requests that hold the old engine finish on the old file (its connections keep the old inode open).
public final class IndexHolder: Sendable {
    private struct State {
        var engine: SearchEngine
        var identity: FileIdentity?
        var lastError: String?
        /// The operator's curation, handed to every engine this holder opens.
        var curation = Curation.none
    }

    private let state: Mutex<State>
    private let path: String
    private let connections: Int
    private let semantic: SemanticModel?
    private let cacheMemory: CacheMemory

    public init(path: String, connections: Int, semantic: SemanticModel? = nil, cacheMemory: CacheMemory = .standard) throws {
        self.path = path
        self.connections = connections
        self.semantic = semantic
        self.cacheMemory = cacheMemory
        let identity = FileIdentity(path: path)
        try IndexStore.verify(path: path)
        let engine = try SearchEngine(indexPath: path, connectionCount: connections, semantic: semantic, embedsTypingInBackground: true,
                                      cacheMemory: cacheMemory)
        state = Mutex(State(engine: engine, identity: identity))
    }

    public var engine: SearchEngine { state.withLock { $0.engine } }
    /// The last failed reload, if the current file could not be opened (the previous index keeps serving).
    public var lastError: String? { state.withLock { $0.lastError } }

    /// How many of the most common terms a started server reads ahead, and for how long at most.
    static let startupWarmTerms = 1_000
    static let startupWarmTime = Duration.seconds(20)
    /// A replacement engine reads the terms the current one used most recently before it takes over, for at most
    /// this long (requests keep going to the current engine meanwhile).
    static let reloadWarmTerms = 2_000
    static let reloadWarmTime = Duration.seconds(3)

    /// Reads the postings of the most common terms into the current engine (in the background after start).
    public func warmUp(logger: Logger) async {
        let engine = self.engine, started = ContinuousClock.now
        let read = await engine.warm(terms: engine.commonTerms(limit: Self.startupWarmTerms), until: started + Self.startupWarmTime)
        logger.info("index warmed", metadata: ["terms": "\(read)", "took": "\(ContinuousClock.now - started)"])
    }

    /// Answers with `curation` from now on, on the current engine and on every index opened later. Pins of
    /// articles the index lacks are logged and skipped.
    public func curate(_ curation: Curation, logger: Logger) throws {
        try Self.curate(engine, with: curation, logger: logger)
        state.withLock { $0.curation = curation }
        logger.info("curation applied", metadata: ["curation": "\(curation.summary)"])
    }

    private static func curate(_ engine: SearchEngine, with curation: Curation, logger: Logger) throws {
        for pin in try engine.curate(curation) {
            logger.warning("pin skipped: its article is not in the index",
                           metadata: ["pin": "\(pin.location)", "articleId": "\(pin.articleId.debugDescription)"])
        }
    }

    /// Says so when a model was given but `engine`'s index has no vectors it made (built lexical-only or with another
    /// model): it is searched lexical-only, and `/healthz` reports `"semantic": false`, until `lotse index` adds them.
    func warnIfLexicalOnly(_ engine: SearchEngine, logger: Logger) {
        guard semantic != nil, !engine.isSemantic else { return }
        logger.warning("semantic search off: the index has no vectors of this model; serving lexical-only until `lotse index` adds them",
                       metadata: ["index": "\(path)"])
    }

    /// Opens the index again if the file was replaced, warms the new engine with what the current one was
    /// asked for, then switches; returns true when it switched. The curation is not changed meanwhile (both run in
    /// the one reload loop), so the new engine answers with the current one.
    @discardableResult
    public func reloadIfChanged(logger: Logger) async -> Bool {
        let identity = FileIdentity(path: path)
        guard let identity, identity != state.withLock({ $0.identity }) else { return false }
        do {
            try IndexStore.verify(path: path)
            let engine = try SearchEngine(indexPath: path, connectionCount: connections, semantic: semantic, embedsTypingInBackground: true,
                                          cacheMemory: cacheMemory)
            let curation = state.withLock { $0.curation }
            try Self.curate(engine, with: curation, logger: logger)
            let recent = self.engine.recentTerms(limit: Self.reloadWarmTerms)
            let read = await engine.warm(terms: recent, until: .now + Self.reloadWarmTime)
            state.withLock { $0 = State(engine: engine, identity: identity, lastError: nil, curation: curation) }
            logger.info("index reloaded", metadata: ["articles": "\(engine.articleCount)", "analyzer": "\(engine.analyzerVersion)",
                                                     "warmedTerms": "\(read)", "semantic": "\(engine.isSemantic)"])
            warnIfLexicalOnly(engine, logger: logger)
            return true
        } catch {
            let message = "\(error)"
            state.withLock {
                $0.identity = identity
                $0.lastError = message
            }
            logger.error("new index could not be opened; still serving the previous one", metadata: ["error": "\(message)"])
            return false
        }
    }
}

/// Which file a path names right now: a rename over it changes the inode.
struct FileIdentity: Equatable, Sendable {
    var inode: UInt64
    var modified: Date
    var size: UInt64

    init?(path: String) {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
              let inode = (attributes[.systemFileNumber] as? NSNumber)?.uint64Value,
              let modified = attributes[.modificationDate] as? Date,
              let size = (attributes[.size] as? NSNumber)?.uint64Value else { return nil }
        self.inode = inode
        self.modified = modified
        self.size = size
    }
}
