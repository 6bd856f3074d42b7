import ArgumentParser
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads a password: from standard input (`--password-stdin`, first line) or from a prompt on the
/// terminal with echo off, typed twice when setting one.
enum PasswordInput {
    static func read(fromStdin: Bool, confirm: Bool) throws -> String {
        if fromStdin {
            guard let line = readLine(strippingNewline: true), !line.isEmpty else {
                throw ValidationError("--password-stdin: standard input has no password on its first line.")
            }
            return line
        }
        guard isatty(STDIN_FILENO) == 1 else {
            throw ValidationError("No terminal to ask for the password: pipe it in with --password-stdin.")
        }
        let first = try prompt("Password: ")
        if confirm {
            let again = try prompt("Again: ")
            guard again == first else { throw ValidationError("The two passwords differ; nothing was changed.") }
        }
        return first
    }

    private static func prompt(_ text: String) throws -> String {
        FileHandle.standardError.write(Data(text.utf8))
        var old = termios()
        tcgetattr(STDIN_FILENO, &old)
        var silent = old
        silent.c_lflag &= ~tcflag_t(ECHO)
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &silent)
        defer {
            tcsetattr(STDIN_FILENO, TCSAFLUSH, &old)
            FileHandle.standardError.write(Data("\n".utf8))
        }
        guard let line = readLine(strippingNewline: true) else { throw ValidationError("No password was typed.") }
        return line
    }
}
