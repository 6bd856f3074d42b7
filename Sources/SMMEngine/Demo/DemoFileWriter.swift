import Foundation

/// A text prepared for CSV once, so composing a cell from pieces is a copy of bytes:
/// `bytes` holds the UTF-8 with every `"` doubled, `needsQuotes` whether a cell holding it
/// must be quoted (RFC 4180: a comma, a quote, CR or LF).
struct DemoPhrase {
    let bytes: [UInt8]
    let needsQuotes: Bool

    init(_ text: String) {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        var quote = false
        for b in text.utf8 {
            switch b {
            case UInt8(ascii: "\""):
                out.append(b)
                quote = true
            case UInt8(ascii: ","), 10, 13: quote = true
            default: break
            }
            out.append(b)
        }
        bytes = out
        needsQuotes = quote
    }

    static let empty = DemoPhrase("")
}

/// Streams one CSV file through a 1 MB buffer: fields are appended as bytes, the buffer is
/// written to the file handle whenever it fills. Memory stays flat whatever the row count.
///
/// Errors of the file system are kept and thrown by `close()`, so the many small append
/// calls of a row need not throw.
final class DemoFileWriter {
    let name: String
    private let handle: FileHandle
    private let capacity = 1 << 20
    private let buffer: UnsafeMutablePointer<UInt8>
    private var count = 0
    private var failure: (any Error)?
    private(set) var rows = 0

    init(url: URL, header: [String]) throws {
        name = url.lastPathComponent
        guard FileManager.default.createFile(atPath: url.path, contents: nil) else {
            throw DemoError.cannotWrite(path: url.path)
        }
        handle = try FileHandle(forWritingTo: url)
        buffer = .allocate(capacity: capacity + 65536)
        for (i, name) in header.enumerated() {
            if i > 0 { comma() }
            plain(name)
        }
        byte(10)
    }

    deinit { buffer.deallocate() }

    // MARK: - Bytes

    @inline(__always) func byte(_ b: UInt8) {
        buffer[count] = b
        count += 1
    }

    @inline(__always) func comma() { byte(UInt8(ascii: ",")) }

    /// Ends a row; flushes when the buffer is nearly full (every row is far below the slack).
    @inline(__always) func endRow() {
        byte(10)
        rows += 1
        if count >= capacity { flush() }
    }

    func bytes(_ a: [UInt8]) {
        if count + a.count > capacity + 32768 { flush() }
        if a.count > capacity {
            write(Data(a))
            return
        }
        a.withUnsafeBufferPointer { src in
            (buffer + count).update(from: src.baseAddress!, count: src.count)
        }
        count += a.count
    }

    /// An ASCII literal that needs no quoting (enumeration values, fixed words).
    @inline(__always) func ascii(_ s: StaticString) {
        let n = s.utf8CodeUnitCount
        (buffer + count).update(from: s.utf8Start, count: n)
        count += n
    }

    /// Text known to need no quoting (ids, names built from safe parts).
    func plain(_ s: String) {
        var s = s
        s.withUTF8 { bytes(Array($0)) }
    }

    // MARK: - Cells

    /// Any text, quoted when RFC 4180 requires it.
    func text(_ s: String) { phrase(DemoPhrase(s)) }

    @inline(__always) func phrase(_ p: DemoPhrase) {
        if p.needsQuotes { byte(34) }
        bytes(p.bytes)
        if p.needsQuotes { byte(34) }
    }

    /// One cell made of several prepared pieces.
    func phrases(_ a: DemoPhrase, _ b: DemoPhrase, _ c: DemoPhrase = .empty, _ d: DemoPhrase = .empty) {
        let q = a.needsQuotes || b.needsQuotes || c.needsQuotes || d.needsQuotes
        if q { byte(34) }
        bytes(a.bytes)
        bytes(b.bytes)
        if !c.bytes.isEmpty { bytes(c.bytes) }
        if !d.bytes.isEmpty { bytes(d.bytes) }
        if q { byte(34) }
    }

    /// A non-negative or negative integer.
    func int(_ v: Int) {
        var v = v
        if v < 0 {
            byte(UInt8(ascii: "-"))
            v = -v
        }
        if v < 10 {
            byte(48 + UInt8(v))
            return
        }
        var tmp: (UInt64, UInt64, UInt64) = (0, 0, 0)  // 24 bytes of scratch, no allocation
        withUnsafeMutableBytes(of: &tmp) { raw in
            var i = 24
            while v > 0 {
                i -= 1
                raw[i] = 48 + UInt8(v % 10)
                v /= 10
            }
            for j in i..<24 { byte(raw[j]) }
        }
    }

    /// Two-digit zero-padded number (times of day).
    @inline(__always) func twoDigits(_ v: Int) {
        byte(48 + UInt8(v / 10))
        byte(48 + UInt8(v % 10))
    }

    /// Money from integer minor units: `-1234.05`; never through floating point.
    func money(minor: Int) {
        var v = minor
        if v < 0 {
            byte(UInt8(ascii: "-"))
            v = -v
        }
        int(v / 100)
        byte(UInt8(ascii: "."))
        twoDigits(v % 100)
    }

    /// A share 0–1 from thousandths: `0.345`, `1.000`.
    func thousandths(_ v: Int) {
        int(v / 1000)
        byte(UInt8(ascii: "."))
        let f = v % 1000
        byte(48 + UInt8(f / 100))
        twoDigits(f % 100)
    }

    /// Hours from quarter hours: `2`, `1.5`, `0.25`, `3.75`.
    func quarterHours(_ q: Int) {
        int(q / 4)
        switch q % 4 {
        case 1: ascii(".25")
        case 2: ascii(".5")
        case 3: ascii(".75")
        default: break
        }
    }

    // MARK: - File

    func flush() {
        guard count > 0 else { return }
        write(Data(bytesNoCopy: buffer, count: count, deallocator: .none))
        count = 0
    }

    private func write(_ data: Data) {
        guard failure == nil else { return }
        do { try handle.write(contentsOf: data) } catch { failure = error }
    }

    func close() throws {
        flush()
        try handle.close()
        if let failure { throw failure }
    }
}

/// Why a demo bundle could not be written.
package enum DemoError: Error, Equatable, LocalizedError {
    case unknownTimeZone(String)
    case cannotWrite(path: String)
    case badSize(String)

    package var errorDescription: String? {
        switch self {
        case .unknownTimeZone(let name):
            return "“\(name)” is not an IANA time zone; use a name like Europe/Moscow or UTC."
        case .cannotWrite(let path):
            return "Cannot create \(path); check that the folder exists and is writable."
        case .badSize(let what):
            return "The demo bundle needs \(what)."
        }
    }
}
