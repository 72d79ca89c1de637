import Foundation
import LotseAnalysis
import Synchronization

/// Dictionary words by language, folded as that language's analyzer folds them: a customer's word that no article
/// uses may be learned only when its article's language's list has it (so a name or a typo never is, unless it
/// happens to be a word there: "vile", a typo of "viele", is English, not German). Names are capitalised in every
/// list, so a word the list has only capitalised (a German noun, or a name) is told apart from one it has in
/// lowercase (verbs, adjectives, English words): `LearnedField` asks more sessions of the former, and of a word
/// the list has only in lowercase that a customer wrote capitalised inside a sentence ("mein Kollege Frank").
struct WordList: Sendable {
    struct Words: Sendable {
        var lowercase: Set<String> = []
        var capitalized: Set<String> = []
    }

    private(set) var languages: [Language: Words] = [:]

    /// Lists read by this process (a server's or a test run's later builds read the same files again otherwise), by
    /// `cacheKey`: a list changed since is read again.
    private static let loaded = Mutex<[String: WordList]>([:])

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
            list = read(files)
            if let cachePath { list.write(cache: cachePath, key: key) }
        }
        loaded.withLock { $0[key] = list }
        return list
    }

    private static func read(_ files: [WordListFile]) -> WordList {
        var list = WordList()
        for file in files {
            guard let text = try? String(contentsOfFile: file.path, encoding: .utf8) else { continue }
            let analyzer = Analyzer(language: file.language)
            var words = list.languages[file.language] ?? Words()
            for line in text.split(whereSeparator: \.isNewline) where !line.contains("'") {
                let isCapitalized = line.first?.isUppercase == true
                if file.language != .de, isCapitalized { continue }
                guard let folded = analyzer.fold(String(line)) else { continue }
                if isCapitalized { words.capitalized.insert(folded) } else { words.lowercase.insert(folded) }
            }
            list.languages[file.language] = words
        }
        return list
    }

    enum Kind {
        /// The list has it in lowercase: never a name, unless written capitalised inside a sentence.
        case word
        /// Only capitalised: a noun, or possibly a name.
        case capitalized
    }

    func kind(of folded: String, language: Language) -> Kind? {
        guard let words = languages[language] else { return nil }
        return words.lowercase.contains(folded) ? .word : words.capitalized.contains(folded) ? .capitalized : nil
    }

    /// Whether the list has `folded` in lowercase and not capitalised ("frank" in `wamerican`, "max" in `wngerman`):
    /// written capitalised inside a sentence, such a word is probably a name.
    func isLowercaseOnly(_ folded: String, language: Language) -> Bool {
        guard let words = languages[language] else { return false }
        return words.lowercase.contains(folded) && !words.capitalized.contains(folded)
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

    /// The cache's lists when its first line is `key`: then per language a line "TAB language", its lowercase
    /// words, an empty line, its capitalised ones.
    private static func read(cache path: String, key: String) -> WordList? {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return nil }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard lines.first == Substring(key) else { return nil }
        var list = WordList()
        var language: Language?, capitalized = false
        for line in lines.dropFirst() {
            if line.first == "\t" {
                guard let named = Language(rawValue: String(line.dropFirst())) else { return nil }
                (language, capitalized) = (named, false)
                list.languages[named] = Words()
            } else if line.isEmpty {
                capitalized = true
            } else if let language {
                if capitalized { list.languages[language]!.capitalized.insert(String(line)) } else {
                    list.languages[language]!.lowercase.insert(String(line))
                }
            } else {
                return nil
            }
        }
        return list
    }

    /// Written to a temporary file and renamed, so a reader never sees half a cache; a failure only costs the
    /// next build the folding.
    private func write(cache path: String, key: String) {
        let sections = languages.sorted { $0.key.rawValue < $1.key.rawValue }.flatMap { language, words in
            ["\t" + language.rawValue] + words.lowercase.sorted() + [""] + words.capitalized.sorted()
        }
        let text = ([key] + sections).joined(separator: "\n") + "\n"
        let temporary = path + ".\(ProcessInfo.processInfo.processIdentifier).tmp"
        do {
            try Data(text.utf8).write(to: URL(fileURLWithPath: temporary))
            try Durability.replace(path, with: temporary)
        } catch {
            try? FileManager.default.removeItem(atPath: temporary)
        }
    }
}
