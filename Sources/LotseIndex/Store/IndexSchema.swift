import GRDB

/// Tables of the index file. Rebuilt from `articles/` at any time; tickets never live here.
enum IndexSchema {
    static let statements = [
        "CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID",
        """
        CREATE TABLE articles(
            rowid INTEGER PRIMARY KEY,
            id TEXT NOT NULL UNIQUE,
            path TEXT NOT NULL,
            hash TEXT NOT NULL,
            lang TEXT NOT NULL,
            title TEXT NOT NULL,
            headings TEXT NOT NULL,
            tags TEXT NOT NULL,
            body TEXT NOT NULL,
            category TEXT NOT NULL,
            url TEXT NOT NULL UNIQUE,
            updated TEXT,
            ticket_only INTEGER NOT NULL DEFAULT 0,
            html TEXT NOT NULL,
            learned TEXT NOT NULL DEFAULT '')
        """,
        // A category's listing (its page, every article page's related articles) reads only its first rows by title:
        // without it each listing scanned every row, body and html included, to find the category.
        "CREATE INDEX \(categoryIndex) ON articles(category, title, id)",
        // External content: the text lives once, in `articles`; FTS5 keeps only the inverted index. `learned` holds
        // customers' words (LearnedField), apart from the authors' text and weighted on its own.
        """
        CREATE VIRTUAL TABLE fts USING fts5(
            title, headings, tags, body, learned,
            content='articles', content_rowid='rowid', tokenize='\(LotseTokenizer.name)')
        """,
        // Term statistics over folded words (typo correction, compound dictionary, analytics).
        "CREATE TABLE terms(term TEXT PRIMARY KEY, df INTEGER NOT NULL, cf INTEGER NOT NULL) WITHOUT ROWID",
    ]

    static let categoryIndex = "articles_category"

    static func create(_ db: Database) throws {
        for statement in statements { try db.execute(sql: statement) }
    }

    /// A build fills the FTS5 table once and merges it with `optimize` at the end, so merging segments while
    /// inserting is wasted work: no automatic merges, and a forced one only past 64 segments of a level (16 by
    /// default).
    static func startBulkLoad(_ db: Database) throws {
        try db.execute(sql: "INSERT INTO fts(fts, rank) VALUES('automerge', 0); INSERT INTO fts(fts, rank) VALUES('crisismerge', 64)")
    }

    /// FTS5's defaults again (they are stored in the index), before the final merge.
    static func endBulkLoad(_ db: Database) throws {
        try db.execute(sql: "INSERT INTO fts(fts, rank) VALUES('automerge', 4); INSERT INTO fts(fts, rank) VALUES('crisismerge', 16)")
    }

    /// Headings are stored one per line, tags joined with ", ".
    static func headingsColumn(_ headings: [String]) -> String { headings.joined(separator: "\n") }
    static func tagsColumn(_ tags: [String]) -> String { tags.joined(separator: ", ") }
}

/// Keys of the `meta` table.
public enum IndexMetaKey {
    public static let analyzerVersion = "analyzer_version"
    public static let dictionaryHash = "dictionary_hash"
    public static let builtAt = "built_at"
    public static let articleCount = "article_count"
    /// The sentence encoder that made the `vectors` table (absent: a lexical-only index).
    public static let semanticModel = "semantic_model"
    /// How many words the articles learned from outcomes (absent: none).
    public static let learnedWords = "learned_words"
    /// `LearningConfiguration.fingerprint` of the build that learned them (absent: learning off or kept).
    public static let learningInputs = "learning_inputs"
}
