import Foundation

/// Runs libFuzzer over `callback`: each target calls this from its own top-level code, since SwiftPM
/// names an executable's entry point itself and libFuzzer's `main` cannot be used.
public func runFuzzer(_ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt) -> Never {
    var arguments = CommandLine.argc
    var vector = CommandLine.unsafeArgv
    exit(LLVMFuzzerRunDriver(&arguments, &vector, callback))
}

// swift-format-ignore: AlwaysUseLowerCamelCase
// The name is libFuzzer's C symbol.
@_silgen_name("LLVMFuzzerRunDriver")
private func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<CInt>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
) -> CInt

/// `precondition` loses its message in an optimised build; this keeps it in the crash report.
public func require(_ condition: Bool, _ message: @autoclosure () -> String) {
    if !condition { fatalError(message()) }
}

/// The bytes libFuzzer hands over.
public func input(_ data: UnsafePointer<UInt8>?, _ size: Int) -> [UInt8] {
    data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
}
