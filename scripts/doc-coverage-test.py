#!/usr/bin/env python3
"""Tests scripts/doc-coverage.py on Swift written to trip a line-based reader.

Each line of FIXTURE that starts a public declaration ends with
`// expect: doc` or `// expect: nodoc` (one word per declaration the line
starts: `case a, b` starts two); every other line must start none. Run by
scripts/check-docs.sh before the coverage check itself; exits 1 on a mismatch.
"""
import importlib.util
import os
import re
import sys

FIXTURE = r'''
/// Documented.
public struct Box {  // expect: doc
    public var undocumented: Int  // expect: nodoc
    /// Documented, with its attribute on a line of its own.
    @discardableResult
    public func flush() -> Int { 0 }  // expect: doc
    /// An attribute over several lines.
    @available(*, deprecated,
               message: "use flush() { }")
    public func old() {}  // expect: doc
    /// Setter narrower than the getter: still public.
    public private(set) var count = 0  // expect: doc
    /// Modifiers before `public`.
    nonisolated public static func make() -> Box { Box() }  // expect: doc
    nonisolated(unsafe) public static var shared = Box()  // expect: nodoc
    @MainActor public var onMain: Int { 1 }  // expect: nodoc
    package func forThePackage() {}
    internal func forTheModule() {}
    private(set) var internalWithSetter = 0
    /// A closure default and a multi-line parameter list.
    public init(  // expect: doc
        handler: @escaping () -> Void = { print("}") },
        count: Int = 0
    ) {
        let brace = "{"
        let raw = #"}"#
        let text = """
            } } {
            """
        struct Local { public var x = 0 }
        _ = (brace, raw, text)
    }
    /**
     A block doc comment.
     */
    public func blockDocumented() {}  // expect: doc
    // A plain comment is not a doc comment.
    public func plainCommented() {}  // expect: nodoc
    /// A blank line parts a comment from its declaration.

    public func parted() {}  // expect: nodoc
    public static func < (a: Box, b: Box) -> Bool { false }  // expect: nodoc
}

#if os(Linux)
/// Documented inside the `#if`.
public func platform() -> Int { 1 }  // expect: doc
#else
public func platform() -> Int { 2 }  // expect: nodoc
#endif

/// A doc comment above `#if` does not reach into it.
#if DEBUG
public let debugFlag = true  // expect: nodoc
#endif

/// Cases count one by one; a case inside a switch does not.
public enum Kind: String {  // expect: doc
    /// Both share this comment.
    case a, b  // expect: doc doc
    case `extension` = "ext"  // expect: nodoc
    case c(String), d(x: Int, y: Int)  // expect: nodoc nodoc
    /// Documented.
    public var isA: Bool {  // expect: doc
        switch self {
        case .a: true
        default: false
        }
    }
    /// Nested types of a public type count; so do their members.
    public indirect enum Tree {  // expect: doc
        case leaf  // expect: nodoc
    }
}

enum InternalKind {
    case x, y
    public func notVisible() {}
}

struct Internal {
    public var notVisible = 0
    public struct AlsoNotVisible { public var no = 0 }
}

extension Internal {
    public func notVisibleEither() {}
}

/// Documents the enum, not its case, which does not start a line.
public enum OneLine { case only }  // expect: doc nodoc

/// Requirements of a public protocol are public without the word.
public protocol Shape {  // expect: doc
    associatedtype Unit  // expect: nodoc
    /// Documented.
    var area: Double { get }  // expect: doc
    func scale(by factor: Double) -> Self  // expect: nodoc
    init(unit: Unit)  // expect: nodoc
}

protocol InternalShape {
    var area: Double { get }
}

/// Members of a public extension are public without the word.
public extension Box {
    func extended() {}  // expect: nodoc
    /// Documented.
    typealias Alias = Int  // expect: doc
    private func hidden() {}
}

extension Box {
    func internalMember() {}
    public var fromPlainExtension: Int { 0 }  // expect: nodoc
}

extension String {
    public var onAnImportedType: Int { 0 }  // expect: nodoc
}

open class Base {  // expect: nodoc
    /// Documented.
    open class func make() -> Base { Base() }  // expect: doc
    public final class Nested {}  // expect: nodoc
    public required init() {}  // expect: nodoc
    public subscript(index: Int) -> Int { index }  // expect: nodoc
    deinit {}
}

package struct PackageOnly {
    public var notPublicAPI = 0
}
'''


def load_checker():
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "doc-coverage.py")
    spec = importlib.util.spec_from_file_location("doc_coverage", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def main():
    checker = load_checker()
    expected = {}
    for number, line in enumerate(FIXTURE.split("\n"), start=1):
        m = re.search(r"// expect: (.*)$", line)
        if m:
            expected[number] = sorted(m.group(1).split())

    declarations = checker.public_declarations({"fixture.swift": FIXTURE})
    found = {}
    for d in declarations:
        found.setdefault(d.line, []).append("doc" if d.documented else "nodoc")
    found = {line: sorted(words) for line, words in found.items()}

    problems = []
    lines = FIXTURE.split("\n")
    for number in sorted(set(expected) | set(found)):
        if expected.get(number) != found.get(number):
            problems.append(f"fixture line {number}: expected {expected.get(number)}, "
                            f"found {found.get(number)}: {lines[number - 1].strip()}")
    if problems:
        print("doc-coverage-test: FAILED", file=sys.stderr)
        print("\n".join(problems), file=sys.stderr)
        return 1
    print(f"doc-coverage-test: {len(expected)} fixture lines read as expected")
    return 0


if __name__ == "__main__":
    sys.exit(main())
