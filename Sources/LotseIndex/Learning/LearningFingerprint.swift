import LotseAnalysis

extension Learning {
    /// The fingerprint of a build that learns from outcomes; nil when it learns from none, keeps or is off.
    var fingerprint: String? {
        if case .learn(let configuration) = self, !configuration.outcomes.isEmpty { configuration.fingerprint } else { nil }
    }
}

extension LearningConfiguration {
    /// Everything besides the articles that decides what a build learns. An incremental build whose articles and
    /// fingerprint are unchanged keeps the previous index instead of rewriting it (the no-op rebuild of
    /// `lotse index --data`, e.g. from cron, stays well under a second).
    var fingerprint: String {
        var hash = StableHash()
        hash.add("outcomes \(outcomes.count)")
        for outcome in outcomes {
            hash.add(outcome.session)
            hash.add(outcome.articleID)
            hash.add(outcome.text)
        }
        for (article, words) in blocklist.words.sorted(by: { $0.key < $1.key }) {
            hash.add("blocked \(article)")
            for word in words.sorted() { hash.add(word) }
        }
        hash.add("sessions \(minimumSessions) \(minimumDictionarySessions) words \(maximumWords) rules \(rulesVersion)")
        hash.add(WordList.cacheKey(wordLists))
        return hash.hex
    }
}
