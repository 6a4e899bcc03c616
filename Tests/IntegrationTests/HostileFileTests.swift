import Foundation
import Testing

/// Files in `versions/` that are not what they seem: a FIFO, a socket, a
/// dangling link, Latin-1 text, a NUL byte. Each is refused with one error
/// naming it, before the database is touched.
@Suite("Hostile files")
struct HostileFileTests {
    /// Writes one good revision, so a refused file is not the only one.
    func project(_ backend: TestBackend) throws -> CLIProject {
        let project = try CLIProject(backend)
        try project.write("aa0000000001", upgrade: "CREATE TABLE good_t (id INTEGER);", downgrade: "DROP TABLE good_t;")
        return project
    }

    @Test func fifoInVersionsIsNamedInsteadOfBlocking() throws {
        let project = try project(.sqlite)
        let fifo = project.versions + "/bb0000000002_pipe.sql"
        #expect(mkfifo(fifo, 0o644) == 0)
        let result = try CommandResult.run(
            executable: CommandResult.binary, ["heads"], in: project.folder, timeout: 20)
        #expect(result.status == 1, "status \(result.status): a FIFO must not block")
        #expect(
            result.stderr == "error[file.not-regular]: The revision file \(fifo) is a FIFO (named pipe), not a "
                + "regular file; migrate reads only regular files. Remove it, or replace it with the file it stands for.\n",
            "\(result.stderr)")
    }

    @Test func danglingSymlinkAndSocketAreNamed() throws {
        let project = try project(.sqlite)
        let link = project.versions + "/bb0000000002_link.sql"
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: project.folder + "/gone.sql")
        var result = try CommandResult.run(executable: CommandResult.binary, ["heads"], in: project.folder, timeout: 20)
        #expect(result.status == 1)
        #expect(
            result.stderr.contains("error[file.not-regular]: The revision file \(link) is a symbolic link to a missing file"),
            "\(result.stderr)")
        try FileManager.default.removeItem(atPath: link)

        let socketPath = project.versions + "/bb0000000002_sock.sql"
        let socket = Foundation.socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(socket) }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &address.sun_path) { buffer in
            for (index, byte) in socketPath.utf8.enumerated() where index < buffer.count - 1 { buffer[index] = byte }
        }
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(socket, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
        #expect(bound == 0, "bind \(socketPath)")
        result = try CommandResult.run(executable: CommandResult.binary, ["heads"], in: project.folder, timeout: 20)
        #expect(result.status == 1)
        #expect(result.stderr.contains("The revision file \(socketPath) is a socket"), "\(result.stderr)")
    }

    /// `'café'` in Latin-1 used to be stored as `'caf\u{FFFD}'`.
    @Test(arguments: TestBackend.allCases)
    func latin1RevisionIsRefusedNamingTheByte(_ backend: TestBackend) throws {
        let project = try project(backend)
        let path = project.versions + "/bb0000000002_latin1.sql"
        var bytes = Array(
            """
            -- Latin-1
            --
            -- Revision ID: bb0000000002
            -- Revises: aa0000000001

            -- migrate:upgrade
            INSERT INTO good_t (id) VALUES (1); -- caf
            """.utf8)
        let offset = bytes.count
        bytes += [0xE9, 0x0A]
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let result = try project.run("upgrade", "head")
        #expect(result.status == 1)
        #expect(
            result.stderr.hasPrefix(
                "error[file.not-utf8]: The revision file \(path) cannot be used: byte 0xE9 at offset \(offset) (line 7) is not UTF-8."),
            "\(result.stderr)")
        #expect(try !project.tableExists("good_t"), "nothing ran")
    }

    @Test(arguments: TestBackend.allCases)
    func nulByteInSQLIsRefusedNamingTheLine(_ backend: TestBackend) throws {
        let project = try project(backend)
        let path = try project.write(
            "bb0000000002", revises: ["aa0000000001"], upgrade: "INSERT INTO good_t (id) VALUES (1);\nSELECT '\u{0}';")
        let result = try project.run("upgrade", "head")
        #expect(result.status == 1)
        #expect(
            result.stderr.hasPrefix("error[file.nul-byte]: The revision file \(path) cannot be used: it holds a NUL byte at offset "),
            "\(result.stderr)")
        #expect(result.stderr.contains("(line 9)"), "\(result.stderr)")
        #expect(try !project.tableExists("good_t"), "nothing ran")
    }

    @Test func nulInTheConfigurationNamesTheLine() throws {
        let project = try project(.sqlite)
        let ini = project.folder + "/migrate.ini"
        let text = try String(contentsOfFile: ini, encoding: .utf8) + "\nlock_timeout = 5\u{0}\n"
        try text.write(toFile: ini, atomically: true, encoding: .utf8)
        let result = try project.run("heads")
        #expect(result.status == 1)
        let line = text.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains("\u{0}") }! + 1
        #expect(result.stderr.hasPrefix("error[config.syntax]: \(ini), line \(line): it holds a NUL byte"), "\(result.stderr)")
    }

    /// The injection of issue 9: a label that writes its own upgrade section.
    @Test func revisionOptionsCannotInjectSQLOrNewlines() throws {
        let project = try project(.sqlite)
        var result = try project.run(
            "revision", "-m", "x", "--branch-label", "lab\n-- migrate:upgrade dialect=postgresql\nDROP TABLE users;")
        #expect(result.status == 64)
        #expect(result.stderr.hasPrefix("error[revision.bad-option]: --branch-label \"lab\\n-- migrate:upgrade"), "\(result.stderr)")
        result = try project.run("revision", "-m", "x", "--rev-id", "abc\n")
        #expect(result.status == 64)
        #expect(result.stderr.hasPrefix("error[revision.bad-id]: --rev-id \"abc\\n\""), "\(result.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: project.versions) == ["aa0000000001_aa0000000001.sql"])
    }
}
