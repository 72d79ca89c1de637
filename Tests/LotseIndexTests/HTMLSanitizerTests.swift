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

    /// Or refused: a payload that leaves an element the article drops open would take "Schluss." with it.
    @Test("a payload inside an HTML article is neutralised or refused", arguments: payloads)
    func htmlArticle(_ payload: String) throws {
        let page = ArticleFixtures.html(body: "<article><h1>Titel</h1><p>Einleitung.</p>\(payload)<p>Schluss.</p></article>")
        do {
            Self.expectSafe(try ArticleParser.parse(Data(page.utf8), file: "articles/xss.html").html, payload)
        } catch {
            #expect(error.line == 8 && error.reason.contains("is never closed"), "\(error)")
        }
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

    @Test("a fragment that is its own sanitised form skips the round trip: the same HTML as with it, payloads and random markup")
    func fixedPointMatchesTheReference() {
        var fragments = Self.payloads
        fragments += ["", "<p>Text</p>", "<p>a</p>\n", "<p>Tom &amp; Jerry</p>", "<p>\"x\"</p>", "<p>ab", "<b><p>x</p></b>"]
        let pieces = ["<p>", "</p>", "<ul>", "<li>", "</li>", "</ul>", "<b>", "</b>", "<table>", "<tr>", "<td>", "</td>", "<pre>",
                      "</pre>", "<a href=\"/x\">", "</a>", "<br />", "<foo>", "</foo>", "<div>", "</div>", "Wort ", "&amp;", "&lt;",
                      "\"", "\n", " ", "ß"]
        var generator = SystemRandomNumberGenerator()
        // Well-formed blocks as cmark-gfm writes them: mostly fixed points, the shortcut's case.
        let blocks = ["<p>Wort &amp; <em>mehr</em></p>", "<h2>Titel</h2>", "<ul>\n<li>eins</li>\n</ul>",
                      "<pre><code>a &lt; b\n</code></pre>", "<table>\n<thead>\n<tr>\n<th>A</th>\n</tr>\n</thead>\n</table>",
                      "<p>\"zitiert\"</p>", "<p>a<br>b</p>", "<hr>"]
        for _ in 0..<400 {
            fragments.append((0..<Int.random(in: 1...14, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined())
            fragments.append((0..<Int.random(in: 1...6, using: &generator)).map { _ in blocks.randomElement(using: &generator)! }
                .joined(separator: "\n"))
        }
        var fixedPoints = 0
        for fragment in fragments {
            let html = HTMLSanitizer.sanitize(fragment: fragment)
            #expect(html == HTMLSanitizer.sanitize(fragment: fragment, checkingAlways: true), "\(fragment.debugDescription)")
            if html == fragment, !html.isEmpty { fixedPoints += 1 }
        }
        #expect(fixedPoints > 100)
    }

    @Test("Markdown: cmark-gfm's HTML without its final newline gives the reference's HTML (its output as it is, always checked)")
    func markdownMatchesTheReference() throws {
        let real = try FileManager.default.contentsOfDirectory(atPath: ArticleWorkspace.repositoryRoot + "/articles")
            .filter { $0.hasSuffix(".md") }
            .map { try String(contentsOfFile: ArticleWorkspace.repositoryRoot + "/articles/" + $0, encoding: .utf8) }
        #expect(real.count >= 20)
        let blocks = ["# Titel", "## Schritt", "Ein Absatz mit **fett** und *kursiv*.", "- eins\n- zwei\n  - drei", "1. a\n2. b",
                      "> Hinweis: \"Vorsicht\" & <b>", "```bash\nls -l\n```", "| A | B |\n|---|:-:|\n| 1 | `x` |", "Zeile  \nneu",
                      "![Bild](bild.png \"Titel\")", "[Link](javascript:alert(1)) und https://lindenhost.de", "---", "- [x] erledigt",
                      "<div onclick=x>roh</div>", "Text <span>inline</span> & mehr", "~~alt~~", "    eingerückt", "a < b > c"]
        var generator = SystemRandomNumberGenerator()
        var documents = real + Self.payloads.map { "Vorher.\n\n" + $0 + "\n\nNachher." }
        for _ in 0..<300 {
            documents.append((0..<Int.random(in: 1...8, using: &generator)).map { _ in blocks.randomElement(using: &generator)! }
                .joined(separator: Bool.random(using: &generator) ? "\n\n" : "\n"))
        }
        for document in documents {
            let fast = MarkdownParser.parse(document[...])
            let reference = MarkdownParser.parse(document[...]) { HTMLSanitizer.sanitize(fragment: $0, checkingAlways: true) }
            #expect(fast.html == reference.html, "\(document.debugDescription)")
        }
        // What makes it fast: a plain article's HTML, newline dropped, is already its sanitised form.
        var rendered = ""
        _ = MarkdownParser.parse("# Titel\n\nText.\n\n- a\n- b\n\n| A |\n|---|\n| 1 |\n") { rendered = $0; return "" }
        let withoutNewline = String(rendered.dropLast())
        #expect(rendered.hasSuffix("</table>\n"))
        #expect(HTMLSanitizer.sanitize(fragment: withoutNewline, checkingAlways: true) == withoutNewline)
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
