import LotseAnalysis

/// Numbers, sizes and lists as each language writes them, and the `{name}` placeholders of the catalogues.
struct MessageFormat {
    let language: Language

    /// `template` with each `{key}` replaced by `value(key)`; an unknown key is left as it is (a test looks for those).
    static func fill(_ template: String, _ value: (String) -> String?) -> String {
        var result = "", rest = template[...]
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            result += rest[..<open]
            let key = String(rest[rest.index(after: open)..<close])
            result += value(key) ?? "{\(key)}"
            rest = rest[rest.index(after: close)...]
        }
        return result + rest
    }

    /// 20.000 (de, es), 20,000 (en), 20 000 (fr, narrow no-break space); four digits stay ungrouped in Spanish.
    func number(_ value: Int) -> String {
        let digits = String(value.magnitude)
        let separator: String = switch language {
        case .de, .es: "."
        case .en: ","
        case .fr: "\u{202F}"
        }
        guard digits.count > (language == .es ? 4 : 3) else { return value < 0 ? "-" + digits : digits }
        var grouped = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { grouped += separator }
            grouped.append(digit)
        }
        return value < 0 ? "-" + grouped : grouped
    }

    /// Bytes in binary units as the portal shows them ("10 MB" is 10 MiB), at most one decimal.
    func size(_ bytes: Int) -> String {
        let units: [(Int, String)] = [(1 << 20, "MB"), (1 << 10, "KB")]
        for (unit, name) in units where bytes >= unit {
            let tenths = (bytes * 10 + unit / 2) / unit
            let decimal = language == .en ? "." : ","
            let text = tenths % 10 == 0 ? number(tenths / 10) : "\(number(tenths / 10))\(decimal)\(tenths % 10)"
            return "\(text) \(name)"
        }
        return "\(number(bytes)) \(Vocabulary.bytes[language])"
    }

    /// "a, b und c" with the language's word for `and` or `or`.
    func list(_ items: [String], conjunction: Wording) -> String {
        guard let last = items.last else { return "" }
        guard items.count > 1 else { return last }
        return items.dropLast().joined(separator: ", ") + " \(conjunction[language]) " + last
    }
}
