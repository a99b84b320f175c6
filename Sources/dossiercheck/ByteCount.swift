import ArgumentParser
import Checking

/// `--max-file-size 16MiB`, `--max-body-size 2MiB`: a byte count on the command line.
extension ByteCount: ExpressibleByArgument {
    public static var defaultCompletionKind: CompletionKind { .default }
}
