@testable import LotseIndex
import LotseAnalysis
import Testing

/// The vocabulary pass (raw words looked up by their bytes, on all cores) against the plain analyzer: the same words
/// per column, the same document and collection frequencies, German counts and spellings, on random rows.
@Suite struct VocabularyCountingTests {
    static let words = [
        "Größe", "größe", "GRÖSSE", "Gro\u{308}ße", "Grosse", "Kündigung", "kuendigung", "Kuendigung", "E-Mail-Adresse", "E-Mail",
        "imap.lindenhost.de", "support@lindenhost.de", "3.5", "1.000", "l'adresse", "l’adresse", "Schön", "schon", "Straße",
        "Kundennummer", "kunden", "nummer", "Passwort", "ändern", "Ändern", "café", "CAFÉ", "x", "42", "–", "…", "Ärger",
        "Donaudampfschifffahrtsgesellschaftskapitänsmützenabzeichenherstellungsbetriebsangehörige",
    ]

    static func randomRows(_ count: Int) -> [IndexedRow] {
        var generator = SystemRandomNumberGenerator()
        func text() -> String {
            (0..<Int.random(in: 0...30, using: &generator)).map { _ in words.randomElement(using: &generator)! }
                .joined(separator: [" ", ", ", ". ", "\n", "-"].randomElement(using: &generator)!)
        }
        return (0..<count).map { index in
            IndexedRow(rowid: Int64(index + 1), id: "a\(index)", language: [.de, .de, .en, .fr].randomElement(using: &generator)!,
                       columns: [text(), text(), text(), text()])
        }
    }

    @Test func countsMatchTheAnalyzersWords() {
        let rows = Self.randomRows(300)
        let (vocabulary, rowWords) = Vocabulary.counting(rows)

        let analyzer = Analyzer()
        var terms: [String: (documents: Int, occurrences: Int)] = [:]
        var german: [String: Int] = [:]
        var spelled: [String: [String: Int]] = [:]
        for (index, row) in rows.enumerated() {
            analyzer.language = row.language
            var seen: Set<String> = []
            let stored = rowWords.row(index)
            for (column, text) in row.columns.enumerated() {
                let words = analyzer.words(in: text)
                #expect(stored.columns[column].map { $0.analyzed(in: rowWords.tables[stored.table]) } == words, "\(text.debugDescription)")
                for word in words {
                    terms[word.folded, default: (0, 0)].occurrences += 1
                    if seen.insert(word.folded).inserted { terms[word.folded]!.documents += 1 }
                    if row.language == .de { german[word.folded, default: 0] += 1 }
                    let raw = String(decoding: Array(text.utf8)[word.start..<word.end], as: UTF8.self).lowercased()
                    spelled[word.folded, default: [:]][raw, default: 0] += 1
                }
            }
        }
        #expect(vocabulary.terms.count == terms.count)
        for (term, counts) in vocabulary.terms {
            #expect(terms[term]?.documents == counts.documents && terms[term]?.occurrences == counts.occurrences, "\(term)")
        }
        #expect(vocabulary.germanCounts == german)
        var spellings: [String: String] = [:]
        for (folded, counts) in spelled where counts.keys.contains(where: { $0 != folded }) {
            let best = counts.max { ($0.value, $1.key) < ($1.value, $0.key) }!.key
            if best != folded { spellings[folded] = best }
        }
        #expect(vocabulary.spellings == spellings)
        #expect(vocabulary.spellings["grosse"] != nil && vocabulary.terms["kundigung"] != nil)
    }

    @Test func numberedVariantsAreTheAnalyzersVariants() {
        let rows = Self.randomRows(200)
        let (vocabulary, rowWords) = Vocabulary.counting(rows)
        let analyzer = Analyzer(resources: AnalyzerResources(compoundDictionary: vocabulary.compoundDictionary))
        let reference = Analyzer(resources: analyzer.resources)
        var variants = NumberedVariants(rowWords)
        var compared = 0
        for (index, row) in rows.enumerated() {
            analyzer.language = row.language
            reference.language = row.language
            variants.select(row.language)
            let stored = rowWords.row(index)
            for word in stored.columns.joined() {
                let folded = rowWords.tables[stored.table][word.id]
                #expect(variants.variants(of: word, table: stored.table, analyzer: analyzer) == reference.variants(of: folded), "\(folded)")
                compared += 1
            }
        }
        reference.language = .de
        #expect(compared > 1000 && reference.variants(of: "kundennummer").contains("nummer"))
    }
}
