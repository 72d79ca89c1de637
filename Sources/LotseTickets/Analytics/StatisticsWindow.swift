import Foundation

/// The start of a statistics period: `30d`, `7d`, `24h` (relative to now) or an ISO date or date-time.
public enum StatisticsWindow {
    public static func start(_ text: String, now: Date = Date()) -> Date? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if let unit = trimmed.last, "dh".contains(unit), let amount = Int(trimmed.dropLast()), (1...36_500).contains(amount) {
            return now.addingTimeInterval(-Double(amount) * (unit == "d" ? 86_400 : 3_600))
        }
        if let date = try? Date(trimmed, strategy: .iso8601) { return date }
        return try? Date(trimmed + "T00:00:00Z", strategy: .iso8601)
    }
}
