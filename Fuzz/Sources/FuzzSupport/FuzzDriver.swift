import Foundation

@_silgen_name("LLVMFuzzerRunDriver")
private func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<CInt>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt) -> CInt

/// Hands the command line to libFuzzer, which calls `body` with every input it generates. A property that does not
/// hold must call `FuzzDriver.fail`, which aborts so libFuzzer saves the input as a crash file.
public enum FuzzDriver {
    public static func run(_ body: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt) -> Never {
        var argc = CommandLine.argc
        var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
        exit(LLVMFuzzerRunDriver(&argc, &argv, body))
    }

    public static func fail(_ message: String, input: some Collection<UInt8>) -> Never {
        let escaped = String(decoding: input, as: UTF8.self).debugDescription.prefix(500)
        FileHandle.standardError.write(Data("property violated: \(message)\ninput: \(escaped)\n".utf8))
        abort()
    }
}
