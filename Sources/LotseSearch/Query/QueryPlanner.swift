import LotseAnalysis
import LotseIndex

/// Turns what the user typed into weighted concepts with their alternatives: stems, other-language stems,
/// synonyms, compound parts, typo corrections and (for the unfinished last word) its likeliest completions.
struct QueryPlanner {
    let statistics: IndexStatistics
    let synonyms: Synonyms
    let corrector: TypoCorrector
    let analyzers: [Language: Analyzer]

    /// Search-box text keeps this many of its most informative concepts, drafts `draftConceptLimit` of the
    /// concepts some article matches (tuned on tuning3-drafts.json and the tuning parts' drafts: 16 / 24 / 32 / 48
    /// gave R@1 .662 / .688 / .700 / .713 on the long drafts, the others unchanged; 24 for the work per draft).
    static let conceptLimit = 16
    static let draftConceptLimit = 24
    /// A term in more than this share of articles tells nothing (only applied to larger indexes).
    static let universalShare = 0.5
    static let subjectWeight = 2.0
    /// A description word that the subject names too: the customer said it twice.
    static let repeatedInDescriptionBonus = 0.5

    /// What a match through an alternative counts for, against the word as typed (1); tuned on the judged sets.
    enum AlternativeWeight {
        /// What the user most likely means, though not what they typed.
        static let synonym = 0.9
        /// The unfinished last word's frequent completions: likely, but the user may type on to another word.
        static let completion = 0.9
        /// An unknown word's correction: probably meant, but a guess; also the floor of a concept's main alternatives.
        static let correction = 0.8
        /// Two guesses deep: a synonym of a correction, or a correction of an unfinished unknown word.
        static let guessedTwice = 0.7
        /// A compound part ("nummer" of "kundennummer"): on its own it matches much broader text.
        static let compoundPart = 0.5
    }
    /// Completions of an unfinished word that are searched (the most frequent first).
    static let completionLimit = 6
    /// Bounded work per request, whatever is sent: words of a text that are read (a 300-word draft fits twice;
    /// the problem is stated early), and words that get typo correction (the costliest step), in text order.
    static let maximumWords = 600
    static let maximumCorrectedWords = 16
    /// Drafts have enough other words to stand on: fewer of their unknown words are corrected.
    static let maximumCorrectedDraftWords = 8

    /// What is left of a request's bounded work (shared by a draft's subject and description).
    private final class Budget {
        var correctedWords: Int
        init(correctedWords: Int) { self.correctedWords = correctedWords }
    }

    init(statistics: IndexStatistics, synonyms: Synonyms, corrector: TypoCorrector) {
        self.statistics = statistics
        self.synonyms = synonyms
        self.corrector = corrector
        let resources = AnalyzerResources(compoundDictionary: statistics.compoundDictionary)
        var analyzers: [Language: Analyzer] = [.de: Analyzer(resources: resources, language: .de)]
        for language in statistics.languages where language != .de {
            analyzers[language] = Analyzer(resources: resources, language: language)
        }
        self.analyzers = analyzers
    }

    var german: Analyzer { analyzers[.de]! }

    /// Concepts of a search-box query; the last word is a prefix when `prefixLastWord`.
    func concepts(query: String, prefixLastWord: Bool) -> [Concept] {
        var concepts = concepts(of: query, weight: 1, prefixLastWord: prefixLastWord,
                                budget: Budget(correctedWords: Self.maximumCorrectedWords), correctRareWords: true)
        if concepts.count > Self.conceptLimit { concepts = selectInformative(concepts, limit: Self.conceptLimit) }
        return concepts
    }

    /// Concepts of a ticket draft: subject weighted above description, greetings and signatures dropped.
    func concepts(subject: String, description: String, prefixLastWord: Bool) -> [Concept] {
        let descriptionText = DraftCleaner.clean(description)
        let budget = Budget(correctedWords: Self.maximumCorrectedDraftWords)
        var concepts = concepts(
            of: subject, weight: Self.subjectWeight, prefixLastWord: prefixLastWord && descriptionText.isEmpty, budget: budget)
        // By first alternative, as `concepts(of:)` tells concepts apart: a lookup, not a scan per word (600 words).
        var positions: [Concept.Alternative?: Int] = [:]
        for (index, concept) in concepts.enumerated() where positions[concept.alternatives.first] == nil {
            positions[concept.alternatives.first] = index
        }
        for concept in self.concepts(of: descriptionText, weight: 1, prefixLastWord: prefixLastWord, budget: budget,
                                     afterOtherWords: !concepts.isEmpty) {
            if let index = positions[concept.alternatives.first] {
                concepts[index].weight = max(concepts[index].weight, concept.weight) + Self.repeatedInDescriptionBonus
            } else {
                positions[concept.alternatives.first] = concepts.count
                concepts.append(concept)
            }
        }
        // Words no article has (names, places, pasted codes) have the highest idf and match nothing: among the
        // informative concepts they took the places of the draft's real words (long drafts' R@1 .575 -> .662). They
        // still count in the draft's weight, so a draft the best article matches little of stays unanswered.
        var matchable: [Concept] = [], unmatched: [Concept] = []
        for concept in concepts {
            if matchesSomeArticle(concept) { matchable.append(concept) } else { unmatched.append(concept) }
        }
        return selectInformative(matchable, limit: Self.draftConceptLimit) + unmatched.prefix(Self.draftConceptLimit)
    }

    private func matchesSomeArticle(_ concept: Concept) -> Bool {
        concept.alternatives.contains { $0.allOf ? $0.terms.allSatisfy { df($0) > 0 } : df($0.terms.joined(separator: " ")) > 0 }
    }

    // MARK: - Words to concepts

    /// Rare (not only unknown) words are corrected in search-box queries; drafts have enough other words.
    /// `afterOtherWords`: the text continues another (a draft's description its subject).
    private func concepts(of text: String, weight: Double, prefixLastWord: Bool, budget: Budget, correctRareWords: Bool = false,
                          afterOtherWords: Bool = false) -> [Concept]
    {
        var words = german.words(in: text)
        var endsInWord = text.unicodeScalars.last.map { $0.properties.isAlphabetic || ("0"..."9").contains($0) } ?? false
        if words.count > Self.maximumWords {
            words.removeLast(words.count - Self.maximumWords)
            endsInWord = false
        }
        var concepts: [Concept] = []
        var firstAlternatives: Set<Concept.Alternative?> = []  // concepts that match alike are one
        var seen: Set<String> = []
        let stems = words.map { Self.isOverlong($0.folded) ? $0.folded : german.stem($0.folded) }
        let rejoined = separableVerbs(in: words, stems: stems, of: text)
        var index = 0
        while index < words.count {
            // A multi-word synonym ("Abo beenden", "Geld zurück") is one concept matched by its whole group, also
            // when its last word is the one being typed: a whole word that completes the expression is taken as meant.
            if let phrase = synonyms.phrase(at: index, in: stems) {
                let expression = Array(stems[index..<(index + phrase.length)])
                var concept = Concept(word: words[index..<(index + phrase.length)].map(\.folded).joined(separator: " "),
                                      alternatives: [Concept.Alternative(terms: expression)]
                                          + phrase.alternatives.map { Concept.Alternative(terms: $0, weight: AlternativeWeight.synonym) },
                                      weight: weight)
                concept.idf = idf(of: concept)
                firstAlternatives.insert(concept.alternatives.first)
                concepts.append(concept)
                index += phrase.length
                continue
            }
            // A hyphen chain ("E-Mail-Adresse") is one concept.
            var end = index + 1
            while end < words.count, words[end].joinedToPrevious { end += 1 }
            let chain = words[index..<end].map(\.folded)
            let isLast = end == words.count
            let prefix = prefixLastWord && isLast && endsInWord
            // A letter or two after other words says nothing yet ("Was war d"): its completions would add the
            // longest postings of the index for a word not yet chosen.
            if prefix, chain.count == 1, index > 0 || afterOtherWords, chain[0].unicodeScalars.count <= 2 { break }
            // A repeated word adds nothing but work.
            guard seen.insert(chain.joined(separator: "-") + (prefix ? "*" : "")).inserted else {
                index = end
                continue
            }
            let concept = chain.count > 1
                ? hyphenConcept(chain, weight: weight)
                : wordConcept(chain[0], raw: text.utf8Slice(words[index].start, words[index].end), rejoined: rejoined[index] ?? [],
                              weight: weight, prefix: prefix, budget: budget, correctRareWords: correctRareWords)
            if let concept, firstAlternatives.insert(concept.alternatives.first).inserted {
                concepts.append(concept)
            }
            index = end
        }
        return concepts
    }

    /// Words longer than the index's limit are indexed as they are (hashes, base64): matched exactly, never
    /// stemmed, split, corrected or completed, which keeps a 20,000-letter "word" as cheap as a short one.
    private static func isOverlong(_ folded: String) -> Bool { folded.utf8.count > Analyzer.maximumWordBytes }

    /// Stems of the separable verbs the text splits ("kommen … an" → "ankomm") that some article has, by the word
    /// index of their finite verb (`stems`: the words' own).
    private func separableVerbs(in words: [AnalyzedWord], stems: [String], of text: String) -> [Int: [String]] {
        var text = text
        let candidates = text.withUTF8 { SeparableVerbs.candidates(in: words, text: $0) }
        var result: [Int: [String]] = [:]
        for (word, infinitives) in candidates {
            let verbs = infinitives.map { german.stem($0) }.filter { df($0) > 0 && $0 != stems[word] }
            if !verbs.isEmpty { result[word, default: []] += verbs }
        }
        return result
    }

    /// `rejoined`: stems of separable verbs this word is the finite part of, as meant as the word itself.
    private func wordConcept(_ folded: String, raw: String, rejoined: [String], weight: Double, prefix: Bool, budget: Budget,
                             correctRareWords: Bool) -> Concept?
    {
        let isNumber = folded.unicodeScalars.contains { ("0"..."9").contains($0) }
        if !prefix, folded.unicodeScalars.count < 2 { return nil }
        if Self.isOverlong(folded) {
            guard df(folded) > 0 else { return nil }
            return Concept(word: folded, alternatives: [Concept.Alternative(terms: [folded])], weight: weight,
                           idf: statistics.idf(documentFrequency: df(folded)))
        }
        let isStopWord = StopWords.contains(folded, language: .de)
            || (statistics.languages.count > 1 && StopWords.contains(folded, language: .en))
        if !prefix, isStopWord { return nil }
        if isNumber, df(folded) == 0, !prefix { return nil }

        let stem = german.stem(folded)
        var alternatives: [Concept.Alternative] = []
        func add(_ terms: [String], weight: Double = 1, allOf: Bool = false, corrected: Bool = false) {
            guard !terms.isEmpty, !alternatives.contains(where: { $0.terms == terms && $0.allOf == allOf }) else { return }
            alternatives.append(Concept.Alternative(terms: terms, allOf: allOf, weight: weight, corrected: corrected))
        }
        // An unfinished stop word ("die" on the way to "Dienst") stands for its completions only: as itself it matches
        // nearly every article, and its postings are the index's largest. So does any word of one or two letters.
        if !prefix || (folded.unicodeScalars.count >= 3 && !isStopWord) { add([stem]) }
        for verb in rejoined { add([verb]) }
        for (language, analyzer) in analyzers where language != .de {
            if let other = analyzer.fold(raw) { add([analyzer.stem(other)]) }
        }
        // The unfinished word: its most frequent completions in the vocabulary, as exact words (bounded work,
        // unlike an FTS5 prefix query that merges the doclists of every matching term).
        if prefix {
            for completion in corrector.completions(of: folded, limit: Self.completionLimit) {
                add([completion], weight: AlternativeWeight.completion)
            }
        }
        for expression in synonyms.alternatives(forStem: stem) { add(expression, weight: AlternativeWeight.synonym) }
        for part in german.compoundParts(folded) where !StopWords.contains(part, language: .de) {
            add([german.stem(part)], weight: AlternativeWeight.compoundPart)
        }
        // An unfinished word that some vocabulary word starts with is being typed, not misspelt: its
        // completions stand for it, and correcting it as a whole word would cost a search per keystroke.
        let completes = prefix && corrector.hasWord(withPrefix: folded)
        let known = completes || isStopWord || alternatives.contains { !$0.allOf && df($0.terms[0]) > 0 }
        var correction: String?
        if !isNumber, !known || (correctRareWords && !completes && isRare(stem)), budget.correctedWords > 0 {
            budget.correctedWords -= 1
            let corrections = corrector.corrections(for: folded)
            for correction in corrections {
                let correctedStem = german.stem(correction)
                add([correctedStem], weight: AlternativeWeight.correction, corrected: true)
                for expression in synonyms.alternatives(forStem: correctedStem) {
                    add(expression, weight: AlternativeWeight.guessedTwice, corrected: true)
                }
            }
            if prefix, !known {
                for correction in corrector.corrections(for: folded, prefix: true) {
                    add([correction], weight: AlternativeWeight.guessedTwice, corrected: true)
                }
            }
            if !known { correction = corrections.first }
        }
        guard !alternatives.isEmpty else { return nil }
        var concept = Concept(word: folded, alternatives: alternatives, weight: weight, correction: correction)
        concept.idf = idf(of: concept)
        // "kommen … an" names a deed, "kommt nicht" only that something fails.
        concept.isSymptom = !prefix && rejoined.isEmpty && SymptomWords.contains(stem: stem)
        return concept
    }

    private func hyphenConcept(_ chain: [String], weight: Double) -> Concept? {
        let joined = chain.joined()
        var alternatives = [Concept.Alternative(terms: [german.stem(joined)])]
        for expression in synonyms.alternatives(forStem: german.stem(joined)) {
            alternatives.append(Concept.Alternative(terms: expression, weight: AlternativeWeight.synonym))
        }
        let meaningful = chain.filter { $0.unicodeScalars.count >= 3 && !StopWords.contains($0, language: .de) }
        if meaningful.count > 1 {
            alternatives.append(
                Concept.Alternative(terms: meaningful.map { german.stem($0) }, allOf: true, weight: AlternativeWeight.compoundPart))
        } else if let part = meaningful.first, chain.count > 1, part.unicodeScalars.allSatisfy(\.properties.isAlphabetic),
                  chain.allSatisfy({ $0 == part || $0.unicodeScalars.count == 1 }) {
            // "K-Nummer", "A-Eintrag": the letter alone matches nothing; the word is what the articles say. Not beside
            // an abbreviation ("IT-Kollege": the judged set's draft lost its first place) or as a number ("K-3019284").
            alternatives.append(Concept.Alternative(terms: [german.stem(part)], weight: AlternativeWeight.compoundPart))
        }
        var concept = Concept(word: chain.joined(separator: "-"), alternatives: alternatives, weight: weight)
        concept.idf = idf(of: concept)
        return concept
    }

    // MARK: - Statistics

    private func df(_ term: String) -> Int { statistics.documentFrequency[term] ?? 0 }

    private func isUniversal(_ term: String) -> Bool {
        statistics.documentCount >= 10 && Double(df(term)) > Double(statistics.documentCount) * Self.universalShare
    }

    private func isRare(_ stem: String) -> Bool { df(stem) <= 1 && statistics.documentCount >= 20 }

    /// The idf of the concept's main matching alternative; unknown words count as rare (they lower coverage).
    private func idf(of concept: Concept) -> Double {
        let frequencies = concept.alternatives.filter { !$0.allOf && $0.weight >= AlternativeWeight.correction }.map {
            df($0.terms.joined(separator: " "))
        }.filter { $0 > 0 }
        if let best = frequencies.max() { return statistics.idf(documentFrequency: best) }
        return statistics.idf(documentFrequency: 1)
    }

    /// Drops near-universal concepts and keeps the `limit` most informative ones (weight × idf).
    private func selectInformative(_ concepts: [Concept], limit: Int) -> [Concept] {
        var filtered = concepts
        if statistics.documentCount >= 10 {
            let informative = concepts.filter { concept in
                !concept.alternatives.filter({ !$0.allOf }).allSatisfy { isUniversal($0.terms.joined(separator: " ")) }
            }
            if !informative.isEmpty { filtered = informative }
        }
        guard filtered.count > limit else { return filtered }
        let ranked = filtered.enumerated().sorted {
            ($0.element.weight * $0.element.idf, -$0.offset) > ($1.element.weight * $1.element.idf, -$1.offset)
        }
        let kept = Set(ranked.prefix(limit).map(\.offset))
        return filtered.enumerated().filter { kept.contains($0.offset) }.map(\.element)
    }
}
