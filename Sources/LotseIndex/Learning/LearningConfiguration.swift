import LotseAnalysis

/// One customer's words for an article that solved the problem (a deflection's draft, or the search before a helpful
/// vote). Raw text: only what `PrivacyFilter` lets through reaches the index.
public struct CustomerWords: Sendable, Equatable {
    public var session: String
    public var articleID: String
    public var text: String

    public init(session: String, articleID: String, text: String) {
        self.session = session
        self.articleID = articleID
        self.text = text
    }
}

/// A word list, one word a line, in the language it is folded in.
public struct WordListFile: Sendable, Hashable {
    public var path: String
    public var language: Language

    public init(path: String, language: Language) {
        self.path = path
        self.language = language
    }
}

/// What a build does with the learned field.
public enum Learning: Sendable {
    /// No learned field (`lotse index --no-learning`).
    case off
    /// The previous index's learned words as they are (a build that was given no ticket data, e.g. `lotse serve`'s).
    case keep
    /// Learn afresh from these outcomes: what was erased from the ticket store disappears from the index.
    case learn(LearningConfiguration)

    /// Whether the build learns from outcomes, which needs the articles' vocabulary first.
    var needsVocabulary: Bool {
        if case .learn(let configuration) = self { !configuration.outcomes.isEmpty } else { false }
    }
}

/// The outcomes and the rules that decide which of their words an article learns (README "Learning from outcomes").
public struct LearningConfiguration: Sendable {
    public var outcomes: [CustomerWords]
    /// Words an author blocked, per article.
    public var blocklist: LearningBlocklist
    /// Distinct sessions a word needs per article when the help center's own text has it.
    public var minimumSessions: Int
    /// Distinct sessions a word needs per article when no article has it and the dictionaries have it only
    /// capitalised (a noun, or a surname such as "Fischer", "Müller"): a name is typed by one customer, a word for
    /// the topic by several.
    public var minimumDictionarySessions: Int
    /// Word lists that admit words the articles do not use.
    public var wordLists: [WordListFile]
    /// Words an article keeps, most sessions (then uses) first: the long tail of one-session words adds little
    /// but indexing time (BENCHMARKS.md, "Learning from outcomes").
    public var maximumWords: Int
    /// `LearningConfiguration.rulesVersion`; another only in tests (a build as a release with other rules).
    var rulesVersion = LearningConfiguration.rulesVersion

    /// The version of the rules that decide which words of a customer's text may be learned (`DraftCleaner`,
    /// `PersonalIntroduction`, `PrivacyFilter`, `LearnedField`). It is part of the fingerprint, so the first build after an
    /// upgrade relearns instead of keeping words the new rules drop: bump it in the commit that changes a rule.
    public static let rulesVersion = 3

    public static let defaultMinimumSessions = 1
    public static let defaultMinimumDictionarySessions = 2
    public static let defaultMaximumWords = 64
    /// Debian's `wngerman` and `wamerican` (the Makefile installs both).
    public static let defaultWordLists = [
        WordListFile(path: "/usr/share/dict/ngerman", language: .de), WordListFile(path: "/usr/share/dict/american-english", language: .en),
    ]

    public init(outcomes: [CustomerWords], blocklist: LearningBlocklist = LearningBlocklist(),
                minimumSessions: Int = defaultMinimumSessions, minimumDictionarySessions: Int = defaultMinimumDictionarySessions,
                wordLists: [WordListFile] = defaultWordLists, maximumWords: Int = defaultMaximumWords) {
        self.outcomes = outcomes
        self.blocklist = blocklist
        self.minimumSessions = minimumSessions
        self.minimumDictionarySessions = minimumDictionarySessions
        self.wordLists = wordLists
        self.maximumWords = maximumWords
    }
}
