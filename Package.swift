// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "migrate",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "migrate", targets: ["migrate"]),
        .library(name: "MigrateKit", targets: ["MigrateKit"]),
        .library(name: "MigrateTesting", targets: ["MigrateTesting"]),
        // `swift package migrate upgrade head`: the CLI without installing it.
        .plugin(name: "MigratePlugin", targets: ["MigratePlugin"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.0.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.0"),
        // `swift package generate-documentation` (the DocC catalogs); no code depends on it.
        .package(url: "https://github.com/swiftlang/swift-docc-plugin", from: "1.5.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CSQLite", path: "Sources/CSQLite", pkgConfig: "sqlite3",
            providers: [.apt(["libsqlite3-dev"]), .brew(["sqlite"])]),
        // Headers only: the client libraries are opened at run time when a
        // URL needs them (PostgreSQLClientLibrary, MySQLClientLibrary).
        .systemLibrary(
            name: "CLibPQ", path: "Sources/CLibPQ",
            providers: [.apt(["libpq-dev"]), .brew(["libpq"])]),
        .systemLibrary(
            name: "CMariaDB", path: "Sources/CMariaDB",
            providers: [.apt(["libmariadb-dev"]), .brew(["mariadb-connector-c"])]),
        .target(
            name: "MigrateKit",
            dependencies: [
                "CSQLite", "CLibPQ", "CMariaDB",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
            ]),
        .target(name: "MigrateTesting", dependencies: ["MigrateKit"]),
        .executableTarget(
            name: "migrate",
            dependencies: [
                "MigrateKit",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            plugins: ["BuildCommit"]),
        // Bakes the git commit into the binary for `migrate --version`.
        .plugin(name: "BuildCommit", capability: .buildTool()),
        .plugin(
            name: "MigratePlugin",
            capability: .command(
                intent: .custom(verb: "migrate", description: "Runs the migrate command line in this package's folder."),
                permissions: [
                    .writeToPackageDirectory(
                        reason: "migrate init, revision and SQLite databases write files in the package folder."),
                    .allowNetworkConnections(
                        scope: .all(), reason: "migrate connects to the PostgreSQL or MySQL server named by the URL."),
                ])),
        .testTarget(name: "MigrateKitTests", dependencies: ["MigrateKit"]),
        .testTarget(
            name: "IntegrationTests", dependencies: ["MigrateKit", "MigrateTesting"],
            // The sample databases' DDL, read by path (with their licence notes).
            exclude: ["SampleSchemas"]),
        .testTarget(name: "ExampleAppTests", dependencies: ["MigrateKit", "MigrateTesting"]),
    ]
)
