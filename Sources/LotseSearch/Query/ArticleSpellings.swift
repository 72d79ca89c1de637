import GRDB
import LotseAnalysis

/// The articles' spelling of folded words that the folding changed ("kundigung" → "kündigung", from the index's
/// `spellings`), so the encoder reads a customer's words as the articles write them: the lexical ranking folds
/// "Kundigung", "Kuendigung" and "Kündigung" alike, the encoder's pieces for them differ (issue 17).
struct ArticleSpellings: Sendable {
    private let spellings: [String: String]

    init(_ spellings: [String: String]) { self.spellings = spellings }

    /// An index built before the table (analyzer version 7) has none: the encoder reads the words as typed.
    static func load(_ db: Database) throws -> ArticleSpellings {
        guard try db.tableExists("spellings") else { return ArticleSpellings([:]) }
        var spellings: [String: String] = [:]
        let rows = try Row.fetchCursor(db, sql: "SELECT word, spelling FROM spellings")
        while let row = try rows.next() { spellings[row[0]] = row[1] }
        return ArticleSpellings(spellings)
    }

    /// `text` as the encoder should read it: each word typed without its umlauts or ß (or as ae/oe/ue, ss) in the
    /// articles' spelling, in the customer's capitalisation. Words the index does not know, words typed with umlauts,
    /// accents or ß, and words already spelled as the articles do stay as typed. (Typo corrections are not read:
    /// without a dictionary a real word the articles lack looks like a typo, "Sachen" → "machen", and on the tuning
    /// parts reading the planner's corrections lost a first place; BENCHMARKS.md "Tried and not kept".)
    func normalized(_ text: String, analyzer: Analyzer) -> String {
        var out = "", copied = 0
        for word in analyzer.words(in: text) {
            guard let spelled = spelling(of: text.utf8Slice(word.start, word.end), folded: word.folded) else { continue }
            out += text.utf8Slice(copied, word.start) + spelled
            copied = word.end
        }
        return copied == 0 ? text : out + text.utf8Slice(copied, text.utf8.count)
    }

    /// The articles' spelling of `raw` (folded: `folded`) when it was typed without umlauts and differs, else nil.
    func spelling(of raw: String, folded: String) -> String? {
        // A word typed with umlauts, accents or ß was meant as typed, even where the articles spell it otherwise.
        guard folded.unicodeScalars.count >= 2, raw.unicodeScalars.allSatisfy(\.isASCII), let spelled = spellings[folded],
              spelled != raw.lowercased() else { return nil }
        return Self.cased(spelled, like: raw)
    }

    /// `spelling` (lower case) capitalised as `raw`: all capitals, a capital first letter, or lower case.
    static func cased(_ spelling: String, like raw: String) -> String {
        let letters = raw.filter(\.isLetter)
        if letters.count > 1, letters.allSatisfy(\.isUppercase) { return spelling.uppercased() }
        if raw.first?.isUppercase == true { return spelling.prefix(1).uppercased() + spelling.dropFirst() }
        return spelling
    }
}
