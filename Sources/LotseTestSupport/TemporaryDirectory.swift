import Foundation

/// A fresh, uniquely named directory under `NSTemporaryDirectory()`, deleted with everything in it when the
/// value goes away. Tests write article files into it and build indexes beside them.
public final class TemporaryDirectory: Sendable {
    /// Absolute path of the directory (no trailing slash).
    public let path: String

    public init(prefix: String = "lotse-test") throws {
        let base = (NSTemporaryDirectory() as NSString).standardizingPath
        path = (base as NSString).appendingPathComponent("\(prefix)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(atPath: path)
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
