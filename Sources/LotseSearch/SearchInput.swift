/// What a user asked: a search-box query, or a ticket draft being written.
public enum SearchInput: Sendable, Hashable {
    case query(String)
    case draft(subject: String, description: String)
}
