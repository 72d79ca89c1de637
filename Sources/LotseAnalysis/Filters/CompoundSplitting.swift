/// Splits German compounds into parts that are themselves frequent words (Koehn & Knight 2003):
/// "kundennummer" → kunden + nummer, "rechnungsadresse" → rechnung + adresse (linking "s").
/// The whole word is always kept by the analyzer; parts are added beside it.
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
        guard let best = bestSplit(letters[...], depth: 1), best.parts.count > 1 else { return [] }
        let whole = Double(dictionary[word] ?? 0)
        return best.score > whole ? best.parts : []
    }

    private struct Candidate {
        var parts: [String]
        var logFrequencySum: Double
        var score: Double { exp(logFrequencySum / Double(parts.count)) }
    }

    /// The highest scoring segmentation of `letters` into dictionary words (geometric mean of frequencies).
    private func bestSplit(_ letters: ArraySlice<Unicode.Scalar>, depth: Int) -> Candidate? {
        var best: Candidate?
        if depth > 1, let frequency = dictionary[String(String.UnicodeScalarView(letters))] {
            best = Candidate(parts: [String(String.UnicodeScalarView(letters))], logFrequencySum: log(Double(frequency)))
        }
        guard depth < Self.maximumParts || best == nil else { return best }
        let minimum = Self.minimumPartLength
        guard letters.count >= 2 * minimum else { return best }
        let start = letters.startIndex
        for cut in (start + minimum)...(letters.endIndex - minimum) {
            let tail = letters[cut...]
            for linker in Self.linkers {
                let headEnd = cut - linker.unicodeScalars.count
                guard headEnd - start >= minimum else { continue }
                if !linker.isEmpty, String(String.UnicodeScalarView(letters[headEnd..<cut])) != linker { continue }
                let head = String(String.UnicodeScalarView(letters[start..<headEnd]))
                guard let headFrequency = dictionary[head] else { continue }
                guard depth < Self.maximumParts, let rest = bestSplit(tail, depth: depth + 1) else { continue }
                let candidate = Candidate(parts: [head] + rest.parts, logFrequencySum: log(Double(headFrequency)) + rest.logFrequencySum)
                if best == nil || candidate.score > best!.score { best = candidate }
            }
        }
        return best
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
