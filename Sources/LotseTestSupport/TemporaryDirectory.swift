import Foundation
import Glibc
import Synchronization

/// A fresh, uniquely named directory under `NSTemporaryDirectory()`, deleted with everything in it when the
/// value goes away. Tests write article files into it and build indexes beside them.
///
/// Deinit alone left hundreds behind: values held until the process ends (a fixture shared by every test of a run)
/// never go away, since Swift does not destroy statics at exit, and a killed or crashed run deinits nothing. So the
/// live directories are also removed at a normal exit, and the name carries the process id, so that the first
/// directory of a later run removes those whose process is gone.
public final class TemporaryDirectory: Sendable {
    /// Absolute path of the directory (no trailing slash).
    public let path: String

    public init(prefix: String = "lotse-test") throws {
        let base = (NSTemporaryDirectory() as NSString).standardizingPath
        Self.firstUse(base)
        path = (base as NSString).appendingPathComponent("\(prefix)-pid\(getpid())-\(UUID().uuidString)")
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        Self.live.withLock { _ = $0.insert(path) }
    }

    deinit {
        Self.live.withLock { _ = $0.remove(path) }
        try? FileManager.default.removeItem(atPath: path)
    }

    /// Directories not deinited yet, removed by the exit handler.
    private static let live = Mutex<Set<String>>([])
    private static let started = Mutex(false)

    private static func firstUse(_ base: String) {
        guard started.withLock({ started in defer { started = true }; return !started }) else { return }
        atexit {
            for path in TemporaryDirectory.live.withLock({ $0 }) { try? FileManager.default.removeItem(atPath: path) }
        }
        removeLeftovers(in: base)
    }

    /// Removes the directories in `base` that this type made in processes that are no longer running. Other names,
    /// and directories of a running process (another test run, this one), stay.
    static func removeLeftovers(in base: String) {
        for name in (try? FileManager.default.contentsOfDirectory(atPath: base)) ?? [] {
            guard name.hasPrefix("lotse-"), let pid = processID(inName: name), pid != getpid(),
                  kill(pid, 0) == -1, errno == ESRCH else { continue }
            try? FileManager.default.removeItem(atPath: (base as NSString).appendingPathComponent(name))
        }
    }

    /// The process id of a name made by `init`: `PREFIX-pidN-UUID`.
    static func processID(inName name: String) -> pid_t? {
        guard name.count > 37, UUID(uuidString: String(name.suffix(36))) != nil else { return nil }
        let head = name.dropLast(37)
        guard let marker = head.range(of: "-pid", options: .backwards) else { return nil }
        return pid_t(head[marker.upperBound...])
    }

    public var url: URL { URL(fileURLWithPath: path, isDirectory: true) }

    /// `relative` joined to the directory.
    public func path(_ relative: String) -> String {
        (path as NSString).appendingPathComponent(relative)
    }

    /// Writes UTF-8 `text` to `relative` (intermediate folders are created) and returns the absolute path.
    @discardableResult
    public func write(_ text: String, to relative: String) throws -> String {
        try write(Data(text.utf8), to: relative)
    }

    /// Writes raw bytes to `relative` (intermediate folders are created) and returns the absolute path.
    @discardableResult
    public func write(_ data: Data, to relative: String) throws -> String {
        let target = path(relative)
        try FileManager.default.createDirectory(atPath: (target as NSString).deletingLastPathComponent,
                                                withIntermediateDirectories: true)
        try data.write(to: URL(fileURLWithPath: target))
        return target
    }

    /// Creates the folder `relative` (and its parents) and returns its absolute path.
    @discardableResult
    public func makeDirectory(_ relative: String) throws -> String {
        let target = path(relative)
        try FileManager.default.createDirectory(atPath: target, withIntermediateDirectories: true)
        return target
    }

    /// Creates a symbolic link at `relative` pointing to `destination` (which need not exist).
    @discardableResult
    public func symlink(_ relative: String, to destination: String) throws -> String {
        let target = path(relative)
        try FileManager.default.createDirectory(atPath: (target as NSString).deletingLastPathComponent,
                                                withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: target, withDestinationPath: destination)
        return target
    }

    public func remove(_ relative: String) throws {
        try FileManager.default.removeItem(atPath: path(relative))
    }

    public func read(_ relative: String) throws -> Data {
        try Data(contentsOf: URL(fileURLWithPath: path(relative)))
    }

    public func exists(_ relative: String) -> Bool {
        FileManager.default.fileExists(atPath: path(relative))
    }

    /// Names of the entries directly inside `relative` ("" for the directory itself), sorted.
    public func contents(of relative: String = "") throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: relative.isEmpty ? path : path(relative)).sorted()
    }
}
