import Testing
@testable import LotseIndex

/// The source scan behind "<math> is never closed": which start tags no end tag closes, on which line.
struct UnclosedElementsTests {
    static func unclosed(_ html: String) -> [String] {
        var html = html
        let found = html.withUTF8 { UnclosedElements.find(in: $0, names: ["math", "select", "nav", "script"]) }
        return found.sorted { ($0.line, $0.name) < ($1.line, $1.name) }.map { "\($0.name)@\($0.line)" }
    }

    @Test func closedAndSelfClosedElementsAreNotReported() {
        #expect(Self.unclosed("<p><MATH><mi>x</mi></Math> <select><option>a</select><math/><nav class=\"a>b\">x</nav>") == [])
    }

    @Test func anUnclosedStartTagIsReportedWithItsLine() {
        #expect(Self.unclosed("<p>a</p>\n<p>Preis: <math><mi>x</mi>\n<p>Rest.</p>") == ["math@2"])
        #expect(Self.unclosed("<nav>\n<nav>innen</nav>\n<p>Rest") == ["nav@1"])
    }

    @Test func commentsRawTextAndTextAreNotTags() {
        #expect(Self.unclosed("<!-- <math> --><script>if (a <math) { x = '<select>' }</script><p>1 < 2 <3</p>") == [])
        #expect(Self.unclosed("<script>\nvar a = 1;\n<p>Rest") == ["script@1"])
    }

    @Test func quotesCountOnlyAfterEquals() {
        #expect(Self.unclosed("<select title=it's><option>a</select>\n<p>Text's end</p>") == [])
        #expect(Self.unclosed("<math alt='a > b'>x</math><select data-x = \"<\">") == ["select@1"])
    }
}
