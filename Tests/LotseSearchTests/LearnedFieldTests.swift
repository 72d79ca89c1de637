import Foundation
@testable import LotseIndex
import LotseSearch
import LotseTestSupport
import Testing

/// The learned field (README "Learning from outcomes"): customers' words for an article rank it, only words the
/// articles or a dictionary know survive, and personal data typed into a solved draft never reaches the index file.
@Suite("Learned field")
struct LearnedFieldTests {
    private static func workspace() throws -> ArticleWorkspace { try ArticleWorkspace(files: ArticleFixtures.markdownSet) }

    @discardableResult
    private static func build(_ workspace: ArticleWorkspace, _ learning: Learning) throws -> BuildReport {
        var configuration = workspace.configuration()
        configuration.learning = learning
        return try IndexBuilder(configuration: configuration).build()
    }

    private static func learn(_ outcomes: [(String, String, String)], blocklist: LearningBlocklist = LearningBlocklist()) -> Learning {
        .learn(LearningConfiguration(outcomes: outcomes.map { CustomerWords(session: $0.0, articleID: $0.1, text: $0.2) },
                                     blocklist: blocklist))
    }

    private static let lockedOut = [
        ("s1", "passwort-zuruecksetzen", "Komme nicht mehr rein, Zugang gesperrt"),
        ("s2", "passwort-zuruecksetzen", "Mein Zugang ist gesperrt"),
    ]

    @Test("words customers used for an article find it, and `learnedWords` shows word, weight and sessions")
    func learnedWordsRank() async throws {
        let workspace = try Self.workspace()
        try Self.build(workspace, .off)
        let before = try await workspace.engine().search("Zugang gesperrt")
        #expect(before.first?.id != "passwort-zuruecksetzen", "the article has neither word")

        let report = try Self.build(workspace, Self.learn(Self.lockedOut))
        #expect(report.learnedArticles == 1)
        let engine = try workspace.engine()
        #expect(try await engine.search("Zugang gesperrt").first?.id == "passwort-zuruecksetzen")
        let words = try #require(try await engine.learnedWords(articleID: "passwort-zuruecksetzen"))
        #expect(words.first { $0.word == "zugang" } == LearnedWord(word: "zugang", weight: 2, sessions: 2))
        #expect(words.first { $0.word == "gesperrt" }?.sessions == 2)
        #expect(try await engine.learnedWords(articleID: "kundennummer") == [])
        #expect(try await engine.learnedWords(articleID: "gibt-es-nicht") == nil)
    }

    @Test("a word the dictionaries have only capitalised (noun or name) needs two sessions; other known words one; unknown none")
    func sessionRule() async throws {
        let workspace = try Self.workspace()
        try Self.build(workspace, Self.learn([("s1", "kundennummer", "Rechnung Müller Umzug gesperrt Xqzrtlwand")]))
        let words = try #require(try await workspace.engine().learnedWords(articleID: "kundennummer")).map(\.word)
        #expect(words == ["gesperrt", "rechnung"], "Müller and Umzug are capitalised dictionary words of one session; Xqzrtlwand no word")

        try Self.build(workspace, Self.learn([("s1", "kundennummer", "Umzug"), ("s2", "kundennummer", "umzug")]))
        let learned = try await workspace.engine().learnedWords(articleID: "kundennummer")
        #expect(learned == [LearnedWord(word: "umzug", weight: 2, sessions: 2)])
        try Self.build(workspace, Self.learn([("s1", "kundennummer", "Umzug"), ("s1", "kundennummer", "Umzug")]))
        #expect(try await workspace.engine().learnedWords(articleID: "kundennummer") == [], "one session twice is one session")
    }

    @Test("a name, an e-mail address, a customer number, a phone number and a URL never reach the index file")
    func personalDataNeverIndexed() async throws {
        let workspace = try Self.workspace()
        // Three sessions each, so no session threshold hides them: only the filter can.
        let draft = "Hallo, hier Jana Kowalczyk (jana.kowalczyk@beispiel-mail.de), Kundennummer K-204816, Tel. +49 30 5550187, "
            + "Shop https://kowalczyk-moebel.example/login: wo finde ich meine Kundennummer auf der Rechnung?"
        var configuration = workspace.configuration()
        configuration.learning = Self.learn((1...3).map { ("s\($0)", "kundennummer", draft) })
        // With the encoder (make test has it) the learned vectors are in the file too, and the byte search covers them.
        configuration.semantic = try SemanticTestModel.load()
        try IndexBuilder(configuration: configuration).build()
        if configuration.semantic != nil {
            #expect(try workspace.inspector().count(sql: "SELECT count(*) FROM learned_vectors WHERE article_id = 'kundennummer'") == 1)
        }

        let words = try #require(try await workspace.engine().learnedWords(articleID: "kundennummer")).map(\.word)
        #expect(words.contains("kundennummer") && words.contains("rechnung"), "the draft's own words were learned: \(words)")
        var bytes = try workspace.indexData()
        for suffix in ["-wal", "-journal"] {
            if let extra = FileManager.default.contents(atPath: workspace.indexPath + suffix) { bytes.append(extra) }
        }
        for secret in ["Kowalczyk", "kowalczyk", "KOWALCZYK", "jana", "Jana", "beispiel-mail", "204816", "5550187", "moebel"] {
            #expect(bytes.range(of: Data(secret.utf8)) == nil, "\(secret) is in the index file")
        }
    }

    @Test("a signature, a colleague's first name, an introduced name, an address line never reach the index file; the topic does",
          arguments: [
              ("Mein Zugang ist gesperrt.\nViele Grüße\nFrank Weber\nKundennummer 12345", "gesperrt", ["frank", "weber", "12345"]),
              ("mein Kollege Frank hat die Rechnung nicht bekommen", "rechnung", ["frank"]),
              ("Ich heiße Anna Schmidt und habe das Passwort vergessen", "vergessen", ["anna", "schmidt"]),
              ("Bitte die Rechnung an Hauptstraße 12, 04109 Leipzig schicken", "rechnung", ["hauptstraße", "leipzig", "04109"]),
              // Typed in lower case (session 18's review): the introduction and a lower-case salutation still name.
              ("mein name ist anna kühn, ich habe das passwort vergessen", "vergessen", ["anna", "kühn"]),
              ("frau koch hat die rechnung nicht bekommen", "rechnung", ["koch"]),
              ("Ich bin Klaus, mein Zugang ist gesperrt", "gesperrt", ["klaus"]),
          ])
    func namesInOneDraftNeverIndexed(draft: String, topic: String, secrets: [String]) async throws {
        let workspace = try Self.workspace()
        let articles = ArticleFixtures.markdownSet.values.joined(separator: "\n").lowercased()
        for secret in secrets { try #require(!articles.contains(secret), "no article may have \(secret), or the test proves nothing") }
        try Self.build(workspace, Self.learn([("s1", "kundennummer", draft)]))
        let words = try #require(try await workspace.engine().learnedWords(articleID: "kundennummer")).map(\.word)
        #expect(words.contains(topic), "the draft's topic word was learned: \(words)")
        var bytes = try workspace.indexData()
        for suffix in ["-wal", "-journal"] {
            if let extra = FileManager.default.contents(atPath: workspace.indexPath + suffix) { bytes.append(extra) }
        }
        for secret in secrets {
            for form in [secret, secret.capitalized, secret.uppercased()] {
                #expect(bytes.range(of: Data(form.utf8)) == nil, "\(form) is in the index file")
            }
        }
    }

    @Test("a password a draft announces is not learned, though the same dictionary word from two sessions otherwise is")
    func announcedPasswordNeverIndexed() async throws {
        try #require(!ArticleFixtures.markdownSet.values.joined().lowercased().contains("gartenzaun"))
        func learned(_ first: String, _ second: String) async throws -> (words: [String], bytes: Data) {
            let workspace = try Self.workspace()
            try Self.build(workspace, Self.learn([("s1", "kundennummer", first), ("s2", "kundennummer", second)]))
            let words = try #require(try await workspace.engine().learnedWords(articleID: "kundennummer")).map(\.word)
            return (words, try workspace.indexData())
        }
        let unannounced = try await learned("Mein Zugang ist gesperrt, Gartenzaun", "zugang gesperrt wegen gartenzaun")
        #expect(unannounced.words.contains("gartenzaun"), "the dictionary word is learnable: \(unannounced.words)")
        let announced = try await learned("Mein Zugang ist gesperrt, mein Passwort ist Gartenzaun",
                                          "zugang gesperrt obwohl das kennwort lautet gartenzaun")
        #expect(announced.words.contains("gesperrt"), "\(announced.words)")
        for form in ["gartenzaun", "Gartenzaun"] {
            #expect(announced.bytes.range(of: Data(form.utf8)) == nil, "\(form) is in the index file")
        }
    }

    @Test("a signature block without a sign-off (name, street, town on lines of their own) is not learned, even from two sessions")
    func addressBlockNeverIndexed() async throws {
        let workspace = try Self.workspace()
        let draft = "Mein Zugang ist gesperrt.\n\nJörg Zimmermann\nHauptstraße 12\nMünchen"
        try Self.build(workspace, Self.learn([("s1", "kundennummer", draft), ("s2", "kundennummer", draft)]))
        let words = try #require(try await workspace.engine().learnedWords(articleID: "kundennummer")).map(\.word)
        #expect(words.contains("gesperrt"), "\(words)")
        for secret in ["jörg", "zimmermann", "hauptstraße", "münchen"] { #expect(!words.contains(secret), "\(secret) learned") }
    }

    @Test("a word the German list has only in lowercase, written capitalised inside a sentence, may be a first name: two sessions")
    func capitalisedLowercaseWordIsAName() async throws {
        let workspace = try Self.workspace()
        try #require(!ArticleFixtures.markdownSet.values.joined().lowercased().contains("max"))
        try Self.build(workspace, Self.learn([("s1", "kundennummer", "Wo finde ich das? Max sucht die Rechnung")]))
        var words = try #require(try await workspace.engine().learnedWords(articleID: "kundennummer")).map(\.word)
        #expect(words.contains("max") && words.contains("rechnung"), "at a sentence's start a capital says nothing: \(words)")

        try Self.build(workspace, Self.learn([("s1", "kundennummer", "mein Kollege Max sucht die Rechnung")]))
        words = try #require(try await workspace.engine().learnedWords(articleID: "kundennummer")).map(\.word)
        #expect(!words.contains("max") && words.contains("rechnung"), "\(words)")
        let twice = [("s1", "kundennummer", "mein Kollege Max sucht"), ("s2", "kundennummer", "Kollege Max sucht")]
        try Self.build(workspace, Self.learn(twice))
        words = try #require(try await workspace.engine().learnedWords(articleID: "kundennummer")).map(\.word)
        #expect(words.contains("max"), "from two sessions, as a capitalised dictionary word: \(words)")
    }

    @Test("an English word learned by a German article needs the German list (or the articles): \"vile\" is no German word")
    func dictionaryOfTheArticlesLanguage() async throws {
        let workspace = try Self.workspace()
        try Self.build(workspace, Self.learn([("s1", "kundennummer", "vile Rechnungen gesperrt")]))
        let words = try #require(try await workspace.engine().learnedWords(articleID: "kundennummer")).map(\.word)
        #expect(!words.contains("vile") && words.contains("gesperrt"), "\(words)")
    }

    @Test("a blocked word is not learned, for its article or (with *) for every article")
    func blocklist() async throws {
        let workspace = try Self.workspace()
        let blocklist = LearningBlocklist(text: """
            # author's blocks
            passwort-zuruecksetzen Zugang
            * gesperrt
            """)
        try Self.build(workspace, Self.learn(Self.lockedOut + [("s2", "passwort-zuruecksetzen", "komme nicht rein")], blocklist: blocklist))
        let words = try #require(try await workspace.engine().learnedWords(articleID: "passwort-zuruecksetzen")).map(\.word)
        #expect(!words.contains("zugang") && !words.contains("gesperrt"))
        #expect(words.contains("rein"))
    }

    @Test("a build without outcomes keeps what was learned; --no-learning and an emptied log remove it")
    func keepOffAndErasure() async throws {
        let workspace = try Self.workspace()
        try Self.build(workspace, Self.learn(Self.lockedOut))
        try Self.build(workspace, .keep)
        #expect(try await workspace.engine().search("Zugang gesperrt").first?.id == "passwort-zuruecksetzen")
        try Self.build(workspace, .off)
        #expect(try await workspace.engine().search("Zugang gesperrt").first?.id != "passwort-zuruecksetzen")

        try Self.build(workspace, Self.learn(Self.lockedOut))
        // The outcomes were erased from the ticket store: the next build learns from what is left (nothing).
        try Self.build(workspace, Self.learn([]))
        #expect(try await workspace.engine().search("Zugang gesperrt").first?.id != "passwort-zuruecksetzen")
        #expect(try workspace.indexData().range(of: Data("gesperrt".utf8)) == nil)
    }

    @Test("a rebuild with the same articles and outcomes keeps the index; a new outcome, a blocked word or an erasure rewrites it")
    func noOpLearningBuild() throws {
        let workspace = try Self.workspace()
        #expect(try Self.build(workspace, Self.learn([])).wroteIndex)
        #expect(try !Self.build(workspace, Self.learn([])).wroteIndex)
        #expect(try Self.build(workspace, Self.learn(Self.lockedOut)).wroteIndex)
        #expect(try !Self.build(workspace, Self.learn(Self.lockedOut)).wroteIndex)
        let more = Self.lockedOut + [("s3", "kundennummer", "Rechnung gesperrt")]
        #expect(try Self.build(workspace, Self.learn(more)).wroteIndex)
        #expect(try Self.build(workspace, Self.learn(more, blocklist: LearningBlocklist(text: "kundennummer gesperrt"))).wroteIndex)
        #expect(try !Self.build(workspace, Self.learn(more, blocklist: LearningBlocklist(text: "kundennummer gesperrt"))).wroteIndex)
        #expect(try Self.build(workspace, Self.learn(Self.lockedOut)).wroteIndex)
        #expect(try Self.build(workspace, Self.learn([])).wroteIndex)
        #expect(try workspace.indexData().range(of: Data("gesperrt".utf8)) == nil)
    }

    @Test("an incremental build gives kept and re-read articles their learned column, in the table and in FTS5")
    func incrementalLearning() throws {
        let workspace = try Self.workspace()
        try Self.build(workspace, .off)
        // kundennummer changed and is read again (its row is inserted); the other two are copied from the old index.
        try workspace.write(ArticleFixtures.kundennummer + "\nDie Kundennummer steht auch im Kundenkonto.\n", to: "kundennummer-finden.md")
        let report = try Self.build(workspace, Self.learn(Self.lockedOut + [("s3", "kundennummer", "Rechnung gesperrt")]))
        #expect(report.updated == 1 && report.unchanged == 2 && report.learnedArticles == 2)
        let inspector = try workspace.inspector()
        for (id, word) in [("passwort-zuruecksetzen", "zugang"), ("kundennummer", "rechnung"), ("kundennummer", "gesperrt")] {
            let stored = "SELECT count(*) FROM articles WHERE id = ? AND instr(learned, ?) > 0"
            #expect(try inspector.count(sql: stored, arguments: [id, word]) == 1, "\(id): \(word)")
            let indexed = "SELECT count(*) FROM fts JOIN articles ON articles.rowid = fts.rowid WHERE fts MATCH ? AND id = ?"
            #expect(try inspector.count(sql: indexed, arguments: ["learned : \"\(word)\"", id]) == 1, "\(id): \(word)")
        }
        #expect(try inspector.count(sql: "SELECT count(*) FROM articles WHERE learned != ''") == 2)
    }

    @Test("a build under other privacy rules (another rules version) relearns what the previous one kept")
    func rulesVersionRelearns() throws {
        let workspace = try Self.workspace()
        let outcomes = Self.lockedOut.map { CustomerWords(session: $0.0, articleID: $0.1, text: $0.2) }
        var configuration = LearningConfiguration(outcomes: outcomes)
        #expect(try Self.build(workspace, .learn(configuration)).wroteIndex)
        #expect(try !Self.build(workspace, .learn(configuration)).wroteIndex)
        configuration.rulesVersion = LearningConfiguration.rulesVersion + 1
        #expect(try Self.build(workspace, .learn(configuration)).wroteIndex)
        #expect(try !Self.build(workspace, .learn(configuration)).wroteIndex)
    }

    @Test("the folded word lists are kept beside the index and reused only while the lists are unchanged")
    func wordListCache() async throws {
        let workspace = try Self.workspace()
        let list = try workspace.directory.write(Data("Umzug\nwandern\n".utf8), to: "lists/words")
        func learning(_ text: String) -> Learning {
            .learn(LearningConfiguration(outcomes: [CustomerWords(session: "s1", articleID: "kundennummer", text: text)],
                                         wordLists: [WordListFile(path: list, language: .de)]))
        }
        try Self.build(workspace, learning("wandern xqzrtlwand"))
        #expect(try await workspace.engine().learnedWords(articleID: "kundennummer")?.map(\.word) == ["wandern"])
        let cache = try #require(FileManager.default.contents(atPath: workspace.indexPath + ".wordlists"))
        #expect(cache.range(of: Data("\nwandern\n".utf8)) != nil)

        // The list changed (size and date): neither this process's copy nor the cache is used, the list is folded again.
        try Data("Umzug\nwandern\nxqzrtlwand\n".utf8).write(to: URL(fileURLWithPath: list))
        try Self.build(workspace, learning("wandern xqzrtlwand"))
        #expect(try await workspace.engine().learnedWords(articleID: "kundennummer")?.map(\.word).sorted() == ["wandern", "xqzrtlwand"])
        let rewritten = try #require(FileManager.default.contents(atPath: workspace.indexPath + ".wordlists"))
        #expect(rewritten.range(of: Data("\nxqzrtlwand\n".utf8)) != nil)
    }
}
