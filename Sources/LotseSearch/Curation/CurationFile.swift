import Foundation

/// Why an operator's curation file (`--synonyms`, `--pins`) was refused: `file:line: reason` (line 0 when the
/// problem is the whole file). A refused file changes nothing; the previous version stays in effect.
public struct CurationFileError: Error, CustomStringConvertible, Sendable, Equatable {
    public var file: String
    public var line: Int
    public var reason: String

    public init(file: String, line: Int, reason: String) {
        self.file = file
        self.line = line
        self.reason = reason
    }

    public var description: String { line > 0 ? "\(file):\(line): \(reason)" : "\(file): \(reason)" }
}

/// Reading a curation file within bounds: an operator's typo (the wrong path, a log file) must not fill the
/// memory of a running server, so size, encoding and control characters are checked before anything is parsed.
enum CurationFile {
    /// Far above any hand-written list (the built-in synonyms are 2 KB; 10,000 pins are about 1 MB).
    static let maximumBytes = 2 << 20

    /// The file's text; refused when larger than `maximumBytes`, not UTF-8, or holding control characters
    /// other than tab, line feed and carriage return (a NUL byte is a binary file, not a list).
    static func read(_ path: String) throws(CurationFileError) -> String {
        // Opening a FIFO or a device would wait for a writer, and hold the curation watcher with it.
        if let values = try? URL(fileURLWithPath: path).resourceValues(forKeys: [.isRegularFileKey]), values.isRegularFile == false {
            throw CurationFileError(file: path, line: 0, reason: "not a regular file (a pipe, device or folder)")
        }
        let bytes: Data
        do {
            let handle = try FileHandle(forReadingFrom: URL(fileURLWithPath: path))
            defer { try? handle.close() }
            bytes = try handle.read(upToCount: maximumBytes + 1) ?? Data()
        } catch {
            throw CurationFileError(file: path, line: 0, reason: "cannot be read (\(error.localizedDescription))")
        }
        guard bytes.count <= maximumBytes else {
            throw CurationFileError(file: path, line: 0, reason: "larger than \(maximumBytes >> 20) MiB; not a curation file")
        }
        var line = 1
        for byte in bytes {
            if byte == 0x0A { line += 1 } else if byte < 0x20 && byte != 0x09 && byte != 0x0D || byte == 0x7F {
                throw CurationFileError(file: path, line: line, reason: "control character 0x\(String(byte, radix: 16)) (not a text file)")
            }
        }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw CurationFileError(file: path, line: firstInvalidLine(bytes), reason: "not valid UTF-8")
        }
        return text
    }

    /// The line of the first byte sequence that is not UTF-8.
    private static func firstInvalidLine(_ bytes: Data) -> Int {
        var line = 1, start = bytes.startIndex
        for index in bytes.indices where bytes[index] == 0x0A {
            guard String(validating: bytes[start..<index], as: UTF8.self) != nil else { return line }
            line += 1
            start = index + 1
        }
        return line
    }
}
