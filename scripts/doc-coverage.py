#!/usr/bin/env python3
"""Checks that every public declaration in Sources/ and Plugins/ carries a doc comment.

A public declaration is one a library user can see: a type, function,
initializer, subscript, property, typealias, associated type, macro or enum
case that is marked `public` or `open`, or that is public without the word,
being a member of a `public extension`, a requirement of a public protocol,
or a case of a public enum; and whose enclosing types (the extended type,
for an extension member) are themselves public. `package`, `internal`,
`fileprivate` and `private` are not public; `public private(set) var` is.
Each element of `case a, b` counts on its own.

It is documented when a `///` line, or the end of a `/** */` block, stands
directly above it or above its attributes (which may span lines, as
`@available(*, deprecated,\\n message: "...")` does), and it starts its
line: in `enum E { case a }` the comment above the enum is not the case's.
Comments and string literals, multi-line and raw ones included, are read as
such, so a brace in them does not confuse the nesting; both branches of an
`#if` are read.

Usage: scripts/doc-coverage.py [-v] [-q] [FILE_OR_DIR...] [GRAPH.symbols.json...]
  -v  lists every public declaration without a doc comment (path:line: decl)
  -q  prints no count when coverage is complete
  GRAPH.symbols.json  symbol graphs the compiler extracted (generate-documentation
      leaves them under .build/*/extracted-symbols/): every symbol in them must
      have a doc comment and be one this script counts, line for line.
Exits 1 when any public declaration lacks a doc comment, or the graphs disagree.
"""
import os
import re
import sys

ACCESS = {"public", "open", "package", "internal", "fileprivate", "private"}
MODIFIERS = ACCESS | {
    "static", "class", "final", "override", "mutating", "nonmutating",
    "nonisolated", "convenience", "required", "lazy", "weak", "unowned",
    "indirect", "dynamic", "optional", "prefix", "postfix", "infix",
    "consuming", "borrowing", "distributed", "isolated", "async",
}
TYPES = {"struct", "class", "enum", "protocol", "actor"}
MEMBERS = {"func", "init", "subscript", "var", "let", "case", "typealias",
           "associatedtype", "macro"}
SCOPES = TYPES | {"extension"}
IDENT = re.compile(r"[A-Za-z_][A-Za-z0-9_]*|`[^`]+`")


# --------------------------------------------------------------------------
# Lexing: tokens with their line numbers, and which lines are doc comments.
# --------------------------------------------------------------------------

class Lexed:
    def __init__(self):
        self.tokens = []          # (line, text)
        self.doc_lines = set()    # lines that are a `///` comment or end a `/** */`
        self.code_lines = set()   # lines that hold a token
        self.comment_lines = set()


def lex(text):
    out = Lexed()
    i, line, n = 0, 1, len(text)

    def add(tok):
        out.tokens.append((line, tok))
        out.code_lines.add(line)

    def skip_string(i, line):
        """i points at the opening quote run (after any #s). Returns (i, line) after the literal."""
        hashes = 0
        j = i
        while j > 0 and text[j - 1] == "#":
            hashes += 1
            j -= 1
        multi = text.startswith('"""', i)
        i += 3 if multi else 1
        closing = ('"""' if multi else '"') + "#" * hashes
        escape = "\\" + "#" * hashes
        while i < n:
            c = text[i]
            if text.startswith(escape, i):
                k = i + len(escape)
                if k < n and text[k] == "(":
                    i, line = skip_code_until_paren(k + 1, line)
                    continue
                if k < n and text[k] == "\n":
                    line += 1
                i = k + 1
                continue
            if text.startswith(closing, i):
                return i + len(closing), line
            if c == "\n":
                line += 1
            i += 1
        return i, line

    def skip_code_until_paren(i, line):
        """Inside an interpolation: skip to the matching `)`."""
        depth = 1
        while i < n:
            c = text[i]
            if c == "\n":
                line += 1
            elif c == "(":
                depth += 1
            elif c == ")":
                depth -= 1
                if depth == 0:
                    return i + 1, line
            elif c == '"':
                i, line = skip_string(i, line)
                continue
            i += 1
        return i, line

    while i < n:
        c = text[i]
        if c == "\n":
            line += 1
            i += 1
        elif c in " \t\r":
            i += 1
        elif text.startswith("//", i):
            end = text.find("\n", i)
            end = n if end < 0 else end
            comment = text[i:end]
            out.comment_lines.add(line)
            if comment.startswith("///") and not comment.startswith("////") and line not in out.code_lines:
                out.doc_lines.add(line)
            i = end
        elif text.startswith("/*", i):
            is_doc = text.startswith("/**", i) and not text.startswith("/**/", i)
            depth, i = 1, i + 2
            while i < n and depth:
                if text.startswith("/*", i):
                    depth, i = depth + 1, i + 2
                elif text.startswith("*/", i):
                    depth, i = depth - 1, i + 2
                else:
                    if text[i] == "\n":
                        out.comment_lines.add(line)
                        line += 1
                    i += 1
            out.comment_lines.add(line)
            if is_doc:
                out.doc_lines.add(line)
        elif c == '"' or (c == "#" and re.match(r'#+"', text[i:])):
            start_line = line
            while text[i] == "#":
                i += 1
            i, line = skip_string(i, line)
            out.tokens.append((start_line, '""'))
            out.code_lines.add(start_line)
        elif c == "@" or c == "#":
            m = IDENT.match(text, i + 1)
            if m:
                add(c + m.group(0))
                i = m.end()
            else:
                add(c)
                i += 1
        else:
            m = IDENT.match(text, i)
            if m:
                add(m.group(0).strip("`") if m.group(0).startswith("`") else m.group(0))
                i = m.end()
            elif c.isdigit():
                m = re.compile(r"[0-9][0-9A-Za-z_.]*").match(text, i)
                add(m.group(0))
                i = m.end()
            elif text.startswith("->", i):
                add("->")
                i += 2
            else:
                add(c)
                i += 1
    return out


# --------------------------------------------------------------------------
# Parsing: a scope stack over the tokens, declarations at statement starts.
# --------------------------------------------------------------------------

class Scope:
    def __init__(self, kind, name, exported, members_public, public_enum=False):
        self.kind = kind                  # "file", a TYPES word, "extension" or "body"
        self.name = name                  # qualified type name, or None
        self.exported = exported          # its public members are visible outside the module
        self.members_public = members_public  # members are public without the word
        self.public_enum = public_enum


class Declaration:
    def __init__(self, path, line, first_line, keyword, name, public, documented, scope):
        self.path, self.line, self.first_line = path, line, first_line
        self.keyword, self.name, self.public = keyword, name, public
        self.documented, self.scope = documented, scope


def parse(path, text, is_exported_type):
    """Returns (declarations, types): every declaration seen, and the types declared
    as (qualified name, declared public, enclosing type or extended type)."""
    lexed = lex(text)
    toks = lexed.tokens
    decls, types = [], []
    stack = [Scope("file", None, True, False)]
    saved = []          # scope stacks at each open `#if`
    pending = None      # the Scope a declaration opens at its next `{`
    paren = 0           # ( and [ depth inside the innermost { }
    parens = []         # the depth outside each open {
    i = 0

    def documented(start):
        """A doc comment reaches a declaration only from the line above the
        line it starts: `{ case a, b }` after code on one line has none."""
        first_line = toks[start][0]
        if start > 0 and toks[start - 1][0] == first_line:
            return False
        return first_line - 1 in lexed.doc_lines

    def at_statement_start(k):
        if k == 0:
            return True
        prev_line, prev = toks[k - 1]
        if prev in ("{", "}", ";"):
            return True
        return toks[k][0] != prev_line and paren == 0

    while i < len(toks):
        line, tok = toks[i]
        if tok in ("#if",):
            saved.append([list(stack), pending, list(parens)])
            i = skip_line(toks, i)
            continue
        if tok in ("#else", "#elseif"):
            if saved:
                stack, pending, parens = list(saved[-1][0]), saved[-1][1], list(saved[-1][2])
            i = skip_line(toks, i)
            continue
        if tok == "#endif":
            if saved:
                saved.pop()
            i += 1
            continue
        scope = stack[-1]
        if tok == "{":
            stack.append(pending or Scope("body", None, False, False))
            parens.append(paren)
            pending, paren = None, 0
            i += 1
            continue
        if tok == "}":
            if len(stack) > 1:
                stack.pop()
                paren = parens.pop()
            pending = None
            i += 1
            continue
        if tok in "([":
            paren += 1
            i += 1
            continue
        if tok in ")]":
            paren = max(0, paren - 1)
            i += 1
            continue
        if scope.kind != "body" and at_statement_start(i):
            parsed = parse_declaration(toks, i)
            if parsed:
                first_line, keyword, modifiers, name, elements, end = parsed
                line = toks[end - 1][0]  # the keyword's line, below any attributes
                access = [m for m in modifiers if m in ACCESS]
                if access:
                    public = access[0] in ("public", "open")
                else:
                    public = scope.members_public or (keyword == "case" and scope.public_enum)
                visible = public and scope.exported
                doc = documented(i)
                if keyword in TYPES:
                    qualified = f"{scope.name}.{name}" if scope.name else name
                    types.append((qualified, public, scope.name))
                    pending = Scope(keyword, qualified, visible,
                                    keyword == "protocol" and visible,
                                    keyword == "enum" and visible)
                elif keyword == "extension":
                    exported = scope.kind == "file" and is_exported_type(name)
                    pending = Scope("extension", name, exported, public and exported)
                else:
                    pending = Scope("body", None, False, False)
                if keyword == "extension":
                    pass  # not a symbol of its own: its members are
                elif keyword == "case" and scope.kind == "enum":
                    for element in elements:
                        decls.append(Declaration(path, line, first_line, keyword, element,
                                                 visible, doc, scope.name))
                elif keyword != "case":
                    decls.append(Declaration(path, line, first_line, keyword, name,
                                             visible, doc, scope.name))
                i = end
                continue
        i += 1
    return decls, types


def skip_line(toks, i):
    line = toks[i][0]
    while i < len(toks) and toks[i][0] == line:
        i += 1
    return i


def skip_balanced(toks, i):
    """toks[i] is `(`: returns the index after its matching `)`."""
    depth = 0
    while i < len(toks):
        if toks[i][1] == "(":
            depth += 1
        elif toks[i][1] == ")":
            depth -= 1
            if depth == 0:
                return i + 1
        i += 1
    return i


def parse_declaration(toks, i):
    """If a declaration starts at toks[i], returns (first line, keyword, modifiers,
    name, case elements, index of its keyword + 1); else None."""
    first_line = toks[i][0]
    modifiers = []
    while i < len(toks):
        line, tok = toks[i]
        if tok.startswith("@") and len(tok) > 1:
            i += 1
            if i < len(toks) and toks[i][1] == "(" and toks[i][0] == line:
                i = skip_balanced(toks, i)
            continue
        if tok in MODIFIERS and i + 1 < len(toks) and toks[i + 1][1] not in (":", "=", ".", ","):
            if tok == "class" and toks[i + 1][1] not in MODIFIERS | MEMBERS:
                break  # `class Foo`: the keyword, not the modifier
            i += 1
            if i + 2 < len(toks) and toks[i][1] == "(" and toks[i + 2][1] == ")":
                if toks[i + 1][1] == "set":
                    i += 3  # private(set): the setter's access, not the declaration's
                    continue
                i += 3      # nonisolated(unsafe), unowned(safe)
            modifiers.append(tok)
            continue
        break
    if i >= len(toks):
        return None
    keyword = toks[i][1]
    if keyword not in TYPES and keyword not in MEMBERS and keyword != "extension":
        return None
    end = i + 1
    name, elements = keyword, []
    if keyword in ("init", "subscript"):
        name = keyword
    elif keyword == "extension":
        parts = []
        j = i + 1
        while j < len(toks) and IDENT.fullmatch(toks[j][1]):
            parts.append(toks[j][1])
            if j + 1 < len(toks) and toks[j + 1][1] == ".":
                j += 2
            else:
                break
        name = ".".join(parts)
    elif keyword == "case":
        j, depth, expect = i + 1, 0, True
        line = toks[i][0]
        while j < len(toks):
            t = toks[j][1]
            if t in "([<":
                depth += 1
            elif t in ")]>":
                depth -= 1
            elif t in ("{", "}", ";") or (depth == 0 and toks[j][0] != line and toks[j - 1][1] != ","):
                break
            elif depth == 0 and t == ",":
                expect = True
            elif expect and IDENT.fullmatch(t):
                elements.append(t)
                expect = False
            line = toks[j][0]
            j += 1
        name = ", ".join(elements)
    elif i + 1 < len(toks):
        name = toks[i + 1][1]
        if keyword == "func" and not IDENT.fullmatch(name):
            name = ""  # an operator: its characters up to the parameter list
            j = i + 1
            while j < len(toks) and toks[j][1] != "(":
                name += toks[j][1]
                j += 1
    return first_line, keyword, modifiers, name, elements, end


# --------------------------------------------------------------------------

def swift_files(arguments):
    roots = arguments or ["Sources", "Plugins"]
    for root in roots:
        if os.path.isfile(root):
            yield root
            continue
        for directory, _, files in sorted(os.walk(root)):
            for name in sorted(files):
                if name.endswith(".swift"):
                    yield os.path.join(directory, name)


def public_declarations(sources):
    """The public declarations of `sources` (path to text), read as one module."""
    # First pass: which types the module declares, and which of them are public,
    # so that an extension's members count only when its type is visible.
    declared = {}
    for path, text in sources.items():
        for name, public, parent in parse(path, text, lambda _: True)[1]:
            declared[name] = (public, parent)

    def is_exported_type(name, seen=()):
        if name not in declared:
            return True  # an imported type (String, Logger): public
        public, parent = declared[name]
        if not public or name in seen:
            return public
        return parent is None or is_exported_type(parent, seen + (name,))

    found = []
    for path, text in sources.items():
        found += [d for d in parse(path, text, is_exported_type)[0] if d.public]
    return found


def compare_with_symbol_graphs(public, graphs):
    """Checks the count against the compiler's own list: the symbol graphs
    `swift package generate-documentation` extracted (`*.symbols.json`).
    Every symbol with a place in the sources must have a doc comment, and
    must be one this script counted. Returns the problems found."""
    import json
    root = os.getcwd()
    symbols = []
    for graph in graphs:
        for symbol in json.load(open(graph, encoding="utf-8"))["symbols"]:
            location = symbol.get("location")
            if not location or "::SYNTHESIZED::" in symbol["identifier"]["precise"]:
                continue  # made by the compiler (init(rawValue:), init(from:)): no source
            path = os.path.relpath(location["uri"].removeprefix("file://"), root)
            line = location["position"]["line"] + 1
            name = ".".join(symbol["pathComponents"])
            symbols.append((path, line, name, bool(symbol.get("docComment"))))
    problems = [f"{path}:{line}: {name}: the compiler sees no doc comment"
                for path, line, name, documented in symbols if not documented]
    graphed_files = {path for path, _, _, _ in symbols}
    counted = {}
    for d in public:
        if d.path in graphed_files:
            counted[(d.path, d.line)] = counted.get((d.path, d.line), 0) + 1
    compiled = {}
    for path, line, _, _ in symbols:
        compiled[(path, line)] = compiled.get((path, line), 0) + 1
    for key in sorted(set(counted) | set(compiled)):
        if counted.get(key, 0) != compiled.get(key, 0):
            names = [n for p, l, n, _ in symbols if (p, l) == key]
            problems.append(f"{key[0]}:{key[1]}: this script counts {counted.get(key, 0)} public "
                            f"declarations, the compiler {compiled.get(key, 0)} {names}")
    return problems, len(symbols)


def main():
    args = sys.argv[1:]
    verbose, quiet = "-v" in args, "-q" in args
    graphs = [a for a in args if a.endswith(".symbols.json")]
    roots = [a for a in args if not a.startswith("-") and a not in graphs]
    sources = {path: open(path, encoding="utf-8").read() for path in swift_files(roots)}
    public = public_declarations(sources)
    missing = [d for d in public if not d.documented]
    if verbose:
        for d in missing:
            owner = f"{d.scope}." if d.scope else ""
            print(f"{d.path}:{d.line}: {d.keyword} {owner}{d.name}")
    total, documented = len(public), len(public) - len(missing)
    if not (quiet and not missing):
        print(f"doc-coverage: {documented} of {total} public declarations documented "
              f"({100 * documented / max(total, 1):.1f}%)")
    if missing:
        print(f"doc-coverage: {len(missing)} public declarations lack a `///` comment; "
              "run scripts/doc-coverage.py -v for the list", file=sys.stderr)
        return 1
    if graphs:
        problems, compiled = compare_with_symbol_graphs(public, graphs)
        if problems:
            print("\n".join(problems), file=sys.stderr)
            print(f"doc-coverage: the symbol graphs disagree ({len(problems)} problems above)", file=sys.stderr)
            return 1
        print(f"doc-coverage: the compiler's symbol graphs list the same {compiled} declarations, all documented")
    return 0


if __name__ == "__main__":
    sys.exit(main())
