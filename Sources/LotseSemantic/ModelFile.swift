import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The converted encoder weights (scripts/convert_semantic_model.py): one little-endian file, memory-mapped
/// read-only, and the JSON manifest naming each tensor's offset and shape. The 65 MB embedding table is read row by
/// row with pread (`copyRows`), not through the mapping: a page fault maps the 64 KB around it (fault-around), so
/// after a few thousand texts most of the table was resident (24 of the server's 270 MB), for ~2 rows a piece.
final class ModelFile: @unchecked Sendable {
    struct Tensor: Decodable {
        var offset: Int
        var shape: [Int]
        var dtype: String
        var count: Int { shape.reduce(1, *) }
    }

    struct Manifest: Decodable {
        var format: String
        var eps: Double
        var chunks: Int
        var tensors: [String: Tensor]
        var wheel_sha256: String
    }

    let manifest: Manifest
    private let base: UnsafeRawPointer
    private let length: Int
    private let descriptor: Int32

    init(weightsPath: String, manifestPath: String) throws {
        let data = try Data(contentsOf: URL(fileURLWithPath: manifestPath))
        manifest = try JSONDecoder().decode(Manifest.self, from: data)
        guard manifest.format == "lotse-usem3-1" else { throw SemanticModelError.invalid("unknown format \(manifest.format)") }
        descriptor = open(weightsPath, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw SemanticModelError.missing(weightsPath) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else {
            close(descriptor)
            throw SemanticModelError.invalid("cannot stat \(weightsPath)")
        }
        length = Int(status.st_size)
        guard let mapped = mmap(nil, length, PROT_READ, MAP_PRIVATE, descriptor, 0), mapped != MAP_FAILED else {
            close(descriptor)
            throw SemanticModelError.invalid("cannot map \(weightsPath)")
        }
        base = UnsafeRawPointer(mapped)
        for (name, tensor) in manifest.tensors {
            let size = tensor.count * (tensor.dtype == "u8" ? 1 : 4)
            guard tensor.offset >= 0, tensor.offset + size <= length, tensor.offset % 64 == 0 else {
                throw SemanticModelError.invalid("tensor \(name) lies outside \(weightsPath)")
            }
        }
    }

    deinit {
        munmap(UnsafeMutableRawPointer(mutating: base), length)
        close(descriptor)
    }

    /// A float32 tensor with exactly `shape`.
    func floats(_ name: String, _ shape: [Int]) throws -> UnsafePointer<Float> {
        guard let tensor = manifest.tensors[name], tensor.dtype == "f32", tensor.shape == shape else {
            throw SemanticModelError.invalid("tensor \(name) missing or not float32 \(shape)")
        }
        return (base + tensor.offset).assumingMemoryBound(to: Float.self)
    }

    /// The rows of the uint8 tensor `name` (shape `[rows, width]`) for reading with `copyRows`.
    func rows(_ name: String, width: Int) throws -> (offset: Int, count: Int) {
        guard let tensor = manifest.tensors[name], tensor.dtype == "u8", tensor.shape.count == 2, tensor.shape[1] == width else {
            throw SemanticModelError.invalid("tensor \(name) missing or not uint8 [rows, \(width)]")
        }
        return (tensor.offset, tensor.shape[0])
    }

    /// Copies `bytes` bytes at `offset` of the file into `target` with pread; from the mapping if that fails.
    func copy(_ bytes: Int, at offset: Int, into target: UnsafeMutableRawPointer) {
        var done = 0
        while done < bytes {
            let read = pread(descriptor, target + done, bytes - done, off_t(offset + done))
            if read > 0 {
                done += read
            } else if read < 0, errno == EINTR {
                continue
            } else {
                target.copyMemory(from: base + offset, byteCount: bytes)
                return
            }
        }
    }

    /// Drops the mapped pages of tensor `name` from memory (touched again, they are read back from the file): for
    /// float32 weights the encoder keeps a bfloat16 copy of.
    func release(_ name: String) {
        guard let tensor = manifest.tensors[name] else { return }
        let page = Int(sysconf(Int32(_SC_PAGESIZE)))
        let start = (tensor.offset + page - 1) / page * page, end = (tensor.offset + tensor.count * 4) / page * page
        guard end > start else { return }
        madvise(UnsafeMutableRawPointer(mutating: base + start), end - start, MADV_DONTNEED)
    }
}

public enum SemanticModelError: Error, CustomStringConvertible {
    case missing(String)
    case invalid(String)

    public var description: String {
        switch self {
        case .missing(let path): "semantic model file missing: \(path)"
        case .invalid(let reason): "semantic model unusable: \(reason)"
        }
    }
}
