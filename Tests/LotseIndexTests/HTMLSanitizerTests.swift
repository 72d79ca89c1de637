import Foundation
@testable import LotseIndex
import LotseTestSupport
import Testing

/// Issue 15, item 4: article HTML through an allowlist, checked by parsing it again. Every payload of
/// `Tests/system/fixtures/mutation-xss.txt` must come out as allowlisted elements and attributes only, and round-trip.
@Suite("HTML sanitiser")
struct HTMLSanitizerTests {
    static let payloads: [String] = {
        let path = ArticleWorkspace.repositoryRoot + "/Tests/system/fixtures/mutation-xss.txt"
        let text = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
        return text.split(separator: "\n").map(String.init).filter { !$0.isEmpty && !$0.hasPrefix("#") }
    }()

    @Test("the fixture file holds the corpus") func corpusIsThere() {
        #expect(Self.payloads.count >= 40)
        #expect(Self.payloads.first?.hasPrefix("<noembed><b title=") == true)
    }

    @Test("a payload inside an HTML article is neutralised", arguments: payloads)
    func htmlArticle(_ payload: String) throws {
        let page = ArticleFixtures.html(body: "<article><h1>Titel</h1><p>Einleitung.</p>\(payload)<p>Schluss.</p></article>")
        let article = try #require(parseArticle(page, file: "articles/xss.html"))
        Self.expectSafe(article.html, payload)
    }

    @Test("a payload as a fragment (the Markdown output's path) is neutralised", arguments: payloads)
    func fragment(_ payload: String) {
        Self.expectSafe(HTMLSanitizer.sanitize(fragment: payload), payload)
    }

    @Test("the issue's payload: no img, no div with an id, no input")
    func issuePayload() throws {
        let html = HTMLSanitizer.sanitize(fragment: Self.payloads[0])
        #expect(!html.contains("<img") && !html.contains("<input") && !html.contains("<div"))
    }

    @Test("escaping: text with nothing to escape comes back as it is; otherwise every scalar as the reference escapes it")
    func escapeMatchesTheReference() {
        func reference(_ text: String, quotes: Bool) -> String {
            let escaped = text.replacingOccurrences(of: "\u{0}", with: "").replacingOccurrences(of: "&", with: "&amp;")
                .replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
            return quotes ? escaped.replacingOccurrences(of: "\"", with: "&quot;") : escaped
        }
        let alphabet: [Character] = ["a", "ß", "Ü", "€", "😀", " ", "&", "<", ">", "\"", "'", "\u{0}", "\n", "é"]
        var generator = SystemRandomNumberGenerator()
        var texts = ["", "Passwort zurücksetzen", "E-Mail-Adresse \"ändern\"", "a<b", "x\u{0}y", "Tom & Jerry"]
        for _ in 0..<500 {
            texts.append(String((0..<Int.random(in: 0...12, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! }))
        }
        for text in texts {
            for quotes in [false, true] {
                #expect(HTMLSanitizer.escape(text, quotes: quotes) == reference(text, quotes: quotes),
                        "\(text.debugDescription) quotes \(quotes)")
            }
        }
    }

    @Test("ordinary article HTML keeps its structure")
    func ordinaryMarkupSurvives() {
        let html = HTMLSanitizer.sanitize(fragment: """
            <h2 id="x">Schritte</h2><ol start="2"><li>Öffnen Sie <a href="/hilfe/konto" onclick="x()">Konto</a></li></ol>\
            <pre><code class="language-bash">\nls -l</code></pre><table><tr><th align="left">A</th></tr></table>\
            <p><img src="bild.png" alt="Größe &amp; Form" width="20"></p>
            """)
        #expect(html == """
            <h2>Schritte</h2><ol start="2"><li>Öffnen Sie <a href="/hilfe/konto">Konto</a></li></ol>\
            <pre><code class="language-bash">\nls -l</code></pre><table><tr><th align="left">A</th></tr></table>\
            <p><img src="bild.png" alt="Größe &amp; Form" width="20"></p>
            """)
    }

    @Test("Markdown articles go through the allowlist too")
    func markdown() throws {
        let article = try #require(parseArticle("# Titel\n\nText mit [Link](javascript:alert(1)) und <img src=x onerror=alert(1)>.\n",
                                                file: "articles/md.md"))
        Self.expectSafe(article.html, "markdown")
        #expect(article.html.contains("<h1>Titel</h1>"))
    }

    /// Every tag in `html` is allowlisted with allowlisted attributes, no `<` is left outside a tag, and parsing and
    /// writing it again gives the same text.
    static func expectSafe(_ html: String, _ payload: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let tag = try! Regex(#"<(/?)([A-Za-z0-9]+)((?:\s[a-z-]+="[^"<>]*")*)>"#)
        let attribute = try! Regex(#"\s([a-z-]+)="([^"]*)""#)
        var rest = html
        for match in html.matches(of: tag) {
            let name = String(match.output[2].substring ?? "")
            #expect(HTMLSanitizer.allowedElements.contains(name), "<\(name)> from \(payload)", sourceLocation: sourceLocation)
            for pair in String(match.output[3].substring ?? "").matches(of: attribute) {
                let key = String(pair.output[1].substring ?? ""), value = String(pair.output[2].substring ?? "")
                #expect(!key.hasPrefix("on") && !["id", "name", "form", "style", "formaction", "srcset"].contains(key),
                        "\(key)= from \(payload)", sourceLocation: sourceLocation)
                if key == "href" || key == "src" {
                    #expect(HTMLParser.isSafeURL(value.replacingOccurrences(of: "&amp;", with: "&")), "\(key)=\(value) from \(payload)",
                            sourceLocation: sourceLocation)
                }
            }
            rest = rest.replacingOccurrences(of: String(html[match.range]), with: "")
        }
        #expect(!rest.contains("<") && !rest.contains(">"), "markup outside tags from \(payload): \(html)", sourceLocation: sourceLocation)
        #expect(HTMLSanitizer.roundTrips(html), "does not round-trip: \(html)", sourceLocation: sourceLocation)
    }
}
