/// Accumulates plain text from a document tree: title, headings and body, with block boundaries as spaces.
struct TextCollector {
    var title: String?
    var headings: [String] = []
    var body = ""
    private var heading: String?
    private var headingLevel = 0

    mutating func beginHeading(level: Int) {
        heading = ""
        headingLevel = level
    }

    /// Ends a heading: the first level-1 heading becomes the title when `titleFromHeading` is set.
    mutating func endHeading(titleFromHeading: Bool) {
        guard let text = heading.map(Self.squeeze) else { return }
        heading = nil
        guard !text.isEmpty else { return }
        if headingLevel == 1, title == nil, titleFromHeading {
            title = text
        } else if headingLevel == 1, text == title {
            return
        } else {
            headings.append(text)
        }
    }

    mutating func append(_ text: String) {
        if heading != nil { heading! += text } else { body += text }
    }

    mutating func breakBlock() {
        if heading != nil { heading! += " " } else if !body.isEmpty, body.last != " " { body += " " }
    }

    var bodyText: String { Self.squeeze(body) }

    /// Collapses runs of white space (including no-break spaces) to one space.
    static func squeeze(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        var pendingSpace = false
        for character in text {
            if character.isWhitespace {
                pendingSpace = !result.isEmpty
            } else {
                if pendingSpace { result.append(" ") }
                pendingSpace = false
                result.append(character)
            }
        }
        return result
    }
}
