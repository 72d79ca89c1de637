/// Splits German compounds into parts that are themselves frequent words: "kundennummer" → kunden + nummer,
/// "rechnungsadresse" → rechnung + adresse (linking "s"). Among possible splits the one with the highest
/// geometric mean of part frequencies wins (Koehn & Knight 2003). Unlike in translation, a frequent whole word
/// does not veto its split: the analyzer always keeps the whole word, so parts only add recall
/// (measured on the judged set: MRR@10 0.897 with the veto, 0.900 without).
public struct CompoundSplitter: Sendable {
    /// Folded word → corpus frequency. Only words of at least `minimumPartLength` letters.
    public let dictionary: [String: Int]
    public let neverSplit: Set<String>

    public static let minimumPartLength = 3
    public static let minimumWordLength = 7
    private static let maximumParts = 3
    /// Linking elements (Fugenelemente) that may end a head part.
    private static let linkers = ["", "s", "es", "n", "en", "e", "er", "ens"]

    public init(dictionary: [String: Int], neverSplit: Set<String> = CompoundSplitter.defaultNeverSplit) {
        self.dictionary = dictionary
        self.neverSplit = neverSplit
    }

    /// Words that look like compounds of dictionary words but are not ("passwort" is not pass + wort).
    public static let defaultNeverSplit: Set<String> = [
        "passwort", "kennwort", "antwort", "antworten", "beantworten", "verantwortung", "stichwort",
        "webseite", "website", "homepage", "backup", "backups", "download", "upload", "software", "hardware",
        "firewall", "malware", "newsletter", "account", "support", "username", "password", "datenschutz",
        "kontakt", "kontakte", "unterstutzung", "ubersicht", "vertrag", "vertrage", "anmeldung", "abmeldung",
        "bearbeitung", "einstellungen", "einstellung", "verbindung", "sicherheit", "mitarbeiter", "mitarbeiterin",
        "wordpress", "lindenhost", "kundencenter", "telefon", "ansprechpartner", "geschaftsfuhrer",
    ]

    /// The parts of `word`, or an empty array when it is not a compound worth splitting.
    public func split(_ word: String) -> [String] {
        guard word.utf8.count >= Self.minimumWordLength, !neverSplit.contains(word) else { return [] }
        let letters = Array(word.unicodeScalars)
        guard letters.allSatisfy({ $0.properties.isAlphabetic }) else { return [] }
        guard let best = bestSplit(letters[...]), best.parts.count > 1 else { return [] }
        return best.parts
    }

    private struct Candidate {
        var parts: [String]
        var logFrequencySum: Double
        var score: Double { exp(logFrequencySum / Double(parts.count)) }
    }

    /// The segmentation of `letters` into 2…3 dictionary words with the highest geometric mean of frequencies,
    /// chosen over all segmentations (not greedily per tail).
    private func bestSplit(_ letters: ArraySlice<Unicode.Scalar>) -> Candidate? {
        segmentations(letters, partsLeft: Self.maximumParts).filter { $0.parts.count > 1 }.max { $0.score < $1.score }
    }

    /// Every way to write `letters` as dictionary words (heads may end in a linking element), at most `partsLeft`.
    private func segmentations(_ letters: ArraySlice<Unicode.Scalar>, partsLeft: Int) -> [Candidate] {
        var result: [Candidate] = []
        let whole = String(String.UnicodeScalarView(letters))
        if letters.count >= Self.minimumPartLength, let frequency = dictionary[whole] {
            result.append(Candidate(parts: [whole], logFrequencySum: log(Double(frequency))))
        }
        let minimum = Self.minimumPartLength
        guard partsLeft > 1, letters.count >= 2 * minimum else { return result }
        let start = letters.startIndex
        for cut in (start + minimum)...(letters.endIndex - minimum) {
            for linker in Self.linkers {
                let headEnd = cut - linker.unicodeScalars.count
                guard headEnd - start >= minimum else { continue }
                if !linker.isEmpty, String(String.UnicodeScalarView(letters[headEnd..<cut])) != linker { continue }
                let head = String(String.UnicodeScalarView(letters[start..<headEnd]))
                guard let headFrequency = dictionary[head] else { continue }
                for rest in segmentations(letters[cut...], partsLeft: partsLeft - 1) {
                    result.append(Candidate(parts: [head] + rest.parts, logFrequencySum: log(Double(headFrequency)) + rest.logFrequencySum))
                }
            }
        }
        return result
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
