import Foundation
import NIOPosix

/// Attachment files under a folder beside the data database, each under a random name (served only to the
/// admin API, by ticket and position).
/// File I/O runs on NIO's blocking-I/O thread pool, not on the request's task.
public struct AttachmentDirectory: Sendable {
    public let path: String

    public init(path: String) {
        self.path = path
    }

    /// The folder beside a data database: `data.sqlite` → `attachments/` in the same directory.
    public init(besideDatabase databasePath: String) {
        self.init(path: ((databasePath as NSString).deletingLastPathComponent as NSString).appendingPathComponent("attachments"))
    }

    /// Writes `data` under a new random name, flushed to disk, and returns the name.
    public func save(_ data: [UInt8]) async throws -> String {
        let name = UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
        let target = (path as NSString).appendingPathComponent(name)
        let folder = path
        try await NIOThreadPool.singleton.runIfActive {
            do {
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
                guard FileManager.default.createFile(atPath: target, contents: nil, attributes: [.posixPermissions: 0o600]) else {
                    throw TicketStoreError.storageUnavailable("cannot create an attachment file")
                }
                let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: target))
                defer { try? handle.close() }
                try handle.write(contentsOf: data)
                try handle.synchronize()
                // The file's directory entry is data too: without this a crash can lose a file whose ticket was stored.
                try Self.synchronizeDirectory(folder)
            } catch let error as TicketStoreError {
                throw error
            } catch {
                throw TicketStoreError.storageUnavailable("cannot write an attachment file")
            }
        }
        return name
    }

    static func synchronizeDirectory(_ path: String) throws {
        let descriptor = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { throw TicketStoreError.storageUnavailable("cannot open the attachment directory") }
        defer { close(descriptor) }
        guard fsync(descriptor) == 0 else { throw TicketStoreError.storageUnavailable("cannot flush the attachment directory") }
    }

    /// The file stored under `storedName`, or nil when there is none (a name that is not one of ours, with a
    /// path in it, say, is never opened).
    public func read(_ storedName: String) async throws -> [UInt8]? {
        guard Self.isStoredName(storedName) else { return nil }
        let target = (path as NSString).appendingPathComponent(storedName)
        return try await NIOThreadPool.singleton.runIfActive {
            guard FileManager.default.fileExists(atPath: target) else { return nil }
            guard let data = FileManager.default.contents(atPath: target) else {
                throw TicketStoreError.storageUnavailable("cannot read an attachment file")
            }
            return [UInt8](data)
        }
    }

    /// Names `save` gives: 32 lowercase hex digits.
    static func isStoredName(_ name: String) -> Bool {
        name.utf8.count == 32 && name.utf8.allSatisfy { (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }
    }

    public func remove(_ storedNames: [String]) async {
        let folder = path
        try? await NIOThreadPool.singleton.runIfActive {
            for name in storedNames where !name.contains("/") {
                try? FileManager.default.removeItem(atPath: (folder as NSString).appendingPathComponent(name))
            }
        }
    }
}
