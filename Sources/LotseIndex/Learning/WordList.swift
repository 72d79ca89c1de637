import Foundation
import LotseAnalysis
import Synchronization

/// Dictionary words, folded as the analyzer folds them: a customer's word that no article uses may be learned only
/// when a dictionary has it (so a name or a typo never is, unless it happens to be a word). Names are capitalised
/// in every list, so a word the lists have only capitalised (a German noun, or a name) is told apart from one they
/// have in lowercase (verbs, adjectives, English words): `LearnedField` asks more sessions of the former.
struct WordList: Sendable {
    private(set) var lowercase: Set<String> = []
    private(set) var capitalized: Set<String> = []

    /// Lists read by this process (a server's or a test run's later builds read the same files again otherwise).
    private static let loaded = Mutex<[[WordListFile]: WordList]>([:])

    /// The lists that exist (a missing one admits nothing). Capitalised entries of other lists than German ones
    /// (Debian's `wamerican`) are names only, so they are left out; apostrophe forms ("dog's") too.
    static func load(_ files: [WordListFile]) -> WordList {
        if let list = loaded.withLock({ $0[files] }) { return list }
        let list = read(files)
        loaded.withLock { $0[files] = list }
        return list
    }

    private static func read(_ files: [WordListFile]) -> WordList {
        var list = WordList()
        for file in files {
            guard let text = try? String(contentsOfFile: file.path, encoding: .utf8) else { continue }
            let analyzer = Analyzer(language: file.language)
            for line in text.split(whereSeparator: \.isNewline) where !line.contains("'") {
                let isCapitalized = line.first?.isUppercase == true
                if file.language != .de, isCapitalized { continue }
                guard let folded = analyzer.fold(String(line)) else { continue }
                if isCapitalized { list.capitalized.insert(folded) } else { list.lowercase.insert(folded) }
            }
        }
        return list
    }

    enum Kind {
        /// Some list has it in lowercase: never a name.
        case word
        /// Only capitalised: a noun, or possibly a name.
        case capitalized
    }

    func kind(of folded: String) -> Kind? {
        lowercase.contains(folded) ? .word : capitalized.contains(folded) ? .capitalized : nil
    }
}
