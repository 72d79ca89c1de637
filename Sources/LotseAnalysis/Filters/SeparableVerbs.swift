/// German separable verbs that a main clause splits ("Die Mails kommen nicht an", "Ich melde mich an und …"): the
/// particle closes the clause, the finite verb stands before it. Customers write them so, articles name the deed as
/// "ankommen" or "Anmeldung". This finds the infinitives the clause's words may form with its particle; the caller
/// keeps those its vocabulary has (most guesses are no word: "anmails").
public enum SeparableVerbs {
    /// Spoken short forms and the particles articles write instead ("lade … runter" → "herunterladen", "hol … raus" →
    /// "herausholen"); the short form itself stays a guess too ("rausfinden").
    static let writtenForms: [String: [String]] = [
        "rauf": ["herauf", "hinauf"], "raus": ["heraus", "hinaus"], "rein": ["herein", "hinein"],
        "ruber": ["heruber", "hinuber"], "runter": ["herunter", "hinunter"],
    ]
    /// Particles of separable verbs (folded), the spoken ones included. "wieder her" ("stellt … wieder her") is read
    /// as one.
    static let particles = Set([
        "ab", "an", "auf", "aus", "bei", "ein", "fest", "fort", "her", "heraus", "herunter", "hin", "hinzu", "hoch", "los",
        "mit", "nach", "um", "vor", "vorbei", "weg", "weiter", "zu", "zuruck", "zusammen",
    ]).union(writtenForms.keys)
    /// Words that begin a new clause right after a particle ("Ich melde mich an und nichts passiert").
    static let clauseOpeners: Set<String> = [
        "aber", "als", "bevor", "dass", "denn", "nachdem", "ob", "obwohl", "oder", "sobald", "sondern", "und", "weil", "wenn",
    ]
    /// How far before its particle a finite verb may stand.
    static let window = 8
    /// Finite endings (present, past, the polite imperative's -en), longest first.
    private static let endings = ["eten", "test", "tet", "ten", "est", "ete", "te", "en", "et", "st", "e", "t"]

    /// For each word that may be the finite verb of a particle closing its clause: the infinitives (folded) the two
    /// may form. `text` holds the bytes the words' offsets point into.
    public static func candidates(in words: [AnalyzedWord], text: UnsafeBufferPointer<UInt8>) -> [(word: Int, infinitives: [String])] {
        var result: [(word: Int, infinitives: [String])] = []
        for index in words.indices where isClauseFinalParticle(index, in: words, text: text) {
            var particle = words[index].folded
            var verbEnd = index
            if particle == "her", index > 0, words[index - 1].folded == "wieder", !endsClause(index - 1, in: words, text: text) {
                particle = "wiederher"
                verbEnd = index - 1
            }
            let forms = [particle] + (writtenForms[particle] ?? [])
            var candidate = verbEnd - 1
            while candidate >= 0, verbEnd - candidate <= window, !endsClause(candidate, in: words, text: text) {
                // A capital inside a clause marks a noun ("Ich nehme das Angebot an"), not the verb; customers who
                // write all in lower case leave that to the caller's vocabulary.
                let startsClause = candidate == 0 || endsClause(candidate - 1, in: words, text: text)
                let word = words[candidate]
                let guesses = !startsClause && isCapitalised(word, in: text) ? [] : forms.flatMap { infinitives(of: word, $0) }
                if !guesses.isEmpty { result.append((candidate, guesses)) }
                if startsClause { break }
                candidate -= 1
            }
        }
        return result
    }

    /// "kommt" + "an" → "ankommen"; "meldet" → "anmelden"; "ladt" (lädt) + "hoch" → "hochladen".
    private static func infinitives(of word: AnalyzedWord, _ particle: String) -> [String] {
        let folded = word.folded
        guard !word.joinedToPrevious, folded.utf8.count >= 3, folded.utf8.allSatisfy({ $0 >= 0x61 && $0 <= 0x7A }) else { return [] }
        var result: [String] = []
        for ending in endings where folded.hasSuffix(ending) {
            let base = folded.dropLast(ending.count)
            guard base.count >= 2 else { continue }
            let infinitive = particle + base + (base.hasSuffix("el") || base.hasSuffix("er") ? "n" : "en")
            if !result.contains(infinitive) { result.append(infinitive) }
        }
        return result
    }

    private static func isClauseFinalParticle(_ index: Int, in words: [AnalyzedWord], text: UnsafeBufferPointer<UInt8>) -> Bool {
        guard index > 0, particles.contains(words[index].folded), !words[index].joinedToPrevious else { return false }
        return endsClause(index, in: words, text: text) || clauseOpeners.contains(words[index + 1].folded)
    }

    /// Whether a clause ends after word `index`: the text ends, or punctuation or a line break follows.
    private static func endsClause(_ index: Int, in words: [AnalyzedWord], text: UnsafeBufferPointer<UInt8>) -> Bool {
        let end = index + 1 < words.count ? words[index + 1].start : text.count
        for offset in words[index].end..<end {
            switch text[offset] {
            case UInt8(ascii: "."), UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: ":"), UInt8(ascii: "!"), UInt8(ascii: "?"),
                 UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "\n"):
                return true
            default: continue
            }
        }
        return index + 1 == words.count
    }

    /// Whether the word's first letter is a capital (ASCII, Ä, Ö, Ü).
    private static func isCapitalised(_ word: AnalyzedWord, in text: UnsafeBufferPointer<UInt8>) -> Bool {
        let first = text[word.start]
        let second = word.start + 1 < text.count ? text[word.start + 1] : 0
        return (first >= 0x41 && first <= 0x5A) || (first == 0xC3 && (second == 0x84 || second == 0x96 || second == 0x9C))
    }
}
