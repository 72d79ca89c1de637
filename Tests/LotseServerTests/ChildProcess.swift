import Foundation
import Glibc
import Synchronization

/// A child process started with `posix_spawn`, its output discarded. Foundation's `Process.run` on Linux over-reads
/// a directory entry while it closes inherited descriptors and crashed the test process now and then
/// (swift-corelibs-foundation pull request 5472, in Swift 6.3.1).
final class ChildProcess: Sendable {
    let pid: pid_t
    private let exited = Mutex(false)

    init(_ executable: String, _ arguments: [String]) throws {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let status = posix_spawn(&pid, executable, &actions, nil, argv, environ)
        guard status == 0 else { throw POSIXError(POSIXErrorCode(rawValue: status) ?? .EIO) }
        self.pid = pid
    }

    /// False once the child ended (and was reaped).
    var isRunning: Bool {
        exited.withLock { exited in
            if !exited {
                var status: Int32 = 0
                exited = waitpid(pid, &status, WNOHANG) == pid
            }
            return !exited
        }
    }

    /// SIGKILL and wait for the end; nothing when it already ended.
    func kill() {
        exited.withLock { exited in
            guard !exited else { return }
            _ = Glibc.kill(pid, SIGKILL)
            var status: Int32 = 0
            _ = waitpid(pid, &status, 0)
            exited = true
        }
    }
}
