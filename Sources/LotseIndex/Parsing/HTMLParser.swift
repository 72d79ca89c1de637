import CLibXML2

/// Help-center HTML exports through libxml2: the article content from `<article>` or `<main>`, with navigation,
/// banners, votes, comments, sidebars, forms and scripts removed and entities decoded. The HTML kept for the
/// portal is what `HTMLSanitizer`'s allowlist writes.
enum HTMLParser {
    /// Elements that are never article content: page furniture, and everything the sanitiser drops with its content
    /// (`<math>`, `<video>` fallback text, `<select>` options, …), so the search finds no text the page leaves out.
    private static let droppedElements = HTMLSanitizer.droppedElements.union(["nav", "header", "footer", "aside"])
    /// Those of them an end tag must close: not void ones, and not `<option>` or `<head>`, whose end tags are optional.
    private static let closedElements = droppedElements.subtracting(
        ["input", "base", "meta", "link", "source", "track", "param", "embed", "frame", "option", "optgroup", "head"])
    /// Class or id fragments of help-center boilerplate blocks.
    private static let boilerplateMarkers = [
        "cookie", "consent", "banner", "breadcrumb", "vote", "feedback", "comment", "related", "sidebar",
        "newsletter", "share", "rating", "promoted", "subscribe", "pagination", "article-footer", "helpful",
    ]

    /// libxml2 must be initialised once before threads parse concurrently (Swift runs this exactly once).
    private static let initialized: Void = xmlInitParser()

    /// Throws where libxml2 gave up and would drop the rest of the page without a word (elements nested deeper than its
    /// limit of 256), and where an element the article drops with its content is never closed.
    static func parse(_ bytes: UnsafeBufferPointer<UInt8>, file: String) throws(ArticleParseError) -> ParsedDocument {
        Self.initialized
        let options = Int32(
            HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue | HTML_PARSE_NONET.rawValue | HTML_PARSE_NOBLANKS.rawValue)
        guard let context = htmlNewParserCtxt() else { return .empty }
        defer { htmlFreeParserCtxt(context) }
        let document = bytes.withMemoryRebound(to: CChar.self) {
            htmlCtxtReadMemory(context, $0.baseAddress, Int32($0.count), file, "UTF-8", options)
        }
        // Benign errors (an HTML5 tag libxml2 does not know) leave the parser running; a fatal one halts it.
        if context.pointee.disableSAX != 0 {
            if let document { xmlFreeDoc(document) }
            let error = xmlCtxtGetLastError(context)
            let message = error?.pointee.message.map { String(cString: $0).trimmingBlanks(newlines: true) } ?? "unknown error"
            let cause = message.hasPrefix("Excessive depth") ? "elements nested more than 256 deep" : "libxml2: \(message)"
            throw ArticleParseError(file: file, line: error.map { Int($0.pointee.line) }.flatMap { $0 > 0 ? $0 : nil },
                                    reason: "the HTML parser stops here (\(cause)), the rest of the page would be lost")
        }
        guard let document, let root = xmlDocGetRootElement(document) else {
            if let document { xmlFreeDoc(document) }
            return .empty
        }
        defer { xmlFreeDoc(document) }

        var meta: [String: String] = [:]
        var pageTitle: String?
        collectHead(root, meta: &meta, title: &pageTitle)
        let language = attribute(root, "lang")

        let content = firstElement(named: "article", in: root) ?? firstElement(named: "main", in: root)
            ?? firstElement(named: "body", in: root) ?? root
        try removeBoilerplate(content, unclosed: UnclosedElements.find(in: bytes, names: closedElements), file: file)

        var collector = TextCollector()
        collectText(content, into: &collector)
        let html = HTMLSanitizer.sanitizedChildren(of: content)
        let title = collector.title ?? pageTitle.map(stripSiteName)
        return ParsedDocument(
            title: title, headings: collector.headings, body: collector.bodyText, html: html, meta: meta, language: language)
    }

    // MARK: - Tree helpers

    private static func name(_ node: xmlNodePtr) -> String {
        guard let name = node.pointee.name else { return "" }
        return String(cString: name).lowercased()
    }

    private static func attribute(_ node: xmlNodePtr, _ key: String) -> String? {
        guard let value = xmlGetProp(node, key) else { return nil }
        defer { lotse_xml_free(value) }
        return String(cString: value)
    }

    private static func text(of node: xmlNodePtr) -> String {
        guard let content = xmlNodeGetContent(node) else { return "" }
        defer { lotse_xml_free(content) }
        return TextCollector.squeeze(String(cString: content))
    }

    private static func children(of node: xmlNodePtr) -> [xmlNodePtr] {
        var result: [xmlNodePtr] = []
        var child = node.pointee.children
        while let current = child {
            result.append(current)
            child = current.pointee.next
        }
        return result
    }

    private static func firstElement(named wanted: String, in node: xmlNodePtr) -> xmlNodePtr? {
        for child in children(of: node) where child.pointee.type == XML_ELEMENT_NODE {
            if name(child) == wanted { return child }
            if let found = firstElement(named: wanted, in: child) { return found }
        }
        return nil
    }

    private static func collectHead(_ node: xmlNodePtr, meta: inout [String: String], title: inout String?) {
        for child in children(of: node) where child.pointee.type == XML_ELEMENT_NODE {
            switch name(child) {
            case "title": title = title ?? text(of: child)
            case "meta":
                if let key = attribute(child, "name") ?? attribute(child, "property"), let value = attribute(child, "content") {
                    meta[key.lowercased()] = value
                }
            case "link":
                if attribute(child, "rel")?.lowercased() == "canonical", let href = attribute(child, "href") { meta["canonical"] = href }
            case "body": continue
            default: collectHead(child, meta: &meta, title: &title)
            }
        }
    }

    private static func isBoilerplate(_ node: xmlNodePtr) -> Bool {
        if droppedElements.contains(name(node)) { return true }
        let marks = [attribute(node, "class"), attribute(node, "id"), attribute(node, "role")].compactMap { $0?.lowercased() }
        return marks.contains { mark in boilerplateMarkers.contains { mark.contains($0) } }
    }

    private static func removeBoilerplate(_ node: xmlNodePtr, unclosed: Set<UnclosedElements.StartTag>,
                                          file: String) throws(ArticleParseError) {
        for child in children(of: node) {
            switch child.pointee.type {
            case XML_ELEMENT_NODE:
                if isBoilerplate(child) {
                    let line = Int(xmlGetLineNo(child))
                    if unclosed.contains(UnclosedElements.StartTag(name: name(child), line: line)) {
                        throw ArticleParseError(file: file, line: line, reason: "<\(name(child))> is never closed: the page would drop it "
                                                    + "and everything after it (add </\(name(child))>)")
                    }
                    xmlUnlinkNode(child)
                    xmlFreeNode(child)
                } else {
                    // attributes are HTMLSanitizer's: it writes only allowlisted ones
                    try removeBoilerplate(child, unclosed: unclosed, file: file)
                }
            case XML_COMMENT_NODE, XML_PI_NODE:
                xmlUnlinkNode(child)
                xmlFreeNode(child)
            default:
                continue
            }
        }
    }

    private static let safeSchemes: Set<String> = ["http", "https", "mailto", "tel"]

    /// Relative URLs and the schemes above; browsers ignore whitespace and control characters inside a scheme
    /// ("java\tscript:"), so they are dropped before the scheme is read.
    static func isSafeURL(_ value: String) -> Bool {
        let compact = String(value.unicodeScalars.filter { $0.value > 0x20 && $0.value != 0x7F })
        guard let colon = compact.firstIndex(of: ":") else { return true }
        let scheme = compact[..<colon]
        // A colon after a path, query or fragment start belongs to a relative URL ("hilfe/a:b", "#x:y").
        if scheme.contains(where: { "/?#".contains($0) }) { return true }
        return safeSchemes.contains(scheme.lowercased())
    }

    private static func collectText(_ node: xmlNodePtr, into collector: inout TextCollector) {
        for child in children(of: node) {
            switch child.pointee.type {
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                if let content = child.pointee.content { collector.append(String(cString: content)) }
            case XML_ELEMENT_NODE:
                let element = name(child)
                if element.count == 2, element.first == "h", let level = Int(element.dropFirst()), (1...6).contains(level) {
                    collector.beginHeading(level: level)
                    collectText(child, into: &collector)
                    collector.endHeading(titleFromHeading: true)
                } else {
                    if blockElements.contains(element) { collector.breakBlock() }
                    collectText(child, into: &collector)
                    if blockElements.contains(element) || element == "br" { collector.breakBlock() }
                }
            default:
                continue
            }
        }
    }

    private static let blockElements: Set<String> = [
        "p", "div", "li", "ul", "ol", "table", "tr", "td", "th", "section", "article", "main", "pre", "blockquote",
        "dd", "dt", "dl", "figure", "figcaption", "hr", "br", "thead", "tbody",
    ]

    /// "Speicherplatz erweitern – Lindenhost Hilfe-Center" → "Speicherplatz erweitern".
    private static func stripSiteName(_ title: String) -> String {
        for separator in [" – ", " — ", " | ", " - "] {
            if let range = title.range(of: separator, options: .backwards) { return String(title[..<range.lowerBound]) }
        }
        return title
    }
}
