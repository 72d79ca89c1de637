import CCmarkGFM
import Foundation
import Glibc

/// Markdown through cmark-gfm's syntax tree: title (first H1), headings, plain body text and safe HTML.
/// Raw HTML inside Markdown is not rendered (cmark's safe default).
enum MarkdownParser {
    private static let extensions = ["table", "strikethrough", "autolink", "tasklist"]
    private static let inlineTypes: Set<String> = ["emph", "strong", "link", "image", "strikethrough"]

    /// cmark-gfm's extension registry is global and unguarded: register once, before any parallel parsing.
    private static let registered: Void = cmark_gfm_core_extensions_ensure_registered()
    /// `cmark_parser_finish` adds the extensions' special characters to a process-global table and removes them
    /// when done, so two documents finishing at once can lose autolinks: one at a time.
    private static let finishing = NSLock()

    /// `sanitize`: cmark-gfm's HTML to the article's (tests pass the sanitiser's reference path).
    static func parse(_ markdown: Substring, sanitize: (String) -> String = sanitized) -> ParsedDocument {
        Self.registered
        let options = CMARK_OPT_DEFAULT
        guard let parser = cmark_parser_new(options) else { return .empty }
        defer { cmark_parser_free(parser) }
        for name in extensions {
            if let syntax = cmark_find_syntax_extension(name) { cmark_parser_attach_syntax_extension(parser, syntax) }
        }
        var text = String(markdown)
        text.withUTF8 { bytes in
            bytes.withMemoryRebound(to: CChar.self) { cmark_parser_feed(parser, $0.baseAddress, $0.count) }
        }
        guard let document = finishing.withLock({ cmark_parser_finish(parser) }) else { return .empty }
        defer { cmark_node_free(document) }

        var collector = TextCollector()
        let tooDeep = walk(document, into: &collector)
        guard tooDeep == nil else { return ParsedDocument(title: nil, headings: [], body: "", html: "", tooDeepAtLine: tooDeep) }
        var html = ""
        if let rendered = cmark_render_html(document, options, cmark_parser_get_syntax_extensions(parser)) {
            // cmark-gfm's safe mode already drops raw HTML; the allowlist holds whatever a future option lets through.
            html = sanitize(String(cString: rendered))
            free(rendered)
        }
        return ParsedDocument(title: collector.title, headings: collector.headings, body: collector.bodyText, html: html)
    }

    /// cmark-gfm ends its HTML with a newline after the last block it closed: a blank text node at the end of the
    /// body, which the sanitiser's output trims. Without it the output is mostly the input, and needs no round trip.
    static func sanitized(_ rendered: String) -> String {
        var end = rendered.utf8.endIndex
        while end > rendered.utf8.startIndex, rendered.utf8[rendered.utf8.index(before: end)] == UInt8(ascii: "\n") {
            end = rendered.utf8.index(before: end)
        }
        return HTMLSanitizer.sanitize(fragment: String(rendered[..<end]))
    }

    /// Elements nested deeper than this (">" × 300) would be cut by libxml2 (256 levels) in the sanitiser, and the
    /// page would not show text the search finds.
    static let maximumNesting = 200

    /// Returns the line (of the Markdown) where the nesting passes `maximumNesting`, and stops there.
    private static func walk(_ document: OpaquePointer, into collector: inout TextCollector) -> Int? {
        guard let iterator = cmark_iter_new(document) else { return nil }
        defer { cmark_iter_free(iterator) }
        // The open ancestors: leaves get no exit event, so a node first drops what is not its parent.
        var open: [OpaquePointer] = []
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard let node = cmark_iter_get_node(iterator) else { continue }
            let type = cmark_node_get_type(node)
            let entering = event == CMARK_EVENT_ENTER
            let parent = cmark_node_parent(node)
            while let last = open.last, last != (entering ? parent : node) { open.removeLast() }
            if entering {
                open.append(node)
                if open.count > maximumNesting { return Int(cmark_node_get_start_line(node)) }
            } else if !open.isEmpty {
                open.removeLast()
            }
            switch type {
            case CMARK_NODE_HEADING:
                if entering {
                    collector.beginHeading(level: Int(cmark_node_get_heading_level(node)))
                } else {
                    collector.endHeading(titleFromHeading: true)
                }
            case CMARK_NODE_TEXT, CMARK_NODE_CODE, CMARK_NODE_CODE_BLOCK:
                if let literal = cmark_node_get_literal(node) { collector.append(String(cString: literal)) }
                if type == CMARK_NODE_CODE_BLOCK { collector.breakBlock() }
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
                collector.append(" ")
            case CMARK_NODE_HTML_BLOCK, CMARK_NODE_HTML_INLINE:
                continue
            default:
                // Inline containers (emphasis, links) must not split "**Kunden**nummer" into two words.
                let isInline = cmark_node_get_type_string(node).map { inlineTypes.contains(String(cString: $0)) } ?? false
                if !isInline, !entering || cmark_node_first_child(node) == nil { collector.breakBlock() }
            }
        }
        return nil
    }
}
