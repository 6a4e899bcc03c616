import Foundation
import Testing

@testable import MigrateKit

#if canImport(Glibc)
    import Glibc
#endif

/// Ctrl-C during `upgrade head --targets`: the running target is cancelled
/// as a single run is (its statement stopped, its transaction rolled back,
/// its lock released), no further target starts, the summary counts them as
/// not started, the exit code is 130, and the re-run finishes the fleet.
@Suite("Interrupting a fleet")
struct FleetInterruptTests {
    static let third = "f00000000003"

    @Test(arguments: TestBackend.allCases)
    func ctrlCStopsTheRunningTargetAndStartsNoOther(_ backend: TestBackend) throws {
        let fleet = try FleetProject(backend, tenants: ["alpha", "beta", "gamma"], extraConfig: "lock_timeout = 5")
        try fleet.writeTargetsFile()
        let long = try fleet.project.write(
            Self.third, revises: [FleetProject.second], message: "Long one", upgrade: LongStatement.sql(backend),
            downgrade: "")
        let watcher = try fleet.connect(fleet.tenants[0])
        defer { watcher.close() }

        let run = try RunningCommand(
            ["upgrade", "head", "--targets", "targets.txt", "--parallel", "1"], in: fleet.folder,
            environment: fleet.environment)
        if backend == .sqlite {
            // No server to ask: the first tenant's lock file shows its run has begun.
            let lock = (fleet.tenants[0].url.database ?? "") + ".migrate-lock"
            #expect(eventually(within: 30) { FileManager.default.fileExists(atPath: lock) })
            usleep(1_000_000)
        } else {
            #expect(try eventually(within: 30) { try LongStatement.isRunning(backend, on: watcher, output: nil) })
        }
        run.send(SIGINT)
        #expect(run.waitForExit(within: 20), "the fleet must end soon after Ctrl-C")
        #expect(run.exitCode == 130, "\(run.stdout)\(run.stderr)")
        #expect(run.stdout.contains("2 not started"), "\(run.stdout)")
        #expect(!run.stderr.contains("--continue-on-error"), "an interrupt is not a failure to go past: \(run.stderr)")
        #expect(run.stderr.contains("_alpha: error[run.interrupted]"), "\(run.stderr)")
        #expect(run.stderr.contains("Interrupted: started no further target (2 not started)"), "\(run.stderr)")
        if backend != .sqlite {
            #expect(try eventually(within: 3) { try !LongStatement.isRunning(backend, on: watcher, output: nil) })
        }
        // The running target rolled back what a transaction holds; the others never started.
        let first = try fleet.applied(fleet.tenants[0])
        // MySQL keeps what committed, and the long revision's row says 'applying'.
        #expect(first == (backend.dialect.hasTransactionalDDL ? [] : [FleetProject.first, FleetProject.second, Self.third]))
        #expect(try fleet.applied(fleet.tenants[1]).isEmpty)
        #expect(try fleet.applied(fleet.tenants[2]).isEmpty)

        // The re-run, without the long statement, upgrades every tenant to head.
        try String(contentsOfFile: long, encoding: .utf8).replacingOccurrences(of: LongStatement.sql(backend), with: "SELECT 1;")
            .write(toFile: long, atomically: true, encoding: .utf8)
        let rerun = try fleet.run("upgrade", "head", "--targets", "targets.txt")
        #expect(rerun.status == 0, "\(rerun.stdout)\(rerun.stderr)")
        for tenant in fleet.tenants {
            #expect(try fleet.applied(tenant) == [FleetProject.first, FleetProject.second, Self.third])
        }
    }
}
