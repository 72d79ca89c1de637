import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A plain TCP client for bytes no HTTP client would send.
enum RawConnection {
    /// Connects to 127.0.0.1:`port`, sends `bytes`, and waits up to `seconds` for the server to close the connection.
    /// Returns the seconds until it closed (nil: still open), and whatever the server sent meanwhile. The blocking
    /// socket calls run on a thread of their own: on Swift concurrency's few shared threads they would hold one
    /// that the server's handlers need, and under a loaded suite the server could not answer in time.
    static func waitForClose(port: Int, sending bytes: [UInt8], seconds: Int = 10) async throws -> (seconds: Double?, received: String) {
        try await withCheckedThrowingContinuation { continuation in
            Thread {
                continuation.resume(with: Result { try blockingWaitForClose(port: port, sending: bytes, seconds: seconds) })
            }.start()
        }
    }

    /// Whether the server has answered on `socket`, or closed it (nothing is consumed).
    static func hasAnswered(_ socket: Int32) -> Bool {
        var byte: UInt8 = 0
        return recv(socket, &byte, 1, Int32(MSG_DONTWAIT | MSG_PEEK)) >= 0
    }

    /// Whether `socket` is still open: what has arrived is read without waiting; a closed connection reads 0 bytes.
    static func isOpen(_ socket: Int32) -> Bool {
        var buffer = [UInt8](repeating: 0, count: 4_096)
        while true {
            let count = recv(socket, &buffer, buffer.count, Int32(MSG_DONTWAIT))
            if count > 0 { continue }
            return count < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)
        }
    }

    /// Connects to 127.0.0.1:`port` and sends `bytes`; the connection stays open (a request stalled halfway, say) until
    /// the caller closes the socket. Blocking, but brief: everything is sent before it returns.
    static func open(port: Int, sending bytes: [UInt8]) throws -> Int32 {
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socket >= 0 else { throw POSIXError(.EMFILE) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else {
            close(socket)
            throw POSIXError(.ECONNREFUSED)
        }
        var sent = 0
        while sent < bytes.count {
            let count = bytes[sent...].withUnsafeBytes { send(socket, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            guard count > 0 else { break }  // the server may close before reading everything
            sent += count
        }
        return socket
    }

    /// What the server answers on a connection `open` made, up to the end of the answer's head (the caller closes it).
    static func waitForHead(socket: Int32, seconds: Int = 10) async -> String {
        await withCheckedContinuation { continuation in
            Thread { continuation.resume(returning: blockingRead(socket, seconds: seconds, untilHead: true).received) }.start()
        }
    }

    private static func blockingWaitForClose(port: Int, sending bytes: [UInt8],
                                             seconds: Int) throws -> (seconds: Double?, received: String) {
        let socket = try open(port: port, sending: bytes)
        defer { close(socket) }
        return blockingRead(socket, seconds: seconds)
    }

    private static func blockingRead(_ socket: Int32, seconds: Int, untilHead: Bool = false) -> (seconds: Double?, received: String) {
        var timeout = timeval(tv_sec: seconds, tv_usec: 0)
        setsockopt(socket, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        let started = Date()
        var received: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4_096)
        while true {
            let count = recv(socket, &buffer, buffer.count, 0)
            if count > 0 {
                received += buffer[0..<count]
                if untilHead, received.firstRange(of: Array("\r\n\r\n".utf8)) != nil {
                    return (nil, String(decoding: received, as: UTF8.self))
                }
                continue
            }
            let seconds = count == 0 ? Date().timeIntervalSince(started) : nil  // < 0: timed out, still open
            return (seconds, String(decoding: received, as: UTF8.self))
        }
    }
}
