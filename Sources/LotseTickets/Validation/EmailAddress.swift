import Foundation

/// A practical e-mail syntax check (what a helpdesk can reply to), not the full RFC 5322 grammar:
/// one `@`, a local part of at most 64 characters without spaces, a domain with a dot and no empty labels.
/// International domain names (Müller.de) are accepted.
public enum EmailAddress {
    public static let maximumLength = 254

    public static func isValid(_ address: String) -> Bool {
        guard address.utf8.count <= maximumLength else { return false }
        let parts = address.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, let local = parts.first, let domain = parts.last else { return false }
        guard !local.isEmpty, local.utf8.count <= 64, !local.hasPrefix("."), !local.hasSuffix("."), !local.contains("..") else {
            return false
        }
        let labels = domain.split(separator: ".", omittingEmptySubsequences: false)
        guard labels.count >= 2, labels.allSatisfy({ !$0.isEmpty && !$0.hasPrefix("-") && !$0.hasSuffix("-") }) else { return false }
        let forbidden = CharacterSet.whitespacesAndNewlines.union(.controlCharacters).union(CharacterSet(charactersIn: "<>()[]\\,;:\""))
        guard local.unicodeScalars.allSatisfy({ !forbidden.contains($0) }) else { return false }
        let domainAllowed = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "-."))
        return domain.unicodeScalars.allSatisfy { domainAllowed.contains($0) } && labels.last!.count >= 2
    }

    /// What tickets are found by for erasure: lowercase in Unicode's composed form (NFC), so "jörg@…" typed with
    /// a combining umlaut (as some keyboards and pasted text give it) is the same address as with "ö".
    public static func key(_ address: String) -> String {
        address.lowercased().precomposedStringWithCanonicalMapping
    }

    /// The keys an erasure looks for: `key`, and the forms rows stored before keys were composed may have.
    static func erasureKeys(_ address: String) -> [String] {
        let lowercased = address.lowercased()
        var keys = [key(address)]
        for form in [lowercased, lowercased.decomposedStringWithCanonicalMapping] where !keys.contains(form) { keys.append(form) }
        return keys
    }
}
