import LotseSearch

/// Replays judged ticket drafts keystroke by keystroke (subject first, then description) and records after
/// what share of the typed characters a relevant article first enters the top 3 — how early deflection can work.
public struct TypingReplay: Sendable {
    public struct Outcome: Sendable {
        public var queryID: String
        /// Share of the draft's characters typed when a relevant article first was in the top 3; nil if never.
        public var share: Double?
        /// Share typed from which on a relevant article stayed in the top 3 until the end; nil if not at the end.
        public var stableShare: Double?
    }

    public var outcomes: [Outcome] = []

    /// Lotse's suggestions (`options.limit` of them) as the drafts are typed.
    public static func run(_ queries: [JudgedQuery], engine: SearchEngine, options: SearchOptions) async throws -> TypingReplay {
        try await run(queries) { subject, description in
            try await engine.suggest(subject: subject, description: description, options: options).map(\.id)
        }
    }

    /// Suggestions are requested every `step` characters (the portal debounces keystrokes the same way).
    public static func run(_ queries: [JudgedQuery], step: Int = 3,
                           suggest: (_ subject: String, _ description: String) async throws -> [String]) async rethrows -> TypingReplay {
        var replay = TypingReplay()
        for query in queries where query.isAnswerable {
            let subject = Array(query.subject ?? query.query ?? "")
            let description = Array(query.description ?? "")
            let total = subject.count + description.count
            guard total > 0 else { continue }
            var share: Double?
            var stableShare: Double?
            var typed = 0
            while typed < total {
                typed = min(total, typed + step)
                let subjectPart = String(subject.prefix(typed))
                let descriptionPart = typed > subject.count ? String(description.prefix(typed - subject.count)) : ""
                let found = try await suggest(subjectPart, descriptionPart).prefix(3).contains(where: query.relevant.contains)
                let typedShare = Double(typed) / Double(total)
                if found, share == nil { share = typedShare }
                if found, stableShare == nil { stableShare = typedShare }
                if !found { stableShare = nil }
            }
            replay.outcomes.append(Outcome(queryID: query.id, share: share, stableShare: stableShare))
        }
        return replay
    }

    /// Median share over all replayed drafts; drafts never found count as 1 (all typed, still no answer).
    public var medianShare: Double { Self.median(outcomes.map { $0.share ?? 1 }) }
    /// The same for the share from which the right article stayed in the top 3.
    public var medianStableShare: Double { Self.median(outcomes.map { $0.stableShare ?? 1 }) }

    private static func median(_ values: [Double]) -> Double {
        let shares = values.sorted()
        guard !shares.isEmpty else { return 1 }
        let middle = shares.count / 2
        return shares.count.isMultiple(of: 2) ? (shares[middle - 1] + shares[middle]) / 2 : shares[middle]
    }

    public var neverFound: Int { outcomes.filter { $0.share == nil }.count }
}
