import GRDB
import LotseAnalysis
import Testing
@testable import LotseSearch

/// The in-memory ranking path: postings read from FTS5's index, phrases and co-occurring parts combined from
/// them, and each occurrence counted once per concept.
@Suite struct RankingTests {
    private func load(_ terms: [String], engine: SearchEngine) async throws -> [Postings] {
        let table = engine.documents
        return try await engine.connection.read { db in try terms.map { try Postings.load(term: $0, db, table: table) } }
    }

    /// Every document's positions, as read.
    static func positions(of postings: Postings) -> [[UInt32]] {
        postings.documents.indices.map { Array(postings.positions(at: $0)) }
    }

    /// Document number and body text of an article of the fixture.
    private func article(_ id: String, engine: SearchEngine) async throws -> (document: Int32, body: String) {
        // A synchronous read: `Row` is not `Sendable`, so GRDB's async `read` does not apply.
        let row = try #require(try engine.connection.read { db in
            try Row.fetchOne(db, sql: "SELECT rowid, body FROM articles WHERE id = ?", arguments: [id])
        })
        return (try #require(engine.documents.number(ofRowid: row[0])), row[1])
    }

    /// Body positions of the words whose folded form is `folded`, counted as the index counts tokens.
    private func bodyPositions(of folded: String, in body: String) -> [UInt32] {
        let analyzer = Analyzer()
        var words: [String] = []
        var text = body
        text.withUTF8 { bytes in
            analyzer.forEachWordRange(in: bytes) { start, end in words.append(String(decoding: bytes[start..<end], as: UTF8.self)) }
        }
        return words.indices.filter { analyzer.fold(words[$0]) == folded }.map {
            DocumentTable.bodyColumn << Postings.columnShift | UInt32($0)
        }
    }

    @Test func termPostingsHoldTheIndexedPositions() async throws {
        let engine = try SearchFixture.shared().engine
        let (document, body) = try await article("passwort-zuruecksetzen", engine: engine)
        let passwort = try #require(try await load(["passwort"], engine: engine).first)
        let index = try #require(passwort.index(of: document))
        let positions = Array(passwort.positions(at: index))
        #expect(positions.contains(0))  // title "Passwort zurücksetzen", first token
        let inBody = positions.filter { $0 >> Postings.columnShift == DocumentTable.bodyColumn }
        #expect(!inBody.isEmpty)
        #expect(inBody == bodyPositions(of: "passwort", in: body))
        #expect(passwort.documents == passwort.documents.sorted())
    }

    /// What the caches hold has no spare capacity, so their budgets count what is allocated: postings read,
    /// combined, and merged into a concept's frequencies.
    @Test func cachedValuesHoldNoSpareCapacity() async throws {
        let engine = try SearchFixture.shared().engine
        let german = Analyzer()
        let terms = try await load(["passwort", german.stem("vergessen"), "kennwort", german.stem("zeichen")], engine: engine)
        let combined = [Postings.phrase([terms[0], terms[1]]), Postings.allOf([terms[2], terms[3]])]
        // Spare room only as much as malloc may add to a request (glibc hands out a free chunk up to 32 bytes larger
        // rather than split it, so comparing with a fresh copy's capacity failed now and then).
        func isTight<Element>(_ array: [Element]) -> Bool { (array.capacity - array.count) * MemoryLayout<Element>.stride < 64 }
        for postings in terms + combined {
            #expect(!postings.isEmpty)
            #expect(isTight(postings.documents) && isTight(postings.starts) && isTight(postings.narrow) && isTight(postings.wide))
            // The help center's articles are short: every position fits 16 bits.
            #expect(postings.isNarrow && postings.wide.isEmpty)
            #expect(postings.byteCount == postings.documents.count * 8 + postings.positionCount * 2 + 128)
        }
        let merged = ConceptFrequencies(terms.map { .init(postings: $0, weight: 1) }, table: engine.documents)
        #expect(isTight(merged.documents) && isTight(merged.frequencies))
        // The check itself: an array grown by appending is not tight.
        var grown: [Int32] = []
        grown.reserveCapacity(2_000)  // as appending leaves it after a doubling, without depending on malloc's sizes
        grown.append(contentsOf: 0..<1_000)
        #expect(!isTight(grown) && isTight(grown.trimmed()))
    }

    @Test func phrasesNeedAdjacentTermsAndPartsNeedEachOther() async throws {
        let engine = try SearchFixture.shared().engine
        let (document, body) = try await article("passwort-zuruecksetzen", engine: engine)
        let german = Analyzer()
        let terms = try await load(["passwort", german.stem("vergessen"), "kennwort", german.stem("zeichen")], engine: engine)
        // "Passwort vergessen?" in the body: the phrase starts where "Passwort" stands.
        let phrase = Postings.phrase([terms[0], terms[1]])
        #expect(phrase.documents == [document])
        let start = try #require(bodyPositions(of: "passwort", in: body).first)
        #expect(Array(phrase.positions(at: 0)) == [start])
        #expect(Postings.phrase([terms[1], terms[0]]).isEmpty)
        // Both parts in one article: every position of either counts there, and only there.
        let both = Postings.allOf([terms[2], terms[3]])
        #expect(both.documents == terms[2].documents.filter(terms[3].documents.contains))
        let index = try #require(both.index(of: document))
        let expected = (Array(terms[2].positions(at: try #require(terms[2].index(of: document))))
            + terms[3].positions(at: try #require(terms[3].index(of: document)))).sorted()
        #expect(Array(both.positions(at: index)) == expected)
    }

    @Test func anOccurrenceCountsOnceAtItsBestWeight() async throws {
        let engine = try SearchFixture.shared().engine
        let passwort = try #require(try await load(["passwort"], engine: engine).first)
        func scores(_ weights: [Double]) -> [Double] {
            let concept = ConceptFrequencies(weights.map { .init(postings: passwort, weight: $0) }, table: engine.documents)
            return Ranker(concepts: [concept], weights: [1], documentCount: engine.documents.count)
                .top(limit: 10, minimumScore: 0, coverageExponent: 1, requireAll: false) { _ in true }.map(\.score)
        }
        #expect(!scores([1]).isEmpty)
        #expect(scores([1, 0.5]) == scores([1]))
        #expect(scores([0.5, 1]) == scores([1]))
        #expect(zip(scores([0.5]), scores([1])).allSatisfy { $0 < $1 })
    }

    /// Alternatives that share some documents and positions (a word, a phrase starting on it, the same word at
    /// two weights) and alternatives in other documents: each document's frequency is Σ over its distinct
    /// positions of the best weight there × the column factor.
    @Test func alternativesMergeLikeAPositionByPositionReference() async throws {
        let engine = try SearchFixture.shared().engine
        let german = Analyzer()
        let terms = try await load(["passwort", german.stem("vergessen"), "kundencenter", "kennwort", german.stem("rechnung"),
                                    german.stem("adresse")], engine: engine)
        let matchers: [ConceptFrequencies.Matcher] = [
            .init(postings: terms[0], weight: 0.9),
            .init(postings: Postings.phrase([terms[0], terms[1]]), weight: 1),
            .init(postings: terms[2], weight: 1), .init(postings: terms[3], weight: 0.8), .init(postings: terms[4], weight: 0.5),
            .init(postings: terms[5], weight: 0.7), .init(postings: terms[3], weight: 0.7),
        ]
        var best: [Int32: [UInt32: Double]] = [:]
        var shared = 0
        for matcher in matchers {
            for (index, document) in matcher.postings.documents.enumerated() {
                for position in matcher.postings.positions(at: index) {
                    if let earlier = best[document]?[position] { shared += 1; best[document]![position] = max(earlier, matcher.weight) }
                    else { best[document, default: [:]][position] = matcher.weight }
                }
            }
        }
        #expect(best.count >= 3)
        #expect(shared >= 2)
        let merged = ConceptFrequencies(matchers, table: engine.documents)
        #expect(merged.documents == best.keys.sorted())
        for (document, frequency) in zip(merged.documents, merged.frequencies) {
            let base = Int(document) * DocumentTable.columnCount
            let expected = best[document]!.reduce(0.0) { sum, entry in
                sum + entry.value * engine.documents.columnFactors[base + Int(entry.key >> Postings.columnShift)]
            }
            // Kept as Float: within its precision of the sum.
            #expect(abs(Double(frequency) - expected) < 1e-6 * max(1, expected))
        }
    }

    @Test func requireAllKeepsOnlyDocumentsMatchingEveryConcept() async throws {
        let engine = try SearchFixture.shared().engine
        let terms = try await load(["passwort", Analyzer().stem("kundencenter")], engine: engine)
        let ranker = Ranker(concepts: terms.map { ConceptFrequencies([.init(postings: $0, weight: 1)], table: engine.documents) },
                            weights: [1, 1], documentCount: engine.documents.count)
        let any = ranker.top(limit: 50, minimumScore: 0, coverageExponent: 1.5, requireAll: false) { _ in true }
        let all = ranker.top(limit: 50, minimumScore: 0, coverageExponent: 1.5, requireAll: true) { _ in true }
        #expect(Set(any.map(\.document)) == Set(terms[0].documents + terms[1].documents))
        #expect(!all.isEmpty)
        #expect(Set(all.map(\.document)) == Set(terms[0].documents).intersection(terms[1].documents))
    }

    /// A word no article contains lowers coverage, but the AND still holds over the words that occur.
    @Test func requireAllIgnoresConceptsThatOccurNowhere() async throws {
        let engine = try SearchFixture.shared().engine
        let terms = try await load(["passwort", Analyzer().stem("kundencenter"), "xyzquatsch"], engine: engine)
        #expect(terms[2].isEmpty)
        let concepts = terms.map { ConceptFrequencies([.init(postings: $0, weight: 1)], table: engine.documents) }
        let withUnknown = Ranker(concepts: concepts, weights: [1, 1, 1], documentCount: engine.documents.count)
        let without = Ranker(concepts: Array(concepts.prefix(2)), weights: [1, 1], documentCount: engine.documents.count)
        let all = withUnknown.top(limit: 50, minimumScore: 0, coverageExponent: 1.5, requireAll: true) { _ in true }
        #expect(!all.isEmpty)
        #expect(Set(all.map(\.document)) == Set(terms[0].documents).intersection(terms[1].documents))
        let reference = without.top(limit: 50, minimumScore: 0, coverageExponent: 1.5, requireAll: true) { _ in true }
        #expect(all.map(\.document) == reference.map(\.document))
        #expect(zip(all, reference).allSatisfy { $0.score < $1.score })
    }

    /// An optional concept (a symptom word: "klappt") counts in the score but is not required by the AND.
    @Test func requireAllLeavesOptionalConceptsOut() async throws {
        let engine = try SearchFixture.shared().engine
        let terms = try await load([Analyzer().stem("kundencenter"), "passwort"], engine: engine)
        let concepts = terms.map { ConceptFrequencies([.init(postings: $0, weight: 1)], table: engine.documents) }
        try #require(Set(terms[0].documents) != Set(terms[0].documents).intersection(terms[1].documents))
        let ranker = Ranker(concepts: concepts, weights: [1, 1], optional: [false, true], documentCount: engine.documents.count)
        let all = ranker.top(limit: 50, minimumScore: 0, coverageExponent: 1.5, requireAll: true) { _ in true }
        #expect(Set(all.map(\.document)) == Set(terms[0].documents), "every article with the required word")
        let both = Set(terms[0].documents).intersection(terms[1].documents)
        let ranks = all.enumerated().filter { both.contains($0.element.document) }.map(\.offset)
        #expect(ranks.max()! < all.count - (terms[0].documents.count - both.count), "those with the optional word too first")
    }

    /// A cancelled request (past its deadline, or its client gone) stops instead of ranking and building
    /// snippets nobody will read; the same query afterwards is answered normally (nothing half-cached).
    @Test func cancelledSearchesStop() async throws {
        // Without a result cache, and with every read already cached: only the engine's own checks can stop it.
        let engine = try SearchEngine(indexPath: SearchFixture.shared().engine.indexPath, cachesResults: false)
        for text in ["Kündigungsfrist Vertrag beenden", "Spamfilter einstellen Werbung"] {
            #expect(try await !engine.search(text).isEmpty)
            let cancelled = Task {
                withUnsafeCurrentTask { $0?.cancel() }
                return try await engine.search(text)
            }
            await #expect(throws: CancellationError.self) { try await cancelled.value }
            #expect(try await !engine.search(text).isEmpty)
        }
    }

    /// Cached answers are keyed by the text and every option: a repeated query with other options is answered anew.
    @Test func repeatedQueriesAnswerTheSameAndOptionsStillApply() async throws {
        let engine = try SearchFixture.shared().engine
        let first = try await engine.search("Rechnung ändern")
        #expect(!first.isEmpty)
        #expect(try await engine.search("Rechnung ändern") == first)
        #expect(try await engine.search("Rechnung ändern", options: SearchOptions(limit: 1)) == Array(first.prefix(1)))
        #expect(try await engine.search("Rechnung ändern", options: SearchOptions(category: "Gibt es nicht")).isEmpty)
        #expect(try await engine.search("Rechnung ändern", options: SearchOptions(minimumScore: 2)).isEmpty)
    }

    /// Terms read together in one transaction, while other requests read overlapping terms, get exactly the
    /// postings a read of each term alone gets (a term the index lacks: empty), and nothing stays marked as loading.
    /// A list is held in 16 bits only when every position fits (column < 8, offset < 8,192); either way it reads the
    /// positions it was given, and a document's gain is the same.
    @Test func narrowAndWidePositionsReadAlike() async throws {
        let engine = try SearchFixture.shared().engine
        var generator = SystemRandomNumberGenerator()
        for far in [false, true] {
            var built = Postings()
            var given: [[UInt32]] = []
            for document in 0..<Int32(min(40, engine.documents.count)) {
                let count = Int.random(in: 1...12, using: &generator)
                var positions = Set<UInt32>()
                while positions.count < count {
                    let column = UInt32.random(in: 0..<UInt32(DocumentTable.columnCount), using: &generator)
                    positions.insert(column << Postings.columnShift | UInt32.random(in: 0..<8_192, using: &generator))
                }
                if far, document == 0 { positions.insert(DocumentTable.bodyColumn << Postings.columnShift | 8_192) }
                given.append(positions.sorted())
                built.append(document, sorted: given.last!)
            }
            let cached = built.trimmed()
            #expect(cached.isNarrow == !far)
            #expect(Self.positions(of: cached) == given && Self.positions(of: built) == given)
            let table = engine.documents
            #expect(cached.documents.indices.allSatisfy { cached.gain(at: $0, table: table) == built.gain(at: $0, table: table) })
            #expect(cached.byteCount == cached.documents.count * 8 + given.joined().count * (far ? 4 : 2) + 128)
        }
    }

    @Test func batchedLoadsMatchSingleTermReads() async throws {
        let warm = try SearchFixture.shared().engine
        let german = Analyzer()
        let terms = ["passwort", german.stem("vergessen"), "kundencenter", "kennwort", german.stem("rechnung"), "gibtesnichtxyz"]
        let reference = try await load(terms, engine: warm)
        #expect(reference.filter { !$0.isEmpty }.count == terms.count - 1)
        let cold = try SearchEngine(indexPath: warm.indexPath)
        let batches = [Array(terms.prefix(4)), Array(terms.suffix(4)), terms, [terms[0], terms[0]]]
        let loaded = try await withThrowingTaskGroup(of: (Int, [String: Postings]).self) { group in
            for (index, batch) in batches.enumerated() { group.addTask { (index, try await cold.load(batch)) } }
            return try await group.reduce(into: [Int: [String: Postings]]()) { $0[$1.0] = $1.1 }
        }
        for (index, batch) in batches.enumerated() {
            for term in batch {
                let expected = reference[try #require(terms.firstIndex(of: term))]
                let got = loaded[index]?[term]
                #expect(got.map(Self.positions) == Self.positions(of: expected), "\(term) in batch \(index)")
            }
        }
        #expect(cold.loading.withLock { $0.isEmpty })
    }

    /// A cold engine hit by many queries at once reads each term once and answers each query as a warm one does.
    @Test func concurrentColdQueriesAgreeWithAWarmEngine() async throws {
        let warm = try SearchFixture.shared().engine
        let cold = try SearchEngine(indexPath: warm.indexPath)
        let queries = ["Passwort vergessen", "Rechnungsadresse ändern", "Kundennummer", "Kündigungsfrist Vertrag"]
        let answers = try await withThrowingTaskGroup(of: (Int, [SearchResult]).self) { group in
            for index in 0..<32 {
                group.addTask { (index, try await cold.search(queries[index % queries.count])) }
            }
            return try await group.reduce(into: [Int: [SearchResult]]()) { $0[$1.0] = $1.1 }
        }
        #expect(answers.count == 32)
        for (index, results) in answers {
            #expect(results == (try await warm.search(queries[index % queries.count])))
        }
        #expect(answers.values.contains { !$0.isEmpty })
        #expect(cold.loading.withLock { $0.isEmpty })
    }
}
