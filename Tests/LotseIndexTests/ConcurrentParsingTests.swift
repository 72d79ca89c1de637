import Dispatch
import Foundation
import LotseIndex
import LotseTestSupport
import Synchronization
import Testing

/// The index builder parses articles on every core: cmark-gfm's process-global autolink state must not make
/// one document lose the links of another.
@Suite struct ConcurrentParsingTests {
    @Test func autolinksSurviveParallelParsing() throws {
        // Long documents keep each parser inside cmark_parser_finish long enough for the threads to overlap.
        let paragraph = "Öffnen Sie www.beispiel.de oder schreiben Sie an support@beispiel.de, wenn die Anmeldung scheitert. "
            + "Weitere Hinweise: https://hilfe.beispiel.de/e-mail.\n\n"
        let markdown = ArticleFixtures.markdown(frontMatter: ["title: Webmail"], body: String(repeating: paragraph, count: 200))
        let data = Data(markdown.utf8)
        let failures = Atomic<Int>(0)
        DispatchQueue.concurrentPerform(iterations: 400) { index in
            let html = (try? ArticleParser.parse(data, file: "articles/webmail-\(index).md"))?.html ?? ""
            let linked = html.components(separatedBy: "href=\"http://www.beispiel.de\"").count == 201
                && html.components(separatedBy: "href=\"mailto:support@beispiel.de\"").count == 201
                && html.components(separatedBy: "href=\"https://hilfe.beispiel.de/e-mail\"").count == 201
            if !linked { failures.add(1, ordering: .relaxed) }
        }
        #expect(failures.load(ordering: .relaxed) == 0)
    }
}
