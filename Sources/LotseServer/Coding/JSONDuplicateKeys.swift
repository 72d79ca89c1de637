import Foundation

/// Finds a key that occurs twice in one object of a JSON text. The decoder keeps one of the two silently, while a proxy
/// or firewall in front may read the other: `{"description": "harmlos", "description": "…"}` would pass a filter with
/// one text and reach the ticket with another. So a request body that repeats a key is refused (`JSONBody`).
enum JSONDuplicateKeys {
    /// The keys of the objects around the first repeated key, and that key; nil when every object's keys are distinct.
    /// Expects a text the decoder accepted: one pass over the bytes, keys compared after their escapes are decoded
    /// (`"a"` and `"\u0061"` are one key).
    static func first(in json: [UInt8]) -> [String]? {
        // Per open object its keys so far and the key being read; arrays hold nil.
        var open: [(keys: Set<String>, key: String)?] = []
        var index = 0
        while index < json.count {
            switch json[index] {
            case UInt8(ascii: "{"): open.append((keys: [], key: ""))
            case UInt8(ascii: "["): open.append(nil)
            case UInt8(ascii: "}"), UInt8(ascii: "]"): _ = open.popLast()
            case UInt8(ascii: "\""):
                let end = stringEnd(json, from: index)
                if let top = open.indices.last, open[top] != nil, nextByte(json, after: end) == UInt8(ascii: ":") {
                    let key = decodedString(json[index...end])
                    guard open[top]!.keys.insert(key).inserted else { return Array(open.compactMap { $0?.key }.dropLast()) + [key] }
                    open[top]!.key = key
                }
                index = end
            default: break
            }
            index += 1
        }
        return nil
    }

    /// The index of the quote that closes the string opened at `start`.
    private static func stringEnd(_ json: [UInt8], from start: Int) -> Int {
        var index = start + 1
        while index < json.count, json[index] != UInt8(ascii: "\"") {
            index += json[index] == UInt8(ascii: "\\") ? 2 : 1
        }
        return min(index, json.count - 1)
    }

    private static func nextByte(_ json: [UInt8], after index: Int) -> UInt8? {
        json[(index + 1)...].first { byte in
            byte != UInt8(ascii: " ") && byte != UInt8(ascii: "\t") && byte != UInt8(ascii: "\n") && byte != UInt8(ascii: "\r")
        }
    }

    /// A quoted JSON string's text; as the bytes between the quotes when it has no escape.
    private static func decodedString(_ quoted: ArraySlice<UInt8>) -> String {
        let inner = quoted.dropFirst().dropLast()
        guard inner.contains(UInt8(ascii: "\\")) else { return String(decoding: inner, as: UTF8.self) }
        let wrapped = [UInt8(ascii: "[")] + quoted + [UInt8(ascii: "]")]
        return (try? JSONDecoder().decode([String].self, from: Data(wrapped)).first) ?? String(decoding: inner, as: UTF8.self)
    }
}
