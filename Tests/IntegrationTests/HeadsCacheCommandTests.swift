import Foundation
import Testing

/// `migrate heads` answered from the heads cache prints exactly what it
/// prints after building the graph, in every output form.
@Suite("Heads cache through the command")
struct HeadsCacheCommandTests {
    @Test func warmHeadsPrintWhatColdHeadsPrint() throws {
        let project = try CLIProject(.sqlite)
        try project.write("aa0000000001", upgrade: "SELECT 1;")
        try project.write("bb0000000002", revises: ["aa0000000001"], upgrade: "SELECT 1;", header: "-- Branch Labels: left\n")
        try project.write("cc0000000003", revises: ["aa0000000001"], upgrade: "SELECT 1;")
        try project.write(
            "dd0000000004", revises: ["aa0000000001", "cc0000000003"], message: "Merge", upgrade: "SELECT 1;",
            header: "-- Depends On: left\n")
        // Files are recorded only once their times are two seconds old.
        Thread.sleep(forTimeInterval: 2.2)
        let cache = project.folder + "/cache"
        let forms = [["heads"], ["heads", "--resolve-dependencies"], ["heads", "--verbose"], ["heads", "--format", "json"]]
        let cold = try forms.map { arguments in
            try? FileManager.default.removeItem(atPath: cache)
            return try CommandResult.run(arguments, in: project.folder, environment: ["XDG_CACHE_HOME": cache])
        }
        let recorded = try FileManager.default.contentsOfDirectory(atPath: cache + "/migrate")
        #expect(recorded.contains { $0.hasPrefix("heads-") }, "heads were not recorded: \(recorded)")
        let warm = try forms.map { try CommandResult.run($0, in: project.folder, environment: ["XDG_CACHE_HOME": cache]) }
        for (cold, warm) in zip(cold, warm) {
            #expect(cold.status == 0, "\(cold.stderr)")
            #expect(warm.stdout == cold.stdout)
            #expect(warm.stderr == cold.stderr)
        }
        #expect(
            cold[0].stdout
                == "aa0000000001 -> bb0000000002 (head) (left), Revision bb0000000002\n"
                + "(aa0000000001, cc0000000003) -> dd0000000004 (head) (mergepoint), Merge\n")
        #expect(cold[1].stdout == "(aa0000000001, cc0000000003) -> dd0000000004 (head) (mergepoint), Merge\n")
    }
}
