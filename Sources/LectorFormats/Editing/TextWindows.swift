import Foundation
import LectorText

/// Cuts a large plain-text or Markdown file into windows of about a given size that check as the
/// whole file does: every finding of the whole is a finding of exactly one window, at the same
/// place once the window's offsets are added. Windows are checked on all cores and in bounded
/// memory (`Checker.checkWindows`).
///
/// Where a cut is safe depends on the format:
/// - plain text: after any line break. Glossary matches, sentences, quotation pairs, URL and path
///   tokens and suppression directives all end at a line break;
/// - Markdown: at `MarkdownText.cutPoints`, starts of top-level blocks after a blank line, so that
///   no paragraph, code block, comment or list is split.
///
/// `protected` ranges are never cut inside (suppression regions, whose directive and the lines it
/// covers must be in one window). A cut is never placed before a U+FEFF, which a window would read
/// as a byte-order mark.
public enum TextWindows {
    /// The formats that can be cut: plain text and Markdown (by the file's extension); `nil` for
    /// HTML and bilingual files, which are checked whole.
    public enum Format: Sendable {
        case plain
        case markdown
    }

    public static func format(ofPath path: String) -> Format? {
        if BilingualFileLoader.isBilingual(path: path) || BilingualFileLoader.isResourceOrCatalog(path: path) { return nil }
        switch MarkupFormat(path: path) {
        case nil: return .plain
        case .markdown?: return .markdown
        case .html?: return nil
        }
    }

    /// Consecutive byte ranges covering `bytes`, each at least `size` bytes (but the last) and
    /// ending at a safe cut; one range when there is no safe cut.
    /// - Parameter protected: byte ranges, in increasing order, that no cut may fall strictly inside.
    public static func windows(in bytes: UnsafeBufferPointer<UInt8>, format: Format, size: Int,
                               protected: [Range<Int>] = []) -> [Range<Int>] {
        let size = max(1, size)
        guard bytes.count > size else { return [0..<bytes.count] }
        var protectedIndex = 0
        func allowed(_ cut: Int) -> Bool {
            guard cut > 0, cut < bytes.count else { return false }
            if cut + 3 <= bytes.count, bytes[cut] == 0xEF, bytes[cut + 1] == 0xBB, bytes[cut + 2] == 0xBF { return false }
            // Cuts are asked about in increasing order.
            while protectedIndex < protected.count, protected[protectedIndex].upperBound <= cut { protectedIndex += 1 }
            var index = protectedIndex
            while index < protected.count, protected[index].lowerBound < cut {
                if protected[index].contains(cut), protected[index].lowerBound != cut { return false }
                index += 1
            }
            return true
        }
        var windows: [Range<Int>] = []
        var start = 0
        switch format {
        case .plain:
            guard let base = bytes.baseAddress else { return [0..<bytes.count] }
            while bytes.count - start > size {
                var position = start + size - 1
                var cut: Int?
                while position < bytes.count {
                    guard let found = memchr(base + position, 0x0A, bytes.count - position) else { break }
                    let newline = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
                    if allowed(newline + 1) {
                        cut = newline + 1
                        break
                    }
                    position = newline + 1
                }
                guard let cut else { break }
                windows.append(start..<cut)
                start = cut
            }
        case .markdown:
            var next = start + size
            MarkdownText.cutPoints(in: bytes) { point in
                guard point >= next, allowed(point) else { return }
                windows.append(start..<point)
                start = point
                next = point + size
            }
        }
        if start < bytes.count || windows.isEmpty { windows.append(start..<bytes.count) }
        return windows
    }
}

/// A file's bytes mapped into memory read-only: a large file is read by the pages the checker
/// touches, and pages already checked can be given back (`release`).
///
/// A file cut short while it is mapped would make the next read of a page past its new end a
/// SIGBUS, a crash. While a `MappedFile` lives, such a fault inside its mapping ends the process
/// instead with exit status 2 and `lector: error: PATH: the file was truncated while it was being
/// read` on standard error (`MappingGuard`); a fault anywhere else still crashes as before.
public final class MappedFile: @unchecked Sendable {
    public let bytes: UnsafeBufferPointer<UInt8>
    private let mapping: UnsafeMutableRawPointer?
    private let length: Int

    /// Maps a regular file; `nil` for anything else (a pipe, a device, an empty or unreadable
    /// file), which the caller reads the ordinary way.
    public init?(path: String) {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG, status.st_size > 0 else { return nil }
        length = Int(status.st_size)
        guard let pointer = mmap(nil, length, PROT_READ, MAP_PRIVATE, descriptor, 0), pointer != MAP_FAILED else { return nil }
        mapping = pointer
        bytes = UnsafeBufferPointer(start: pointer.assumingMemoryBound(to: UInt8.self), count: length)
        _ = madvise(pointer, length, MADV_SEQUENTIAL)
        slot = MappingGuard.register(start: pointer, length: length,
                                     message: "lector: error: \(path): the file was truncated while it was being read\n")
    }

    private var slot: Int?

    /// Tells the kernel a byte range will not be read again, so its pages leave this process's
    /// resident memory (they stay in the page cache); reading them again would fault them back in.
    public func release(_ range: Range<Int>) {
        guard let mapping else { return }
        let page = Int(sysconf(Int32(_SC_PAGESIZE)))
        let start = (range.lowerBound + page - 1) / page * page
        let end = range.upperBound == length ? length : range.upperBound / page * page
        guard end > start else { return }
        _ = madvise(mapping + start, end - start, MADV_DONTNEED)
    }

    deinit {
        if let slot { MappingGuard.unregister(slot) }
        if let mapping { munmap(mapping, length) }
    }
}

/// The SIGBUS handler of `MappedFile`: a fixed table of the live mappings, each with the message
/// to write when a page of it can no longer be read. The handler only reads the table and calls
/// `write` and `_exit`, which are safe in a signal handler; the table is allocated once, before
/// the handler is installed, and slots are filled before their mapping is read.
enum MappingGuard {
    struct Slot {
        var start: UInt = 0
        var end: UInt = 0
        var message: UnsafeMutablePointer<UInt8>?
        var messageLength = 0
    }

    static let capacity = 64
    nonisolated(unsafe) static let slots: UnsafeMutablePointer<Slot> = {
        let slots = UnsafeMutablePointer<Slot>.allocate(capacity: capacity)
        slots.initialize(repeating: Slot(), count: capacity)
        return slots
    }()
    /// The handler before ours (the Swift runtime's backtracer, or the default), for faults elsewhere.
    nonisolated(unsafe) static let previous = UnsafeMutablePointer<sigaction>.allocate(capacity: 1)
    private static let lock = NSLock()
    private static let installed: Void = {
        _ = slots
        previous.initialize(to: sigaction())
        var action = sigaction()
        action.__sigaction_handler.sa_sigaction = mappingFault
        action.sa_flags = SA_SIGINFO
        sigemptyset(&action.sa_mask)
        sigaction(SIGBUS, &action, previous)
    }()

    /// Fills a free slot; `nil` when all are taken (the mapping then is unguarded, as before).
    static func register(start: UnsafeMutableRawPointer, length: Int, message: String) -> Int? {
        _ = installed
        lock.lock()
        defer { lock.unlock() }
        for index in 0..<capacity where slots[index].message == nil {
            let bytes = Array(message.utf8)
            let copy = UnsafeMutablePointer<UInt8>.allocate(capacity: bytes.count)
            copy.initialize(from: bytes, count: bytes.count)
            let address = UInt(bitPattern: start)
            slots[index].start = address
            slots[index].end = address + UInt(length)
            slots[index].messageLength = bytes.count
            slots[index].message = copy
            return index
        }
        return nil
    }

    static func unregister(_ index: Int) {
        lock.lock()
        defer { lock.unlock() }
        let message = slots[index].message
        slots[index] = Slot()
        message?.deallocate()
    }
}

private func mappingFault(_ number: Int32, _ info: UnsafeMutablePointer<siginfo_t>?, _ context: UnsafeMutableRawPointer?) {
    let address = info.map { UInt(bitPattern: $0.pointee._sifields._sigfault.si_addr) } ?? 0
    for index in 0..<MappingGuard.capacity {
        let slot = MappingGuard.slots[index]
        if let message = slot.message, address >= slot.start, address < slot.end {
            _ = write(STDERR_FILENO, message, slot.messageLength)
            _exit(2)
        }
    }
    // Not a mapped input: the handler before ours takes the fault when the faulting instruction
    // runs again.
    sigaction(SIGBUS, MappingGuard.previous, nil)
}
