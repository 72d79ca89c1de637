import Foundation
import LotseAnalysis
import Synchronization

/// Dictionary words by language, folded as that language's analyzer folds them: a customer's word that no article
/// uses may be learned only when its article's language's list has it (so a name or a typo never is, unless it
/// happens to be a word there: "vile", a typo of "viele", is English, not German). Names are capitalised in every
/// list, so a word the list has only capitalised (a German noun, or a name) is told apart from one it has in
/// lowercase (verbs, adjectives, English words): `LearnedField` asks more sessions of the former, and of a word
/// the list has only in lowercase that a customer wrote capitalised inside a sentence ("mein Kollege Max").
struct WordList: Sendable {
    /// How a list has a word.
    enum Entry: Sendable {
        case lowercase, capitalized, both
    }

    /// Per language, folded word → entry, in one byte buffer with an open-addressing table: two sets of 460,000
    /// strings took a quarter of a second to build from the cache on every learning build.
    private var entries: [Language: PieceMemo<Entry>] = [:]

    /// Lists read by this process (a server's or a test run's later builds read the same files again otherwise), by
    /// `cacheKey`: a list changed since is read again.
    private static let loaded = Mutex<[String: WordList]>([:])

    init() {}

    /// The words of each language's lists.
    private init(_ words: [Language: Words]) {
        for (language, words) in words {
            for (word, entry) in words.entries { add(word, entry, language: language) }
        }
    }

    /// One language's words as read from its lists.
    struct Words {
        var lowercase: Set<String> = []
        var capitalized: Set<String> = []

        var entries: [(String, Entry)] {
            lowercase.map { ($0, capitalized.contains($0) ? .both : .lowercase) }
                + capitalized.subtracting(lowercase).map { ($0, .capitalized) }
        }
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
            let words = read(files)
            list = WordList(words)
            if let cachePath { write(cache: cachePath, key: key, words: words) }
        }
        loaded.withLock { $0[key] = list }
        return list
    }

    private static func read(_ files: [WordListFile]) -> [Language: Words] {
        var languages: [Language: Words] = [:]
        for file in files {
            guard let text = try? String(contentsOfFile: file.path, encoding: .utf8) else { continue }
            let analyzer = Analyzer(language: file.language)
            var words = languages[file.language] ?? Words()
            for line in text.split(whereSeparator: \.isNewline) where !line.contains("'") {
                let isCapitalized = line.first?.isUppercase == true
                if file.language != .de, isCapitalized { continue }
                guard let folded = analyzer.fold(String(line)) else { continue }
                if isCapitalized { words.capitalized.insert(folded) } else { words.lowercase.insert(folded) }
            }
            languages[file.language] = words
        }
        return languages
    }

    enum Kind {
        /// The list has it in lowercase: never a name, unless written capitalised inside a sentence.
        case word
        /// Only capitalised: a noun, or possibly a name.
        case capitalized
    }

    func kind(of folded: String, language: Language) -> Kind? {
        entry(folded, language: language).map { $0 == .capitalized ? .capitalized : .word }
    }

    /// Whether the list has `folded` in lowercase and not capitalised ("frank" in `wamerican`, "max" in `wngerman`):
    /// written capitalised inside a sentence, such a word is probably a name.
    func isLowercaseOnly(_ folded: String, language: Language) -> Bool { entry(folded, language: language) == .lowercase }

    private func entry(_ folded: String, language: Language) -> Entry? {
        guard let table = entries[language] else { return nil }
        var folded = folded
        return folded.withUTF8 { table.values(of: $0)?.first }
    }

    private mutating func add(_ word: UnsafeBufferPointer<UInt8>, _ entry: Entry, language: Language) {
        if entries[language]?.values(of: word) == nil { entries[language, default: PieceMemo()].insert(word, [entry]) }
    }

    private mutating func add(_ word: String, _ entry: Entry, language: Language) {
        var word = word
        word.withUTF8 { add($0, entry, language: language) }
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
        return (["lotse word lists 3", AnalyzerResources.empty.version] + lists).joined(separator: "\t")
    }

    /// The order of a language's sections in the cache, each ended by an empty line.
    private static let sections: [Entry] = [.lowercase, .capitalized, .both]

    /// The cache's lists when its first line is `key`: then per language a line "TAB language" and its lowercase-only,
    /// capitalised-only and both-ways words, each section ended by an empty line. Read as bytes, each word straight
    /// into the table.
    private static func read(cache path: String, key: String) -> WordList? {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        return data.withUnsafeBytes { raw -> WordList? in
            let bytes = raw.bindMemory(to: UInt8.self)
            var list = WordList(), sawKey = false, language: Language? = nil, section = sections.count, start = 0
            for index in bytes.indices where bytes[index] == UInt8(ascii: "\n") {
                let line = UnsafeBufferPointer(rebasing: bytes[start..<index])
                start = index + 1
                if !sawKey {
                    guard line.elementsEqual(key.utf8) else { return nil }
                    sawKey = true
                } else if line.first == UInt8(ascii: "\t") {
                    let name = String(decoding: line.dropFirst(), as: UTF8.self)
                    guard section == sections.count, let named = Language(rawValue: name) else { return nil }
                    (language, section) = (named, 0)
                    list.entries[named] = PieceMemo()
                } else if line.isEmpty {
                    section += 1
                } else if let language, section < sections.count {
                    list.add(line, sections[section], language: language)
                } else {
                    return nil
                }
            }
            return sawKey && section == sections.count ? list : nil
        }
    }

    /// Written to a temporary file and renamed, so a reader never sees half a cache; a failure only costs the
    /// next build the folding.
    private static func write(cache path: String, key: String, words: [Language: Words]) {
        let languages = words.sorted { $0.key.rawValue < $1.key.rawValue }.flatMap { language, words -> [String] in
            let entries = words.entries
            return ["\t" + language.rawValue]
                + sections.flatMap { section in entries.filter { $0.1 == section }.map(\.0).sorted() + [""] }
        }
        let text = ([key] + languages).joined(separator: "\n") + "\n"
        let temporary = path + ".\(ProcessInfo.processInfo.processIdentifier).tmp"
        do {
            try Data(text.utf8).write(to: URL(fileURLWithPath: temporary))
            try Durability.replace(path, with: temporary)
        } catch {
            try? FileManager.default.removeItem(atPath: temporary)
        }
    }
}
