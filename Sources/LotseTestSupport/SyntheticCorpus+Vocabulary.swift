import Foundation

/// The synthetic corpus's words: the vocabulary (word lists in `Resources/Vocabulary/`) and the long tail
/// from Debian's word list.
extension SyntheticCorpus {
    // MARK: - Vocabulary

    enum Gender: Sendable {
        case masculine, feminine, neuter, plural
    }

    enum GrammaticalCase: Sendable {
        case nominative, accusative, dative
    }

    struct Noun: Sendable {
        var word: String
        var gender: Gender
    }

    struct Verb: Sendable {
        /// "einrichten"
        var infinitive: String
        /// Formal imperative / "Sie" form, particle separated: "richten ein"
        var formal: String
        /// Third person singular, particle separated: "richtet ein"
        var third: String
        /// "eingerichtet"
        var participle: String

        var formalParts: (verb: String, particle: String?) { Self.split(formal) }
        var thirdParts: (verb: String, particle: String?) { Self.split(third) }

        /// "einzurichten", "zu ändern"
        var zuInfinitive: String {
            if let particle = formalParts.particle, infinitive.hasPrefix(particle) {
                return particle + "zu" + infinitive.dropFirst(particle.count)
            }
            return "zu " + infinitive
        }

        private static func split(_ form: String) -> (verb: String, particle: String?) {
            let parts = form.split(separator: " ", maxSplits: 1).map(String.init)
            return (parts[0], parts.count > 1 ? parts[1] : nil)
        }
    }

    /// The vocabulary's word lists live in `Resources/Vocabulary/NAME.txt`, one entry a line, in rank order.
    enum Vocabulary {
        static func wordList(_ name: String) -> [String] {
            guard let url = Bundle.module.url(forResource: name, withExtension: "txt", subdirectory: "Vocabulary"),
                  let text = try? String(contentsOf: url, encoding: .utf8) else {
                fatalError("LotseTestSupport's resource Vocabulary/\(name).txt is missing")
            }
            return text.split(separator: "\n").map(String.init).filter { !$0.isEmpty }
        }

        /// Nouns by rough frequency rank (most frequent first). Suffix: /m, /f, /n or /p (plural).
        static let nouns: [Noun] = wordList("nouns").map { entry in
            let parts = entry.split(separator: "/")
            let gender: Gender = switch parts[1] {
            case "m": .masculine
            case "f": .feminine
            case "n": .neuter
            default: .plural
            }
            return Noun(word: String(parts[0]), gender: gender)
        }

        /// Transitive verbs: infinitive;Sie-form;er-form;participle (separable particles after a space).
        static let verbs: [Verb] = wordList("verbs").map { line in
            let parts = line.split(separator: ";").map(String.init)
            return Verb(infinitive: parts[0], formal: parts[1], third: parts[2], participle: parts[3])
        }

        /// Adjectives that decline regularly (stem + ending).
        static let adjectives = wordList("adjectives")

        /// Adjectives usable after "ist"/"sind" (predicative, undeclined).
        static let predicates = wordList("predicates")

        static let adverbs = wordList("adverbs")

        static let categories = wordList("categories")

        static let hosts = wordList("hosts")

        static let paths = wordList("paths")

        /// English phrases as they appear in help-center text: UI labels, error messages, product terms.
        static let english = wordList("english")

        /// Durations in the dative plural ("innerhalb von 3 Tagen", "bis zu 24 Stunden").
        static let durations = [
            ("Minuten", 2...60), ("Stunden", 2...48), ("Tagen", 2...30), ("Monaten", 2...24), ("Sekunden", 5...120),
            ("Wochen", 2...8), ("Werktagen", 2...10),
        ]

        /// Sizes and counts ("5 GB", "1.000 Postfächer", "2,5 GB").
        static let amounts = [
            ("GB", 1...100), ("MB", 1...500), ("Zeichen", 8...64), ("Postfächer", 2...250), ("Domains", 2...50),
            ("Datenbanken", 2...20), ("TB", 1...4), ("Anfragen pro Minute", 10...600),
        ]

        static let ports = ["993", "995", "465", "587", "143", "110", "21", "22", "3306", "443", "8080"]

        static let fixedHeadings = wordList("headings")

        /// First parts (with linking element) for the open-ended compounds German builds on the fly:
        /// "Kunden" + "Postfach" → "Kundenpostfach". Gives the long tail of rare words real corpora have.
        static let modifiers = wordList("modifiers")

        /// Nouns that can close such a compound: one word, not an acronym.
        static let heads: [Noun] = nouns.filter { noun in
            !noun.word.contains("-") && noun.word.count >= 3 && noun.word.dropFirst().contains(where: \.isLowercase)
                && noun.word.dropFirst().allSatisfy { !$0.isUppercase }
        }

        static let nounTable = ZipfTable(count: nouns.count, exponent: 0.9)
        static let modifierTable = ZipfTable(count: modifiers.count, exponent: 0.8)
        static let headTable = ZipfTable(count: heads.count, exponent: 0.8)
        static let verbTable = ZipfTable(count: verbs.count, exponent: 0.9)
        static let adjectiveTable = ZipfTable(count: adjectives.count, exponent: 0.9)
        static let predicateTable = ZipfTable(count: predicates.count, exponent: 0.8)
        static let adverbTable = ZipfTable(count: adverbs.count, exponent: 0.9)
    }

    // MARK: - Long tail

    /// The rare words: Debian's `wngerman` list (`/usr/share/dict/ngerman`, `apt-get install wngerman`;
    /// `$LOTSE_WORDLIST` names another file, one word a line). Entries of ≥ 3 letters (hyphens allowed), no
    /// all-caps abbreviations, in a fixed pseudo-random order (so rank 1 is not "Aachen"); capitalized entries
    /// serve as nouns (gender guessed from the ending), the others as adjectives and adverbs.
    public enum LongTail {
        public static let path: String = {
            let override = ProcessInfo.processInfo.environment["LOTSE_WORDLIST"] ?? ""
            return override.isEmpty ? "/usr/share/dict/ngerman" : override
        }()

        /// Share of fresh noun slots / adjective slots / adverb slots that take a tail word.
        static let nounShare = 0.3
        static let adjectiveShare = 0.5
        static let adverbShare = 0.15

        static let lists: (nouns: [Noun], others: [String]) = load()
        static let nounTable = ZipfTable(count: lists.nouns.count, exponent: 0.85)
        static let otherTable = ZipfTable(count: lists.others.count, exponent: 0.85)

        /// Changes whenever the list or its use changes (part of the benchmark corpus fingerprint).
        public static var fingerprint: String {
            "tail-v2 \(lists.nouns.count) \(lists.others.count) \(lists.nouns.first?.word ?? "") \(lists.others.first ?? "")"
        }

        public static var wordCount: Int { lists.nouns.count + lists.others.count }

        private static func load() -> (nouns: [Noun], others: [String]) {
            guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
                fatalError("SyntheticCorpus needs the word list \(path): apt-get install wngerman (make bench-deps), or set LOTSE_WORDLIST")
            }
            var nouns: [Noun] = []
            var others: [String] = []
            for line in text.split(whereSeparator: \.isNewline) {
                let word = String(line)
                guard word.count >= 3, let first = word.first,
                      word.unicodeScalars.allSatisfy({ $0 == "-" || $0.properties.isAlphabetic }),
                      word.contains(where: \.isLowercase) else { continue }
                if first.isUppercase {
                    nouns.append(Noun(word: word, gender: gender(word)))
                } else if first.isLowercase {
                    others.append(word)
                }
            }
            precondition(nouns.count > 1_000 && others.count > 1_000, "\(path): too few words")
            var random = SplitMix64(seed: 0x6E67_6572_6D61_6E00)
            shuffle(&nouns, &random)
            shuffle(&others, &random)
            return (nouns, others)
        }

        /// Fisher–Yates with the own generator (Swift's `shuffle(using:)` may change between releases).
        private static func shuffle<T>(_ items: inout [T], _ random: inout SplitMix64) {
            guard items.count > 1 else { return }
            for index in stride(from: items.count - 1, to: 0, by: -1) {
                items.swapAt(index, random.below(index + 1))
            }
        }

        /// Gender by the ending (good enough for article agreement in generated text).
        private static func gender(_ word: String) -> Gender {
            let lower = word.lowercased()
            for suffix in ["ung", "heit", "keit", "schaft", "ion", "tät", "ik", "ei", "enz", "anz", "ur", "ie", "e"]
            where lower.hasSuffix(suffix) {
                return .feminine
            }
            for suffix in ["chen", "lein", "um", "ment", "nis", "tum", "ma"] where lower.hasSuffix(suffix) {
                return .neuter
            }
            return .masculine
        }
    }
}
