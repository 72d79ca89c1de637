import Foundation

/// The start of a statistics period: `30d`, `7d`, `24h` (relative to now) or an RFC 3339 date (`2026-11-01`,
/// midnight UTC) or date-time (`2026-11-01T12:00:00+01:00`).
public enum StatisticsWindow {
    public static func start(_ text: String, now: Date = Date()) -> Date? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if let unit = trimmed.last, "dh".contains(unit), let amount = Int(trimmed.dropLast()), (1...36_500).contains(amount) {
            return now.addingTimeInterval(-Double(amount) * (unit == "d" ? 86_400 : 3_600))
        }
        return rfc3339(trimmed)
    }

    private static func pattern() -> Regex<(Substring, Substring, Substring, Substring, Substring?, Substring?, Substring?,
                                             Substring?, Substring?, Substring?, Substring?)> {
        #/^(\d{4})-(\d{2})-(\d{2})(?:[Tt ](\d{2}):(\d{2}):(\d{2})(?:\.\d{1,9})?(?:([Zz])|([+-])(\d{2}):(\d{2})))?$/#
    }

    /// Parsed by hand: Foundation's ISO 8601 strategy refuses valid offsets such as +18:57 and years before 1000.
    private static func rfc3339(_ text: String) -> Date? {
        guard let match = text.wholeMatch(of: pattern()) else { return nil }
        let output = match.output
        var components = DateComponents(year: Int(output.1), month: Int(output.2), day: Int(output.3),
                                        hour: output.4.flatMap { Int($0) } ?? 0, minute: output.5.flatMap { Int($0) } ?? 0,
                                        second: output.6.flatMap { Int($0) } ?? 0)
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        guard let date = calendar.date(from: components) else { return nil }
        // date(from:) rolls 2026-02-30 over into March; a real date reads back unchanged.
        let check = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        components.calendar = nil
        guard check.year == components.year, check.month == components.month, check.day == components.day,
              check.hour == components.hour, check.minute == components.minute, check.second == components.second else { return nil }
        guard let sign = output.8, let hours = output.9.flatMap({ Int($0) }), let minutes = output.10.flatMap({ Int($0) }) else {
            return date
        }
        guard hours < 24, minutes < 60 else { return nil }
        let offset = Double(hours * 3_600 + minutes * 60)
        return date.addingTimeInterval(sign == "+" ? -offset : offset)
    }
}
