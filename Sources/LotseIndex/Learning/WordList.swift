import Foundation
import LotseAnalysis
import Synchronization

/// Dictionary words, folded as the analyzer folds them: a customer's word that no article uses may be learned only
/// when a dictionary has it (so a name or a typo never is, unless it happens to be a word). Names are capitalised
/// in every list, so a word the lists have only capitalised (a German noun, or a name) is told apart from one they
/// have in lowercase (verbs, adjectives, English words): `LearnedField` asks more sessions of the former.
struct WordList: Sendable {
    /// Folded word → what the lists have, in one byte buffer with an open-addressing table: two sets of 460,000
    /// strings took a quarter of a second to build from the cache on every learning build.
    private var kinds = PieceMemo<Kind>()

    /// Lists read by this process (a server's or a test run's later builds read the same files again otherwise), by
    /// `cacheKey`: a list changed since is read again.
    private static let loaded = Mutex<[String: WordList]>([:])

    init() {}

    /// `lowercase` words are `.word`, the others of `capitalized` `.capitalized`.
    private init(lowercase: Set<String>, capitalized: Set<String>) {
        for word in lowercase { add(word, .word) }
        for word in capitalized { add(word, .capitalized) }
    }

    /// The lists that exist (a missing one admits nothing). Capitalised entries of other lists than German ones
    /// (Debian's `wamerican`) are names only, so they are left out; apostrophe forms ("dog's") too.
    /// `cachePath`: where the folded lists are kept between builds (folding 460,000 entries took a second of a
    /// learning build); used while the lists' sizes and dates and the analyzer are those it was written for.
    static func load(_ files: [WordListFile], cachePath: String? = nil) -> WordList {
        let key = cacheKey(files)
        if let list = loaded.withLock({ $0[key] }) { return list }
        let list: WordList
        if let cachePath, let cached = read(cache: cachePath, key: key) {
            list = cached
        } else {
            let (lowercase, capitalized) = read(files)
            list = WordList(lowercase: lowercase, capitalized: capitalized)
            if let cachePath { write(cache: cachePath, key: key, lowercase: lowercase, capitalized: capitalized) }
        }
        loaded.withLock { $0[key] = list }
        return list
    }

    private static func read(_ files: [WordListFile]) -> (lowercase: Set<String>, capitalized: Set<String>) {
        var lowercase: Set<String> = [], capitalized: Set<String> = []
        for file in files {
            guard let text = try? String(contentsOfFile: file.path, encoding: .utf8) else { continue }
            let analyzer = Analyzer(language: file.language)
            for line in text.split(whereSeparator: \.isNewline) where !line.contains("'") {
                let isCapitalized = line.first?.isUppercase == true
                if file.language != .de, isCapitalized { continue }
                guard let folded = analyzer.fold(String(line)) else { continue }
                if isCapitalized { capitalized.insert(folded) } else { lowercase.insert(folded) }
            }
        }
        return (lowercase, capitalized)
    }

    enum Kind {
        /// Some list has it in lowercase: never a name.
        case word
        /// Only capitalised: a noun, or possibly a name.
        case capitalized
    }

    func kind(of folded: String) -> Kind? {
        var folded = folded
        return folded.withUTF8 { kinds.values(of: $0)?.first }
    }

    /// Adds `word` as `kind` unless it is there already (a lowercase entry wins).
    private mutating func add(_ word: UnsafeBufferPointer<UInt8>, _ kind: Kind) {
        if kinds.values(of: word) == nil { kinds.insert(word, [kind]) }
    }

    private mutating func add(_ word: String, _ kind: Kind) {
        var word = word
        word.withUTF8 { add($0, kind) }
    }

    // MARK: - Cache

    /// The analyzer's version and each list's path, language, size and modification time.
    /// The lists' paths, sizes and dates: a changed list is folded again, and learning again.
    static func cacheKey(_ files: [WordListFile]) -> String {
        let lists = files.map { file -> String in
            let attributes = try? FileManager.default.attributesOfItem(atPath: file.path)
            let size = (attributes?[.size] as? NSNumber)?.int64Value ?? -1
            let date = (attributes?[.modificationDate] as? Date)?.timeIntervalSince1970 ?? -1
            return "\(file.path) \(file.language.rawValue) \(size) \(date)"
        }
        return (["lotse word lists 2", AnalyzerResources.empty.version] + lists).joined(separator: "\t")
    }

    /// The cache's lists when its first line is `key`: then the lowercase words, an empty line, the capitalised ones.
    /// Read as bytes, each word straight into the table.
    private static func read(cache path: String, key: String) -> WordList? {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        return data.withUnsafeBytes { raw -> WordList? in
            let bytes = raw.bindMemory(to: UInt8.self)
            var list = WordList(), kind: Kind? = nil, start = 0
            for index in bytes.indices where bytes[index] == UInt8(ascii: "\n") {
                let line = UnsafeBufferPointer(rebasing: bytes[start..<index])
                start = index + 1
                switch kind {
                case nil:
                    guard line.elementsEqual(key.utf8) else { return nil }
                    kind = .word
                case .word? where line.isEmpty: kind = .capitalized
                case let kind? where !line.isEmpty: list.add(line, kind)
                default: break
                }
            }
            return kind == .capitalized ? list : nil
        }
    }

    /// Written to a temporary file and renamed, so a reader never sees half a cache; a failure only costs the
    /// next build the folding.
    private static func write(cache path: String, key: String, lowercase: Set<String>, capitalized: Set<String>) {
        let text = ([key] + lowercase.sorted() + [""] + capitalized.sorted()).joined(separator: "\n") + "\n"
        let temporary = path + ".\(ProcessInfo.processInfo.processIdentifier).tmp"
        do {
            try Data(text.utf8).write(to: URL(fileURLWithPath: temporary))
            try Durability.replace(path, with: temporary)
        } catch {
            try? FileManager.default.removeItem(atPath: temporary)
        }
    }
}
