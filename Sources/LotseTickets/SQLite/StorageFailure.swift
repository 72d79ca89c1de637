import GRDB

/// Maps SQLite's "cannot write here" results to `TicketStoreError.storageUnavailable`, so the server can
/// answer 503 instead of leaking internals; other errors pass through unchanged.
enum StorageFailure {
    static let unavailableCodes: Set<Int32> = Set([ResultCode.SQLITE_FULL, .SQLITE_READONLY, .SQLITE_IOERR, .SQLITE_CANTOPEN,
            .SQLITE_PERM, .SQLITE_BUSY, .SQLITE_LOCKED, .SQLITE_NOTADB, .SQLITE_CORRUPT
        ].map(\.rawValue))

    static func translate(_ error: any Error) -> any Error {
        guard let error = error as? DatabaseError, unavailableCodes.contains(error.resultCode.rawValue) else { return error }
        return TicketStoreError.storageUnavailable("\(error.resultCode)")
    }

    static func mapping<T>(_ body: () async throws -> T) async throws -> T {
        do {
            return try await body()
        } catch {
            throw translate(error)
        }
    }
}
