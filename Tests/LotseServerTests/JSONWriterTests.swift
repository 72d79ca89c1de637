import Foundation
import NIOCore
import NIOFoundationCompat
import Testing
@testable import LotseServer

/// The hand-written JSON of search answers must read back as the same strings, whatever the text holds.
struct JSONWriterTests {
    private func roundTrip(_ text: String) throws -> String? {
        var writer = JSONWriter()
        writer.raw("[")
        writer.string(text)
        writer.raw("]")
        return (try JSONSerialization.jsonObject(with: Data(buffer: writer.buffer)) as? [String])?.first
    }

    @Test func escapesQuotesBackslashesAndControlCharacters() throws {
        let text = "Größe \"50 GB\" \\ C:\\Pfad\n\r\t\u{0}\u{1F}ß <mark>E-Mail</mark> 🚀"
        var writer = JSONWriter()
        writer.string(text)
        #expect(String(buffer: writer.buffer)
                == #""Größe \"50 GB\" \\ C:\\Pfad\n\r\t\u0000\u001fß <mark>E-Mail</mark> 🚀""#)
        #expect(try roundTrip(text) == text)
    }

    @Test func randomTextReadsBackUnchanged() throws {
        let alphabet = Array("aäöüßAÄÖÜ \"\\/<>&'\n\r\t\u{0}\u{7}\u{1F}\u{7F}€🚀e\u{301}")
        for _ in 0..<500 {
            let text = String((0..<Int.random(in: 0...40)).map { _ in alphabet.randomElement()! })
            #expect(try roundTrip(text) == text, "\(text.debugDescription)")
        }
    }
}

struct TookMillisecondsTests {
    @Test func countsWholeSecondsAsThousandsOfMilliseconds() {
        let took = SearchRoutes.milliseconds(since: ContinuousClock.now - .milliseconds(1_500))
        #expect(took >= 1_500 && took < 60_000)
        let short = SearchRoutes.milliseconds(since: ContinuousClock.now - .microseconds(250))
        #expect(short >= 0.25 && short < 1_000)
    }
}
