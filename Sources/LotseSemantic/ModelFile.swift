import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The converted encoder weights (scripts/convert_semantic_model.py): one little-endian file, memory-mapped
/// read-only, and the JSON manifest naming each tensor's offset and shape. Pages of the 65 MB embedding table
/// are read only for the pieces a text uses.
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

    init(weightsPath: String, manifestPath: String) throws {
        let data = try Data(contentsOf: URL(fileURLWithPath: manifestPath))
        manifest = try JSONDecoder().decode(Manifest.self, from: data)
        guard manifest.format == "lotse-usem3-1" else { throw SemanticModelError.invalid("unknown format \(manifest.format)") }
        let descriptor = open(weightsPath, O_RDONLY)
        guard descriptor >= 0 else { throw SemanticModelError.missing(weightsPath) }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw SemanticModelError.invalid("cannot stat \(weightsPath)") }
        length = Int(status.st_size)
        guard let mapped = mmap(nil, length, PROT_READ, MAP_PRIVATE, descriptor, 0), mapped != MAP_FAILED else {
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

    deinit { munmap(UnsafeMutableRawPointer(mutating: base), length) }

    /// A float32 tensor with exactly `shape`.
    func floats(_ name: String, _ shape: [Int]) throws -> UnsafePointer<Float> {
        guard let tensor = manifest.tensors[name], tensor.dtype == "f32", tensor.shape == shape else {
            throw SemanticModelError.invalid("tensor \(name) missing or not float32 \(shape)")
        }
        return (base + tensor.offset).assumingMemoryBound(to: Float.self)
    }

    func bytes(_ name: String, _ shape: [Int]) throws -> UnsafePointer<UInt8> {
        guard let tensor = manifest.tensors[name], tensor.dtype == "u8", tensor.shape == shape else {
            throw SemanticModelError.invalid("tensor \(name) missing or not uint8 \(shape)")
        }
        return (base + tensor.offset).assumingMemoryBound(to: UInt8.self)
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
