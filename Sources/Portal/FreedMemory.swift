#if canImport(Glibc)
    import Glibc
#endif

/// How the portal's process hands freed memory back to the system. glibc's allocator keeps an
/// arena per thread that allocates at the same time (up to 8 per core), and by default learns from
/// the large blocks a program frees: a freed 2 MB body raises the size from which a block is mapped
/// on its own to 2 MB, and the free memory an arena keeps at its top to twice that — memory that
/// `malloc_trim` does not touch in the arenas of threads other than the main one. After bursts of
/// 2 MB uploads, each checked on a thread of its own, a dozen arenas each kept about 6 MB free at
/// their top (150–210 MB of resident memory in all, with a few MB in use). So the portal fixes both
/// thresholds at start, which also stops glibc from moving them: a block of `mmapThreshold` or more
/// (a body, a large array, a page) is mapped on its own and unmapped when freed, and an arena gives
/// back the free memory at its top past `trimThreshold`. Bounding the number of arenas as well was
/// measured and made it worse (threads sharing arenas interleave what they keep). When no check is
/// running, `trim` returns what is left free inside the heaps.
enum FreedMemory {
    static let mmapThreshold = 256 << 10
    static let trimThreshold = 1 << 20

    /// Fixes the allocator's thresholds: once, before the server takes requests.
    static func configure() {
        #if canImport(Glibc)
            // malloc.h, which the Glibc module does not export: M_TRIM_THRESHOLD -1, M_MMAP_THRESHOLD -3.
            guard let mallopt = symbol("mallopt", as: (@convention(c) (Int32, Int32) -> Int32).self) else { return }
            _ = mallopt(-3, Int32(mmapThreshold))
            _ = mallopt(-1, Int32(trimThreshold))
        #endif
    }

    /// Gives the free memory inside the heaps back to the system.
    static func trim() {
        #if canImport(Glibc)
            _ = mallocTrim?(0)
        #endif
    }

    #if canImport(Glibc)
        /// glibc's `malloc_trim`, looked up once.
        private static let mallocTrim = symbol("malloc_trim", as: (@convention(c) (Int) -> Int32).self)

        private static func symbol<Function>(_ name: String, as type: Function.Type) -> Function? {
            guard let address = dlsym(UnsafeMutableRawPointer(bitPattern: 0), name) else { return nil }
            return unsafeBitCast(address, to: type)
        }
    #endif
}
