/// Migration "v4 article views and rollups" for both stores (SQLite below, PostgreSQL in `postgres`).
///
/// - `article_views`: one row per session, article and day on which the portal opened the article (like `suggestions`).
/// - `session_stages`: the first time a session reached a stage (`shown`, `opened`, `solved`) for an article, and for
///   any article (`article_id` ''). One row per session, article and stage, so a session counts once per stage.
/// - `stage_counts`: per day, stage and article (or '') how many sessions reached the stage *for the first time* that
///   day, maintained in the same transaction as `session_stages`. Because each session is counted on one day only,
///   a week (or any range) is the sum of its days and still counts distinct sessions. The counts hold no session ids:
///   retention and erasure delete the session rows, not these anonymous sums.
/// The backfill turns the suggestions and deflections stored before this migration into the same rows.
enum AnalyticsSchema {
    static var sqlite: String { tables + backfill { "CAST(\($0) / 86400 AS INTEGER)" }.map { $0 + ";\n" }.joined() }

    private static let tables = """
        CREATE TABLE article_views(
            session TEXT NOT NULL,
            article_id TEXT NOT NULL,
            day INTEGER NOT NULL,
            first_at REAL NOT NULL,
            last_at REAL NOT NULL,
            PRIMARY KEY(session, article_id, day)) WITHOUT ROWID;
        CREATE INDEX article_views_last ON article_views(last_at);
        CREATE TABLE session_stages(
            session TEXT NOT NULL,
            article_id TEXT NOT NULL,
            stage TEXT NOT NULL,
            day INTEGER NOT NULL,
            reached_at REAL NOT NULL,
            PRIMARY KEY(session, article_id, stage)) WITHOUT ROWID;
        CREATE INDEX session_stages_reached ON session_stages(reached_at);
        CREATE TABLE stage_counts(
            day INTEGER NOT NULL,
            stage TEXT NOT NULL,
            article_id TEXT NOT NULL,
            sessions INTEGER NOT NULL,
            PRIMARY KEY(day, stage, article_id)) WITHOUT ROWID;
        CREATE INDEX tickets_after_suggestions ON tickets(created_at) WHERE suggested_articles <> '[]';
        CREATE INDEX feedback_articles ON feedback(created_at, article_id, helpful);
        """

    static var postgres: [String] { postgresTables + backfill(postgresDay) }

    private static let postgresTables: [String] = [
        """
        CREATE TABLE article_views(
            session text NOT NULL,
            article_id text NOT NULL,
            day integer NOT NULL,
            first_at timestamptz NOT NULL,
            last_at timestamptz NOT NULL,
            PRIMARY KEY(session, article_id, day))
        """,
        "CREATE INDEX article_views_last ON article_views(last_at)",
        """
        CREATE TABLE session_stages(
            session text NOT NULL,
            article_id text NOT NULL,
            stage text NOT NULL,
            day integer NOT NULL,
            reached_at timestamptz NOT NULL,
            PRIMARY KEY(session, article_id, stage))
        """,
        "CREATE INDEX session_stages_reached ON session_stages(reached_at)",
        """
        CREATE TABLE stage_counts(
            day integer NOT NULL,
            stage text NOT NULL,
            article_id text NOT NULL,
            sessions integer NOT NULL,
            PRIMARY KEY(day, stage, article_id))
        """,
        "CREATE INDEX tickets_after_suggestions ON tickets(created_at) WHERE jsonb_array_length(suggested_articles) > 0",
        "CREATE INDEX feedback_articles ON feedback(created_at, article_id, helpful)",
    ]

    /// The first time each session was shown each article (suggestions) and solved with it (deflections), per article
    /// and for any article, then their per-day counts; `day` turns a time expression into a day number.
    private static func backfill(_ day: (String) -> String) -> [String] {
        let sources = [("shown", "first_at", "suggestions"), ("solved", "created_at", "deflections")]
        let stages = sources.flatMap { stage, time, table in
            ["article_id", "''"].map { article in
                """
                INSERT INTO session_stages(session, article_id, stage, day, reached_at)
                SELECT session, \(article), '\(stage)', \(day("min(\(time))")), min(\(time)) FROM \(table)
                WHERE session <> '' GROUP BY session\(article == "''" ? "" : ", article_id")
                """
            }
        }
        return stages + ["""
            INSERT INTO stage_counts(day, stage, article_id, sessions)
            SELECT day, stage, article_id, COUNT(*) FROM session_stages GROUP BY day, stage, article_id
            """]
    }

    /// The UTC day number (days since 1970) of a `timestamptz` expression, as the SQLite store's `CAST(t / 86400 AS INTEGER)`.
    static func postgresDay(_ expression: String) -> String {
        "floor(extract(epoch FROM \(expression)) / 86400)::integer"
    }
}
