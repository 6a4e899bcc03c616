import Foundation
import Testing

@testable import MigrateKit

/// What `migrate` refuses to read as text, and the checksum's line endings.
@Suite("Text files")
final class TextFileTests {
    let folder: String

    init() throws {
        folder = NSTemporaryDirectory() + "text-file-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: folder) }

    func write(_ bytes: [UInt8], _ name: String) throws -> String {
        let path = folder + "/" + name
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test(arguments: [
        (Array("ok\ncaf".utf8) + [0xE9], TextProblem(kind: .invalidUTF8(0xE9), offset: 6, line: 2)),
        (Array("a\nb\nc".utf8) + [0, 0x41], TextProblem(kind: .nul, offset: 5, line: 3)),
        ([0xC0, 0xAF], TextProblem(kind: .invalidUTF8(0xC0), offset: 0, line: 1)),  // overlong '/'
        ([0x61, 0xED, 0xA0, 0x80], TextProblem(kind: .invalidUTF8(0xED), offset: 1, line: 1)),  // a surrogate
        ([0xF0, 0x9F, 0x98], TextProblem(kind: .invalidUTF8(0xF0), offset: 0, line: 1)),  // cut short
    ])
    func firstProblemIsFoundWithItsOffsetAndLine(bytes: [UInt8], expected: TextProblem) {
        #expect(TextProblem.first(in: bytes) == expected)
    }

    @Test func wellFormedTextHasNoProblem() {
        #expect(TextProblem.first(in: Array("\u{FEFF}café 😀 ∑\r\n".utf8)) == nil)
    }

    @Test func fifoIsRefusedWithoutBlocking() throws {
        let path = folder + "/pipe.sql"
        #expect(mkfifo(path, 0o600) == 0)
        #expect(throws: TextFileError.notRegular(path: path, role: "revision file", kind: "a FIFO (named pipe)")) {
            try TextFile.contents(of: path, role: "revision file")
        }
    }

    @Test func nulInMigrateIniAndDotEnvNamesFileAndLine() throws {
        _ = try write(Array("[migrate]\nscript_location = m\nurl = sqlite:///x.db\u{0}\n".utf8), "migrate.ini")
        var error = #expect(throws: ConfigError.self) { try MigrateConfig.load(environment: [:], workingDirectory: self.folder) }
        #expect(error?.errorID == "config.syntax")
        #expect(
            error?.message.hasPrefix("\(folder)/migrate.ini, line 3: it holds a NUL byte at offset 50 (line 3)") == true,
            "\(error?.message ?? "")")

        _ = try write(Array("[migrate]\nscript_location = m\n".utf8), "migrate.ini")
        _ = try write(Array("A=1\nDATABASE_URL=sqlite:///x.db\u{0}\n".utf8), ".env")
        error = #expect(throws: ConfigError.self) { try MigrateConfig.load(environment: [:], workingDirectory: self.folder) }
        #expect(error?.message.hasPrefix("\(folder)/.env, line 2: it holds a NUL byte") == true, "\(error?.message ?? "")")
    }

    @Test func latin1MigrateIniNamesTheByte() throws {
        _ = try write(Array("[migrate]\nscript_location = caf".utf8) + [0xE9, 0x0A], "migrate.ini")
        let error = #expect(throws: ConfigError.self) { try MigrateConfig.load(environment: [:], workingDirectory: self.folder) }
        #expect(
            error?.message.hasPrefix("\(folder)/migrate.ini, line 2: byte 0xE9 at offset 31 (line 2) is not UTF-8") == true,
            "\(error?.message ?? "")")
    }

    @Test func nulInADeclaredSchemaFileNamesFileAndLine() throws {
        let path = try write(Array("CREATE TABLE t (id INTEGER);\n\u{0}\n".utf8), "schema.sql")
        #expect(
            throws: TextFileError.badText(path: path, role: "declared schema file", problem: TextProblem(kind: .nul, offset: 29, line: 2))
        ) {
            try DeclaredSchemaFile.read(path)
        }
    }

    @Test func checksumIgnoresLineEndingsAndReadsThePreviousOnes() {
        // sha256sum of "a\nb\n" and of "a\r\nb\r\n" (what the previous release stored).
        let unix = "911169ddaaf146aff539f58c26c489af3b892dff0fe283c1c264c65ae5aa59a2"
        let previousRelease = "58055bdcc73787eb88c78d36f0b4939e9c5dc1c3ad17e25cc85a6833cf1a0cab"
        #expect(Checksum.of("a\nb\n") == unix)
        #expect(Checksum.of("a\r\nb\r\n") == unix)
        #expect(Checksum.of("a\rb\r") == unix)
        #expect(Checksum.of("a\r\nb\r") == unix)
        #expect(Checksum.matches(unix, "a\r\nb\r\n"))
        #expect(Checksum.matches(previousRelease, "a\r\nb\r\n"))
        #expect(!Checksum.matches(previousRelease, "a\r\nc\r\n"))
        #expect(!Checksum.matches(unix, "a\nb\n\n"))
    }
}
