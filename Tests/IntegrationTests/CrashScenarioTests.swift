import Foundation
import Testing

/// `migrate upgrade head` killed with SIGKILL in the middle of a long
/// revision, then run again.
@Suite("Crash safety")
struct CrashScenarioTests {
    @Test(arguments: TestBackend.allCases)
    func killedUpgradeRecovers(_ backend: TestBackend) throws {
        let project = try CLIProject(backend, extraConfig: "lock_timeout = 30")
        try project.write("k00000000001", upgrade: "CREATE TABLE before_t (id INTEGER);", downgrade: "DROP TABLE before_t;")
        let slow: String =
            switch backend {
            case .postgresql: "SELECT pg_sleep(3);"
            case .mysql: "SELECT SLEEP(3);"
            case .sqlite:
                "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 100000000) SELECT count(*) FROM c;"
            }
        try project.write(
            "k00000000002", revises: ["k00000000001"], message: "Long one",
            upgrade: "CREATE TABLE during_t (id INTEGER);\n\(slow)\nCREATE TABLE after_t (id INTEGER);",
            downgrade: "DROP TABLE after_t;\nDROP TABLE during_t;")

        let process = try Self.start(["upgrade", "head"], in: project.folder)
        let deadline = Date().addingTimeInterval(30)
        while !(process.output().contains("Long one")) && Date() < deadline { usleep(20_000) }
        #expect(process.output().contains("Running upgrade k00000000001 -> k00000000002 (Long one) ..."))
        usleep(300_000)
        kill(process.process.processIdentifier, SIGKILL)
        process.process.waitUntilExit()

        let rerun = try project.run("upgrade", "head")
        if backend.dialect.hasTransactionalDDL {
            #expect(rerun.status == 0, "\(rerun.stderr)")
            #expect(rerun.stdout.contains("Running upgrade <base> -> k00000000001"), "the killed run committed nothing")
            #expect(try project.versionRows() == ["k00000000001:applied", "k00000000002:applied"])
            #expect(try project.tableExists("after_t"))
        } else {
            // The killed revision resumes at the statement that was running.
            #expect(rerun.status == 0, "\(rerun.stderr)")
            #expect(
                rerun.stdout.contains("Resuming upgrade k00000000001 -> k00000000002 (Long one) at statement 2 of 3"), "\(rerun.stdout)")
            #expect(try project.versionRows() == ["k00000000001:applied", "k00000000002:applied"])
            #expect(try project.tableExists("during_t") && project.tableExists("after_t"))
        }
        // No lock is left held: a locked command finishes well within lock_timeout.
        let stamp = try project.run("stamp", "k00000000002")
        #expect(stamp.status == 0, "\(stamp.stderr)")
        #expect(try project.versionRows() == ["k00000000001:applied", "k00000000002:applied"])
    }

    struct Running {
        var process: Process
        var outPath: String
        func output() -> String {
            String(decoding: FileManager.default.contents(atPath: outPath) ?? Data(), as: UTF8.self)
        }
    }

    static func start(_ arguments: [String], in folder: String) throws -> Running {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: CommandResult.binary)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: folder)
        var environment = ProcessInfo.processInfo.environment
        environment.removeValue(forKey: "DATABASE_URL")
        process.environment = environment
        let outPath = folder + "/killed.out"
        _ = FileManager.default.createFile(atPath: outPath, contents: nil)
        process.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: outPath))
        process.standardError = FileHandle.nullDevice
        try process.run()
        return Running(process: process, outPath: outPath)
    }
}
