import Foundation
import LotseAnalysis
import Synchronization

/// An article file found under the articles directory, read once, with its content hash.
struct SourceFile {
    /// Path relative to the articles directory: the key for incremental builds.
    var relativePath: String
    /// Path as shown in messages (articles directory joined with the relative path).
    var displayPath: String
    var data: Data
    var hash: String

    /// Every article file below `directory` (hidden files and folders skipped), sorted by path.
    /// The largest article file (the sample help center's largest is 14 KB).
    static let maximumBytes = 8 << 20

    static func scan(directory: String) throws -> (files: [SourceFile], unreadable: [ArticleParseError]) {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw IndexError.articlesDirectoryMissing(path: directory)
        }
        let root = URL(fileURLWithPath: directory).standardizedFileURL
        let enumerator = FileManager.default.enumerator(
            at: root, includingPropertiesForKeys: [.isDirectoryKey], options: [.skipsHiddenFiles])
        var found: [(url: URL, relative: String, isLink: Bool)] = []
        while let url = enumerator?.nextObject() as? URL {
            // A folder named like an article is a folder; a symlink is read as a file (a dangling one is reported
            // as unreadable).
            guard ArticleParser.isArticle(url), let type = fileType(url), type != S_IFDIR else { continue }
            found.append((url, String(url.standardizedFileURL.path.dropFirst(root.path.count + 1)), type == S_IFLNK))
        }
        let folder = realPath(root.path) ?? root.path
        let paths = found.sorted { $0.relative < $1.relative }
        // Reading and hashing on all cores: on one thread it is a noticeable part of a large build.
        let outcomes = Mutex([Result<SourceFile, ArticleParseError>?](repeating: nil, count: paths.count))
        DispatchQueue.concurrentPerform(iterations: paths.count) { index in
            let (url, relative, isLink) = paths[index]
            let outcome = read(url, relative: relative, display: (directory as NSString).appendingPathComponent(relative),
                               isLink: isLink, folder: folder)
            outcomes.withLock { $0[index] = outcome }
        }
        var files: [SourceFile] = []
        var unreadable: [ArticleParseError] = []
        for outcome in outcomes.withLock({ $0 }) {
            switch outcome {
            case .success(let file): files.append(file)
            case .failure(let error): unreadable.append(error)
            case nil: break
            }
        }
        return (files, unreadable)
    }

    private static func read(_ url: URL, relative: String, display: String, isLink: Bool,
                             folder: String) -> Result<SourceFile, ArticleParseError> {
        // A `.env` or shell file whose first line is a `# comment` reads as an article with a title: a link out of
        // the folder could publish the server's secrets.
        if isLink, let target = realPath(url.path), !target.hasPrefix(folder + "/") {
            return .failure(ArticleParseError(file: display, reason: "a symbolic link to \(target), outside the articles folder"))
        }
        do {
            let data = try Data(contentsOf: url)
            // A log or a database export saved as `.md` would cost a minute and gigabytes to index, for nobody to read.
            guard data.count <= maximumBytes else {
                return .failure(ArticleParseError(file: display, reason: "\(data.count >> 20) MiB: larger than an article may be "
                    + "(\(maximumBytes >> 20) MiB); split it or leave it out"))
            }
            var hash = StableHash()
            hash.add(bytes: data)
            return .success(SourceFile(relativePath: relative, displayPath: display, data: data, hash: hash.hex))
        } catch {
            return .failure(ArticleParseError(file: display, reason: "unreadable: \(error.localizedDescription)"))
        }
    }

    /// The type of `url` itself (a symlink is not followed; `S_IFDIR`, `S_IFLNK`, …), nil when it is gone. One `lstat`:
    /// Foundation's `resourceValues(forKeys:)` dominated a no-op build's CPU on Linux.
    private static func fileType(_ url: URL) -> mode_t? {
        var status = stat()
        return lstat(url.path, &status) == 0 ? status.st_mode & S_IFMT : nil
    }

    /// `path` with every symbolic link resolved; nil when it leads nowhere.
    private static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
