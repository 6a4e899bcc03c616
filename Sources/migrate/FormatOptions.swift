import ArgumentParser

/// How a command prints its result.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}

/// `--format text|json`, for the commands whose result a script may read.
struct FormatOptions: ParsableArguments {
    @Option(help: "How to print the result: text for people, or json, one JSON document on stdout (errors stay on stderr).")
    var format: OutputFormat = .text

    var json: Bool { format == .json }
}
