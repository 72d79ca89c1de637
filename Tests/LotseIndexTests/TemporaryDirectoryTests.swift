import Foundation
import Glibc
import Testing
@testable import LotseTestSupport

/// Test runs left hundreds of `lotse-workspace-*` folders in /tmp; a test's temporary folders must go with it.
struct TemporaryDirectoryTests {
    @Test func aDroppedWorkspaceTakesItsFolderWithIt() throws {
        var workspace: ArticleWorkspace? = try ArticleWorkspace(files: ArticleFixtures.markdownSet)
        try #require(workspace).build()
        let path = try #require(workspace).directory.path
        #expect(FileManager.default.fileExists(atPath: (path as NSString).appendingPathComponent("index/index.sqlite")))
        workspace = nil
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    /// What a killed run left is removed by the next one; what a running process (another test run) uses stays.
    @Test func foldersOfEndedProcessesAreRemoved() throws {
        let base = try TemporaryDirectory(prefix: "lotse-leftovers")
        let ended = try Self.endedProcessID()
        let left = "lotse-workspace-pid\(ended)-\(UUID().uuidString)"
        let kept = [
            "lotse-workspace-pid\(getpid())-\(UUID().uuidString)",  // a running process
            "lotse-workspace-\(UUID().uuidString)",  // no process id: made by an older version
            "other-pid\(ended)-\(UUID().uuidString)",  // not ours
        ]
        for name in [left] + kept { try base.makeDirectory(name + "/index") }
        #expect(TemporaryDirectory.processID(inName: left) == ended)
        TemporaryDirectory.removeLeftovers(in: base.path)
        #expect(try base.contents() == kept.sorted())
    }

    /// The id of a process that ran and was waited for, so no process has it (until the system reuses it).
    static func endedProcessID() throws -> pid_t {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/true")
        try process.run()
        process.waitUntilExit()
        return process.processIdentifier
    }
}
