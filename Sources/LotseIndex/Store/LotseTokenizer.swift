import GRDB
import GRDBSQLite
import LotseAnalysis

/// State shared by the tokenizer instances of one connection: one analyzer (a connection is used by one thread
/// at a time, and one warm cache serves every table) and, while an indexer writes rows, the language of the row
/// being written (FTS5 passes no row context to tokenizers) and its tokens, analysed in advance on other threads.
final class TokenizerContext {
    let analyzer: Analyzer
    var language: Language = .de
    /// Used for a document text that is exactly one of its columns; any other text is analysed as usual.
    var prepared: PreparedRow?

    init(resources: AnalyzerResources) { analyzer = Analyzer(resources: resources) }

    /// Set by the builder once the corpus vocabulary is known.
    var resources: AnalyzerResources {
        get { analyzer.resources }
        set { analyzer.resources = newValue }
    }
}

/// One FTS5 tokenizer instance (per table per connection).
private final class TokenizerInstance {
    let context: TokenizerContext

    init(context: TokenizerContext) { self.context = context }

    var analyzer: Analyzer { context.analyzer }
}

/// Lotse's analyzer as the FTS5 tokenizer `lotse`, through the fts5 C API.
///
/// - Documents (`FTS5_TOKENIZE_DOCUMENT`): the full analysis with colocated stems, parts and joined forms.
/// - Highlight and snippet (`FTS5_TOKENIZE_AUX`): positions and offsets only, no stemming.
/// - Queries (`FTS5_TOKENIZE_QUERY`): terms are taken verbatim, split on spaces: the query builder has already
///   analysed them, so MATCH text written by anything else is not analysed.
public enum LotseTokenizer {
    public static let name = "lotse"

    /// Registers the tokenizer on one connection. Must run on every connection that touches the FTS table.
    static func register(on db: Database, context: TokenizerContext) throws {
        let api = FTS5.api(db)
        var tokenizer = fts5_tokenizer(xCreate: create, xDelete: delete, xTokenize: tokenize)
        let userData = Unmanaged.passRetained(context).toOpaque()
        let code = api.pointee.xCreateTokenizer(UnsafeMutablePointer(mutating: api), name, userData, &tokenizer) { pointer in
            if let pointer { Unmanaged<TokenizerContext>.fromOpaque(pointer).release() }
        }
        guard code == SQLITE_OK else {
            Unmanaged<TokenizerContext>.fromOpaque(userData).release()
            throw DatabaseError(resultCode: ResultCode(rawValue: code), message: "cannot register the lotse tokenizer")
        }
    }

    private typealias CreateCallback = @convention(c) (
        UnsafeMutableRawPointer?, UnsafeMutablePointer<UnsafePointer<CChar>?>?, Int32, UnsafeMutablePointer<OpaquePointer?>?
    ) -> Int32

    private static let create: CreateCallback = { userData, _, _, output in
        guard let userData, let output else { return SQLITE_ERROR }
        let context = Unmanaged<TokenizerContext>.fromOpaque(userData).takeUnretainedValue()
        output.pointee = OpaquePointer(Unmanaged.passRetained(TokenizerInstance(context: context)).toOpaque())
        return SQLITE_OK
    }

    private static let delete: @convention(c) (OpaquePointer?) -> Void = { instance in
        if let instance { Unmanaged<TokenizerInstance>.fromOpaque(UnsafeRawPointer(instance)).release() }
    }

    private typealias TokenCallback = @convention(c) (UnsafeMutableRawPointer?, Int32, UnsafePointer<CChar>?, Int32, Int32, Int32) -> Int32

    private typealias TokenizeCallback = @convention(c) (
        OpaquePointer?, UnsafeMutableRawPointer?, Int32, UnsafePointer<CChar>?, Int32, TokenCallback?
    ) -> Int32

    private static let tokenize: TokenizeCallback = { pointer, callbackContext, flags, text, length, emitToken in
        guard let pointer, let emitToken else { return SQLITE_ERROR }
        guard let text, length > 0 else { return SQLITE_OK }
        let instance = Unmanaged<TokenizerInstance>.fromOpaque(UnsafeRawPointer(pointer)).takeUnretainedValue()
        let bytes = UnsafeBufferPointer(start: UnsafeRawPointer(text).assumingMemoryBound(to: UInt8.self), count: Int(length))
        if flags & FTS5_TOKENIZE_QUERY != 0 {
            return emitVerbatim(bytes, callbackContext: callbackContext, emitToken: emitToken)
        }
        let analyzer = instance.analyzer
        var code = SQLITE_OK
        if flags & FTS5_TOKENIZE_AUX != 0 {
            // Highlighting needs positions and offsets only; the term text is not looked at.
            analyzer.forEachWordRange(in: bytes) { start, end in
                guard code == SQLITE_OK else { return }
                let term = UnsafeRawPointer(bytes.baseAddress! + start).assumingMemoryBound(to: CChar.self)
                code = emitToken(callbackContext, 0, term, Int32(end - start), Int32(start), Int32(end))
            }
            return code
        }
        if let tokens = instance.context.prepared?.tokens(for: bytes) {
            return tokens.replay(ok: SQLITE_OK) { term, length, start, end, colocated in
                emitToken(callbackContext, colocated ? FTS5_TOKEN_COLOCATED : 0, term, length, start, end)
            }
        }
        analyzer.language = instance.context.language
        analyzer.analyze(bytes, mode: .document) { term, start, end, colocated in
            var term = term
            code = term.withUTF8 { utf8 in
                utf8.withMemoryRebound(to: CChar.self) {
                    let flags = colocated ? FTS5_TOKEN_COLOCATED : 0
                    return emitToken(callbackContext, flags, $0.baseAddress, Int32($0.count), Int32(start), Int32(end))
                }
            }
            return code == SQLITE_OK
        }
        return code
    }

    private static func emitVerbatim(
        _ bytes: UnsafeBufferPointer<UInt8>, callbackContext: UnsafeMutableRawPointer?, emitToken: TokenCallback
    ) -> Int32 {
        var start = 0
        for index in 0...bytes.count where index == bytes.count || bytes[index] == UInt8(ascii: " ") {
            if index > start {
                let term = UnsafeRawPointer(bytes.baseAddress! + start).assumingMemoryBound(to: CChar.self)
                let code = emitToken(callbackContext, 0, term, Int32(index - start), Int32(start), Int32(index))
                if code != SQLITE_OK { return code }
            }
            start = index + 1
        }
        return SQLITE_OK
    }
}
