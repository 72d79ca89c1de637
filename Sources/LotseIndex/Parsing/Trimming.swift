import Foundation

extension StringProtocol {
    /// `trimmingCharacters(in: newlines ? .whitespacesAndNewlines : .whitespaces)`, without Foundation's NSString
    /// round trip when the text is ASCII: front matter trims many short strings per article, so the round trip
    /// showed in whole builds.
    func trimmingBlanks(newlines: Bool = false) -> String {
        let utf8 = self.utf8
        guard utf8.allSatisfy({ $0 < 0x80 }) else {
            return trimmingCharacters(in: newlines ? .whitespacesAndNewlines : .whitespaces)
        }
        // The ASCII members of the two sets: tab and space; with newlines also LF, VT, FF, CR.
        func isBlank(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || (newlines && byte >= 0x0A && byte <= 0x0D) }
        var first: UTF8View.Index?
        var end = utf8.startIndex
        var index = utf8.startIndex
        while index < utf8.endIndex {
            let next = utf8.index(after: index)
            if !isBlank(utf8[index]) {
                if first == nil { first = index }
                end = next
            }
            index = next
        }
        guard let first else { return "" }
        return String(decoding: utf8[first..<end], as: UTF8.self)
    }
}
