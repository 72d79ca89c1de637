import LotseTickets

/// Query-string parameters as browsers send them (application/x-www-form-urlencoded): `+` is a space,
/// `%2B` a plus, percent escapes are UTF-8. `parse` leaves a value with invalid escapes undecoded and keeps the first of
/// a repeated key; the API refuses both first (`problem`), the pages take what they can.
enum FormQuery {
    static func parse(_ query: String?) -> [String: String] {
        var result: [String: String] = [:]
        for (key, value) in pairs(query) {
            let key = decode(key) ?? undecoded(key)
            guard !key.isEmpty, result[key] == nil else { continue }
            result[key] = value.map { decode($0) ?? undecoded($0) } ?? ""
        }
        return result
    }

    /// The first parameter whose value is not UTF-8 once decoded (a lone `%`, `%FF`, an overlong or surrogate sequence:
    /// `invalid_encoding`) or that is given twice (`duplicate`: a proxy or filter in front may read the other value).
    /// Names a route cannot read (not field names) are never echoed.
    static func problem(_ query: String?) -> (name: String, problem: FieldProblem)? {
        var seen: Set<String> = []
        for (key, value) in pairs(query) {
            guard let name = decode(key), JSONBody.isFieldName(name) else { continue }
            if !seen.insert(name).inserted { return (name, .duplicate) }
            if let value, decode(value) == nil { return (name, .invalidEncoding) }
        }
        return nil
    }

    private static func pairs(_ query: String?) -> [(key: Substring, value: Substring?)] {
        (query ?? "").split(separator: "&").map { pair in
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            return (parts[0], parts.count > 1 ? parts[1] : nil)
        }
    }

    /// On UTF-8 bytes: Foundation's NSString bridging was a hot spot of every search request. Nil for a broken escape or
    /// bytes that are not UTF-8.
    private static func decode(_ text: Substring) -> String? {
        var decoded: [UInt8] = []
        decoded.reserveCapacity(text.utf8.count)
        var bytes = text.utf8.makeIterator()
        while let byte = bytes.next() {
            switch byte {
            case UInt8(ascii: "+"): decoded.append(UInt8(ascii: " "))
            case UInt8(ascii: "%"):
                guard let high = bytes.next().flatMap(hexValue), let low = bytes.next().flatMap(hexValue) else { return nil }
                decoded.append(high << 4 | low)
            default: decoded.append(byte)
            }
        }
        return String(validating: decoded, as: UTF8.self)
    }

    private static func undecoded(_ text: Substring) -> String {
        String(decoding: text.utf8.map { $0 == UInt8(ascii: "+") ? UInt8(ascii: " ") : $0 }, as: UTF8.self)
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
