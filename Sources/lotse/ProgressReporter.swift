import Foundation
import Glibc
import Synchronization

/// A progress bar on a terminal (standard error); a plain line per 25 % otherwise, so logs stay readable.
final class ProgressReporter: Sendable {
    private struct State {
        var lastQuarter = -1
        var drawn = false
    }

    private let state = Mutex(State())
    private let label: String
    private let isTerminal = isatty(STDERR_FILENO) == 1

    init(label: String) { self.label = label }

    func update(_ done: Int, of total: Int) {
        guard total > 0 else { return }
        state.withLock { state in
            if isTerminal {
                let width = 30
                let filled = done * width / total
                let bar = String(repeating: "█", count: filled) + String(repeating: "·", count: width - filled)
                printError("\r\(label) \(bar) \(done)/\(total)", newline: false)
                state.drawn = true
            } else {
                let quarter = done * 4 / total
                if quarter > state.lastQuarter, total >= 100 {
                    state.lastQuarter = quarter
                    printError("\(label): \(done)/\(total)")
                }
            }
        }
    }

    func finish() {
        state.withLock { state in
            if state.drawn { printError("\r\u{1B}[2K", newline: false) }
            state.drawn = false
        }
    }

    private func printError(_ message: String, newline: Bool = true) {
        FileHandle.standardError.write(Data((message + (newline ? "\n" : "")).utf8))
    }
}
