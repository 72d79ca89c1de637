import CLibXML2

/// Article HTML as the portal may insert it: an allowlist of elements and attributes, written out by our own
/// serialiser (every `&`, `<`, `>` and `"` escaped, in text and attribute values alike), then parsed again and
/// written again — the result must be the same text, or the article is served as plain text instead. Raw-text
/// and foreign-content elements (`noembed`, `xmp`, `style`, `svg`, …), forms, frames, comments, ids and
/// names never get through, so neither a parser difference (mutation XSS) nor a duplicated id the portal's
/// script could pick up can come from an article.
enum HTMLSanitizer {
    static let allowedElements: Set<String> = [
        "p", "br", "hr", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "dl", "dt", "dd", "blockquote", "pre",
        "code", "kbd", "samp", "var", "em", "strong", "b", "i", "u", "s", "del", "ins", "sub", "sup", "small", "mark",
        "abbr", "cite", "q", "span", "div", "section", "article", "figure", "figcaption", "img", "a", "table", "caption",
        "thead", "tbody", "tfoot", "tr", "th", "td", "colgroup", "col", "details", "summary", "time",
    ]
    /// Dropped with everything inside: their content is not article text, or browsers parse it as raw text.
    static let droppedElements: Set<String> = [
        "script", "style", "noscript", "noembed", "noframes", "xmp", "plaintext", "listing", "title", "template",
        "textarea", "iframe", "frame", "frameset", "object", "embed", "applet", "svg", "math", "canvas", "form",
        "input", "select", "option", "optgroup", "button", "base", "meta", "link", "head", "audio", "video",
        "source", "track", "param", "dialog", "slot", "portal", "fencedframe", "selectedcontent", "search",
    ]
    private static let voidElements: Set<String> = ["br", "hr", "img", "col"]
    private static let globalAttributes: Set<String> = ["title", "lang", "dir"]
    private static let elementAttributes: [String: Set<String>] = [
        "a": ["href"], "img": ["src", "alt", "width", "height"], "td": ["colspan", "rowspan", "align"],
        "th": ["colspan", "rowspan", "align", "scope"], "ol": ["start"], "li": ["value"], "code": ["class"],
        "col": ["span"], "colgroup": ["span"], "time": ["datetime"],
    ]

    private static let parseOptions = Int32(HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue | HTML_PARSE_NONET.rawValue)

    /// The sanitised children of `node` (a parsed document's content element).
    static func sanitizedChildren(of node: xmlNodePtr) -> String {
        checked(written(childrenOf: node), fallbackText: text(of: node))
    }

    /// A fragment of HTML (cmark-gfm's output) through the same allowlist. `checkingAlways`: run the round trip
    /// even for a fixed point (the reference the shortcut is tested against).
    static func sanitize(fragment: String, checkingAlways: Bool = false) -> String {
        guard let (document, body) = parseBody(fragment) else { return "" }
        defer { xmlFreeDoc(document) }
        let html = written(childrenOf: body)
        // A fixed point already: parsing and writing `html` again is parsing and writing `fragment` again, which
        // gave `html`, so the round trip cannot fail. Plain Markdown articles (most of a 10k build) end here.
        if html == fragment, !checkingAlways { return html }
        return checked(html, fallbackText: text(of: body))
    }

    /// `html` when parsing and writing it again gives the same text; else the text, escaped, as one paragraph
    /// (only needed then: `fallbackText` is not computed for HTML that round-trips).
    static func checked(_ html: String, fallbackText: @autoclosure () -> String) -> String {
        guard roundTrips(html) else {
            let text = fallbackText().trimmed
            return text.isEmpty ? "" : "<p>" + escape(text, quotes: false) + "</p>"
        }
        return html
    }

    static func roundTrips(_ html: String) -> Bool {
        guard !html.isEmpty else { return true }
        guard let (document, body) = parseBody(html) else { return false }
        defer { xmlFreeDoc(document) }
        return written(childrenOf: body) == html
    }

    /// The allowlisted children of `node` as HTML, trimmed.
    private static func written(childrenOf node: xmlNodePtr) -> String {
        var html = ""
        writeChildren(of: node, into: &html)
        return html.trimmed
    }

    private static func parseBody(_ fragment: String) -> (xmlDocPtr, xmlNodePtr)? {
        var text = "<!DOCTYPE html><html><body>" + fragment + "</body></html>"
        let document = text.withUTF8 { bytes in
            bytes.withMemoryRebound(to: CChar.self) {
                htmlReadMemory($0.baseAddress, Int32($0.count), "fragment.html", "UTF-8", parseOptions)
            }
        }
        guard let document else { return nil }
        guard let root = xmlDocGetRootElement(document), let body = child(named: "body", of: root) else {
            xmlFreeDoc(document)
            return nil
        }
        return (document, body)
    }

    // MARK: - Writing

    private static func writeChildren(of node: xmlNodePtr, into out: inout String) {
        var child = node.pointee.children
        while let current = child {
            write(current, into: &out)
            child = current.pointee.next
        }
    }

    private static func write(_ node: xmlNodePtr, into out: inout String) {
        switch node.pointee.type {
        case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
            if let content = node.pointee.content { out += escape(String(cString: content), quotes: false) }
        case XML_ELEMENT_NODE:
            let element = name(node)
            if droppedElements.contains(element) { return }
            // Unknown elements are unwrapped: their text stays, the element does not.
            guard allowedElements.contains(element) else { return writeChildren(of: node, into: &out) }
            out += "<" + element
            for (key, value) in attributes(node) where isAllowed(key, value, on: element) {
                out += " \(key)=\"\(escape(value, quotes: true))\""
            }
            out += ">"
            if voidElements.contains(element) { return }
            // Parsers drop one newline right after <pre>: write one more so a leading newline survives.
            if element == "pre", let first = node.pointee.children, first.pointee.type == XML_TEXT_NODE,
               let content = first.pointee.content, content.pointee == UInt8(ascii: "\n") {
                out += "\n"
            }
            writeChildren(of: node, into: &out)
            out += "</" + element + ">"
        default:
            return  // comments, processing instructions, doctype: never article content
        }
    }

    static func escape(_ text: String, quotes: Bool) -> String {
        // Most text has nothing to escape, and appending it scalar by scalar was a sixth of a 10k build's CPU.
        var text = text
        let plain = text.withUTF8 { bytes in
            !bytes.contains { $0 == UInt8(ascii: "&") || $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: ">") || $0 == 0
                || (quotes && $0 == UInt8(ascii: "\"")) }
        }
        if plain { return text }
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"" where quotes: result += "&quot;"
            case "\u{0}": continue
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    // MARK: - Attributes

    static func isAllowed(_ key: String, _ value: String, on element: String) -> Bool {
        guard globalAttributes.contains(key) || elementAttributes[element]?.contains(key) == true else { return false }
        switch key {
        case "href", "src": return HTMLParser.isSafeURL(value)
        case "width", "height", "colspan", "rowspan", "start", "value", "span":
            return !value.isEmpty && value.utf8.count <= 6 && value.utf8.allSatisfy { (0x30...0x39).contains($0) }
        case "align": return ["left", "right", "center"].contains(value.lowercased())
        case "scope": return ["row", "col", "rowgroup", "colgroup"].contains(value.lowercased())
        case "dir": return ["ltr", "rtl", "auto"].contains(value.lowercased())
        case "lang": return value.utf8.count <= 35 && value.utf8.allSatisfy { isAlphanumeric($0) || $0 == UInt8(ascii: "-") }
        case "class":
            // Only a code block's language (cmark-gfm writes `language-swift`): no article can borrow the portal's classes.
            return value.hasPrefix("language-") && value.utf8.count <= 40
                && value.utf8.allSatisfy { isAlphanumeric($0) || "-_+#.".utf8.contains($0) }
        default: return true
        }
    }

    private static func isAlphanumeric(_ byte: UInt8) -> Bool {
        (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
    }

    private static func attributes(_ node: xmlNodePtr) -> [(String, String)] {
        var result: [(String, String)] = []
        var attribute = node.pointee.properties
        while let current = attribute {
            attribute = current.pointee.next
            let key = current.pointee.name.map { String(cString: $0).lowercased() } ?? ""
            var value = ""
            if let raw = xmlNodeGetContent(UnsafeMutableRawPointer(current).assumingMemoryBound(to: xmlNode.self)) {
                value = String(cString: raw)
                lotse_xml_free(raw)
            }
            result.append((key, value))
        }
        return result
    }

    // MARK: - Tree helpers

    private static func name(_ node: xmlNodePtr) -> String {
        node.pointee.name.map { String(cString: $0).lowercased() } ?? ""
    }

    private static func child(named wanted: String, of node: xmlNodePtr) -> xmlNodePtr? {
        var child = node.pointee.children
        while let current = child {
            if current.pointee.type == XML_ELEMENT_NODE, name(current) == wanted { return current }
            child = current.pointee.next
        }
        return nil
    }

    private static func text(of node: xmlNodePtr) -> String {
        guard let content = xmlNodeGetContent(node) else { return "" }
        defer { lotse_xml_free(content) }
        return String(cString: content)
    }
}

private extension String {
    var trimmed: String {
        let scalars = unicodeScalars
        let isSpace: (Unicode.Scalar) -> Bool = { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "\r" }
        guard let first = scalars.firstIndex(where: { !isSpace($0) }), let last = scalars.lastIndex(where: { !isSpace($0) }) else {
            return ""
        }
        return String(scalars[first...last])
    }
}
