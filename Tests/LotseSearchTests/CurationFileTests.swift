import Foundation
import LotseTestSupport
import Testing
@testable import LotseSearch

/// Curation files with mistakes and hostile content: refused with their file and line, in bounded time and memory.
@Suite struct CurationFileTests {
    private let directory: TemporaryDirectory

    init() throws { directory = try TemporaryDirectory(prefix: "lotse-curation-files") }

    private func write(_ name: String, _ data: Data) throws -> String {
        let path = directory.path(name)
        try data.write(to: URL(fileURLWithPath: path))
        return path
    }

    private func pinsError(_ text: String) throws -> CurationFileError? {
        let path = try write("pins.json", Data(text.utf8))
        do {
            _ = try Curation.load(synonyms: nil, pins: path)
            return nil
        } catch {
            return error
        }
    }

    private func synonymsError(_ data: Data) throws -> CurationFileError? {
        let path = try write("synonyms.txt", data)
        do {
            _ = try Curation.load(synonyms: path, pins: nil)
            return nil
        } catch {
            return error
        }
    }

    private static let good = #"{"query": "Passwort vergessen", "articleId": "passwort-zuruecksetzen", "position": 1}"#

    @Test(arguments: [
        ("[\n  \(good),\n  {\"query\": \"Rechnung\" \"articleId\": \"x\", \"position\": 1}\n]", 3, "not valid JSON"),
        ("[\n  \(good),\n\n  {\"query\": \"Rechnung\", \"articleId\": \"x\"}\n]", 4, "missing \"position\""),
        ("[\n  \(good),\n  {\"query\": \"Rechnung\", \"articleID\": \"x\", \"position\": 1}\n]", 3, "unknown key \"articleID\""),
        ("[\n  \(good),\n  {\"query\": \"Rechnung\", \"articleId\": \"x\", \"position\": 0}\n]", 3, "position must be 1 to 50 (got 0)"),
        ("[\n  \(good),\n  {\"query\": \"Rechnung\", \"articleId\": \"x\", \"position\": \"1\"}\n]", 3, "position must be a whole number"),
        ("[\n  \(good),\n  {\"query\": null, \"articleId\": \"x\", \"position\": 1}\n]", 3, "query must be text, not null"),
        ("[\n  \(good),\n  \"Rechnung\"\n]", 3, "each pin must be an object"),
        ("[\n  \(good),\n  {\"query\": \"und oder\", \"articleId\": \"x\", \"position\": 1}\n]", 3, "has no words to match"),
        ("[\n  \(good),\n  {\"query\": \"Q1\", \"articleId\": \"x\", \"position\": 1}\n]", 3, "under 3 letters"),
        ("[\n  \(good),\n  {\"query\": \"PASSWORT  vergessen!\", \"articleId\": \"passwort-zuruecksetzen\", \"position\": 2}\n]", 3,
         "already pinned for this query on line 2"),
        ("[\n  \(good),\n  {\"query\": \"\(String(repeating: "Passwort ", count: 20_000))\", \"articleId\": \"x\", \"position\": 1}]", 3,
         "query longer than 200 characters"),
        ("[\n  \(good),\n", 3, "not valid JSON"),
        ("{\"query\": \"Rechnung\"}", 0, "must be a JSON list"),
    ])
    func aMistakeInThePinsFileNamesItsLine(text: String, line: Int, reason: String) throws {
        let error = try #require(try pinsError(text))
        #expect(error.file.hasSuffix("pins.json"))
        #expect(error.line == line, "\(error)")
        #expect(error.reason.contains(reason), "\(error)")
    }

    @Test func aValidPinsFileLoadsEveryPin() throws {
        let text = "[\n  \(Self.good),\n  {\"query\": \"Rechnung\", \"articleId\": \"x\", \"position\": 3}\n]"
        let path = try write("pins.json", Data(text.utf8))
        let pins = try Curation.load(synonyms: nil, pins: path).pins
        #expect(pins.map(\.articleId) == ["passwort-zuruecksetzen", "x"])
        #expect(pins.map(\.position) == [1, 3])
        #expect(pins.map(\.line) == [2, 3])
    }

    @Test(arguments: [
        ("geheimwort, passwort\nnur ein ausdruck\n", 2, "at least two expressions"),
        ("# comment\n\ngeheimwort, !!!, passwort\n", 3, "without letters or digits"),
        ("a, b\n" + String(repeating: "wort, ", count: 300) + "ende\n", 2, "longer than 1000 bytes"),
        ((1...21).map { "wort\($0)" }.joined(separator: ", "), 1, "more than 20 expressions"),
        ((0..<60).map { "zentral, ausdruck\($0)" }.joined(separator: "\n"), 51, "more than 50 synonyms"),
    ])
    func aMistakeInTheSynonymFileNamesItsLine(text: String, line: Int, reason: String) throws {
        let error = try #require(try synonymsError(Data(text.utf8)))
        #expect(error.line == line, "\(error)")
        #expect(error.reason.contains(reason), "\(error)")
    }

    @Test func synonymsSpellTheirWordsLikeQueries() throws {
        let path = try write("synonyms.txt", Data("Geheimwort,  PASSWÖRTER\r\nzugang verloren, passwort vergessen,\n".utf8))
        let curation = try Curation.load(synonyms: path, pins: nil)
        #expect(curation.synonymGroups == 2)
        #expect(curation.synonyms.alternatives(forStem: "geheimwort") == [["passwort"]])
        #expect(curation.synonyms.phrase(at: 0, in: ["zugang", "verlor"])?.alternatives == [["passwort", "vergess"]])
    }

    @Test func nulBytesAndBrokenUTF8AreRefusedWithTheirLine() throws {
        var nul = Data("geheimwort, passwort\nkonto".utf8)
        nul.append(contentsOf: [0, 0, 0])
        let nulError = try #require(try synonymsError(nul))
        #expect(nulError.line == 2 && nulError.reason.contains("control character"), "\(nulError)")
        let pinsNul = try #require(try pinsError("[\n\n\u{0}]"))
        #expect(pinsNul.line == 3, "\(pinsNul)")
        var broken = Data("geheimwort, passwort\nzweite, zeile\n".utf8)
        broken.append(contentsOf: [0xC3, 0x28, 0x0A])
        let brokenError = try #require(try synonymsError(broken))
        #expect(brokenError.line == 3 && brokenError.reason.contains("UTF-8"), "\(brokenError)")
    }

    /// A huge file is refused after reading at most its limit (not all of it).
    @Test func aHugeFileIsRefusedWithoutBeingRead() throws {
        let path = directory.path("huge.txt")
        try #require(FileManager.default.createFile(atPath: path, contents: nil))
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        try handle.truncate(atOffset: 1 << 30)  // a sparse 1 GiB file
        try handle.close()
        #expect(throws: CurationFileError.self) { try Curation.load(synonyms: path, pins: nil) }
        do {
            _ = try Curation.load(synonyms: nil, pins: path)
        } catch {
            #expect(error.reason.contains("larger than 2 MiB"))
        }
    }

    /// A pipe would block the reader until someone writes to it; a folder is no list either.
    @Test func aPipeOrFolderIsRefusedWithoutWaiting() throws {
        let pipe = directory.path("synonyme.fifo")
        try #require(mkfifo(pipe, 0o600) == 0)
        for path in [pipe, directory.path("")] {
            do {
                _ = try Curation.load(synonyms: path, pins: nil)
                Issue.record("\(path) was read")
            } catch {
                #expect(error.reason.contains("not a regular file"), "\(error)")
            }
        }
    }

    @Test func tooManyPinsAreRefusedAtTheFirstOneTooMany() throws {
        let entries = (0...PinFile.maximumPins).map { #"{"query": "frage \#($0)", "articleId": "a", "position": 1}"# }
        let error = try #require(try pinsError("[\n" + entries.joined(separator: ",\n") + "\n]"))
        #expect(error.line == PinFile.maximumPins + 2)
        #expect(error.reason.contains("more than 10000 pins"))
    }

    @Test func aMissingFileIsNamed() throws {
        let missing = directory.path("nowhere.json")
        do {
            _ = try Curation.load(synonyms: nil, pins: missing)
            Issue.record("a missing file was loaded")
        } catch {
            #expect(error.file == missing && error.reason.hasPrefix("cannot be read"), "\(error)")
        }
    }
}
