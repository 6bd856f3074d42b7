import Foundation

/// Output for people: colour and progress only when the stream is a terminal.
enum Terminal {
    static let stdoutIsTTY = isatty(STDOUT_FILENO) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
    static let stderrIsTTY = isatty(STDERR_FILENO) == 1

    enum Color: String {
        case green = "32", red = "31", yellow = "33", dim = "2", bold = "1", cyan = "36"
    }

    static func paint(_ s: String, _ c: Color) -> String {
        stdoutIsTTY ? "\u{1B}[\(c.rawValue)m\(s)\u{1B}[0m" : s
    }

    static func err(_ s: String) {
        FileHandle.standardError.write(Data((s + "\n").utf8))
    }

    /// Visible width, ignoring ANSI escapes.
    static func width(_ s: String) -> Int {
        var n = 0, inEscape = false
        for ch in s.unicodeScalars {
            if inEscape { if ch == "m" { inEscape = false }; continue }
            if ch == "\u{1B}" { inEscape = true; continue }
            n += 1
        }
        return n
    }

    /// A table with a header, columns padded; `rightAligned` columns are numbers.
    static func table(_ header: [String], _ rows: [[String]], rightAligned: Set<Int> = []) -> String {
        var widths = header.map(width)
        for r in rows { for (i, c) in r.enumerated() where i < widths.count { widths[i] = max(widths[i], width(c)) } }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { i, c in
                let pad = String(repeating: " ", count: max(0, widths[i] - width(c)))
                return rightAligned.contains(i) ? pad + c : c + pad
            }.joined(separator: "  ").replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression)
        }
        var out = [paint(line(header), .bold)]
        out.append(widths.map { String(repeating: "─", count: $0) }.joined(separator: "  "))
        out += rows.map(line)
        return out.joined(separator: "\n")
    }

    /// 1234567 → "1 234 567".
    static func grouped(_ n: Int) -> String {
        let s = String(abs(n))
        var out = ""
        for (i, ch) in s.reversed().enumerated() {
            if i > 0, i % 3 == 0 { out.append(" ") }
            out.append(ch)
        }
        return (n < 0 ? "-" : "") + String(out.reversed())
    }
}

/// A one-line progress display on standard error (a terminal only).
final class ProgressLine: @unchecked Sendable {
    // @unchecked: the lock guards every mutable field.
    private let lock = NSLock()
    private let enabled: Bool
    private var started = Date()
    private var lastDraw = Date.distantPast
    private var fileStarted = Date()
    private var currentFile = ""

    init(enabled: Bool) { self.enabled = enabled && Terminal.stderrIsTTY }

    func update(file: String, rows: Int, done: Bool) {
        guard enabled else { return }
        lock.lock(); defer { lock.unlock() }
        if file != currentFile { currentFile = file; fileStarted = Date() }
        let now = Date()
        guard done || now.timeIntervalSince(lastDraw) > 0.1 else { return }
        lastDraw = now
        let secs = max(now.timeIntervalSince(fileStarted), 0.001)
        let rate = Int(Double(rows) / secs)
        let text = "\(file.padding(toLength: 20, withPad: " ", startingAt: 0)) \(Terminal.grouped(rows)) rows  \(Terminal.grouped(rate)) rows/s"
        FileHandle.standardError.write(Data("\r\u{1B}[2K\(text)\(done ? "\n" : "")".utf8))
    }

    func clear() {
        guard enabled else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[2K".utf8))
    }
}
