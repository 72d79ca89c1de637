import Foundation
import LotseAnalysis

/// The informative terms of the texts the content-gap topics are grouped from. Each text is analysed with the
/// German analyzer (case and accents folded, "ue" and "ü" alike, stop words dropped, compounds split against the
/// index's dictionary and the texts' own words) and every word reduced to its stem, with the stems of its compound
/// parts beside it. A rare stem one edit away from a far more frequent one that starts alike is counted as that one
/// (a typo: "rechnug" → "rechnung").
struct TopicTerms {
    /// One distinct text's terms, distinct, in the order they first appear, and how each was written there.
    struct Text {
        var terms: [String] = []
        var surfaces: [String: String] = [:]
    }

    private(set) var texts: [Text]
    /// How many texts (each counted `counts[i]` times) hold each term.
    private(set) var frequency: [String: Int] = [:]
    let total: Int

    /// Terms shorter than this are not counted as typos of another.
    static let minimumTypoLength = 5
    /// A typo is at most this share as frequent as the term it is counted as.
    static let typoFrequencyRatio = 0.5

    init(texts: [String], counts: [Int], compoundDictionary: [String: Int]) {
        total = counts.reduce(0, +)
        // One analyzer and one pass of word breaking: the texts' words are kept for the second step, which needs
        // the dictionary the first one completes (its folds stay cached when the resources change).
        let analyzer = Analyzer()
        var informative: [String: Bool] = [:]
        var dictionary = compoundDictionary
        let words = texts.map { text in
            analyzer.words(in: text).filter { word in
                let keep = informative[word.folded] ?? {
                    let keep = Self.isInformative(word.folded)
                    informative[word.folded] = keep
                    return keep
                }()
                if keep { dictionary[word.folded, default: 0] += 1 }
                return keep
            }
        }
        // The index's compound dictionary plus the texts' own words, so "Rechnungsstorno" splits when "Storno" was
        // written on its own somewhere (a topic without an article has words the index may not know).
        analyzer.resources = AnalyzerResources(compoundDictionary: dictionary)
        var known: [String: WordTerms] = [:]
        self.texts = zip(texts, words).map { Self.analyse($0, $1, analyzer, &known) }
        countFrequencies(counts)
        let aliases = typoAliases()
        guard !aliases.isEmpty else { return }
        self.texts = self.texts.map { text in
            var merged = Text()
            for term in text.terms {
                let key = aliases[term] ?? term
                if merged.surfaces[key] == nil { merged.terms.append(key) }
                merged.surfaces[key] = merged.surfaces[key] ?? text.surfaces[term]
            }
            return merged
        }
        countFrequencies(counts)
    }

    /// Inverse frequency over the texts: a term most texts share says little about any one topic.
    func weight(_ term: String) -> Double {
        log(1 + Double(total) / Double(max(frequency[term] ?? 1, 1)))
    }

    private mutating func countFrequencies(_ counts: [Int]) {
        frequency = [:]
        for (text, count) in zip(texts, counts) {
            for term in text.terms { frequency[term, default: 0] += count }
        }
    }

    /// A folded word's stem and its compound parts' stems, worked out once per distinct word (splitting is a search).
    private typealias WordTerms = (stem: String, parts: [(stem: String, part: String)])

    private static func analyse(_ text: String, _ words: [AnalyzedWord], _ analyzer: Analyzer, _ known: inout [String: WordTerms]) -> Text {
        var result = Text()
        func add(_ term: String, _ surface: String) {
            if result.surfaces[term] == nil {
                result.terms.append(term)
                result.surfaces[term] = surface
            }
        }
        let utf8 = Array(text.utf8)
        for word in words {
            let terms = known[word.folded] ?? {
                let terms: WordTerms = (analyzer.stem(word.folded),
                                        analyzer.compoundParts(word.folded).filter(isInformative).map { (analyzer.stem($0), $0) })
                known[word.folded] = terms
                return terms
            }()
            add(terms.stem, String(decoding: utf8[word.start..<word.end], as: UTF8.self).lowercased())
            for part in terms.parts { add(part.stem, part.part) }
        }
        return result
    }

    /// Alphabetic, three letters or more, no stop word and no word that says what kind of request it is rather
    /// than what it is about (digits and short words are no topic either).
    static func isInformative(_ folded: String) -> Bool {
        folded.unicodeScalars.count >= 3 && folded.utf8.count <= Analyzer.maximumWordBytes
            && folded.unicodeScalars.allSatisfy { $0.properties.isAlphabetic } && !StopWords.contains(folded, language: .de)
            && !requestWords.contains(folded)
    }

    /// Folded, as the analyzer folds them: questions, pleas and complaints that any topic's texts may hold.
    static let requestWords: Set<String> = [
        "wann", "warum", "wieso", "weshalb", "woran", "wofur", "wohin", "woher", "bitte", "danke", "dank", "hilfe", "helfen", "hilft",
        "problem", "probleme", "frage", "fragen", "geht", "gehen", "ging", "kommt", "kommen", "funktioniert", "funktionieren",
        "moglich", "tun", "machen", "mache", "brauche", "brauchen", "gibt", "leider", "dringend", "schnell", "immer", "mehr", "seit",
        "heute", "gestern", "hallo", "kann", "konnen", "will", "mochte", "muss", "soll",
    ]

    /// Rare term → the frequent term it is a typo of. Two terms are one edit apart (a letter added, dropped, changed
    /// or two swapped) when deleting one letter from each (or none from one) yields the same string; the most frequent
    /// term claims its deletions first, so each typo maps to the most frequent candidate.
    private func typoAliases() -> [String: String] {
        var claimed: [String: String] = [:]
        var aliases: [String: String] = [:]
        for term in frequency.keys.sorted(by: { (frequency[$1]!, $0) < (frequency[$0]!, $1) }) {
            let variants = Self.deletions(term)
            if term.unicodeScalars.count >= Self.minimumTypoLength,
               let target = variants.lazy.compactMap({ claimed[$0] }).first(where: { $0.first == term.first && $0 != term }),
               Double(frequency[term]!) <= Self.typoFrequencyRatio * Double(frequency[target]!) {
                aliases[term] = target
                continue
            }
            for variant in variants where claimed[variant] == nil { claimed[variant] = term }
        }
        return aliases
    }

    /// The term itself and every string one deleted character shorter, the term first.
    private static func deletions(_ term: String) -> [String] {
        let characters = Array(term)
        return [term] + characters.indices.map { index in
            var shorter = characters
            shorter.remove(at: index)
            return String(shorter)
        }
    }
}
