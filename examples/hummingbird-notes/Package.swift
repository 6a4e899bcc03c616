// swift-tools-version:6.2
import PackageDescription

// The notes app from the seeds on Hummingbird 2: it upgrades its database to
// head at startup (MigrateKit's async API, under the migration lock) and
// serves GET and POST /notes. `swift package migrate <command>` runs the
// migrate command line here through migrate's command plugin.
let package = Package(
    name: "hummingbird-notes",
    platforms: [.macOS(.v14)],
    dependencies: [
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.0.0"),
        .package(name: "migrate", path: "../.."),
    ],
    targets: [
        .executableTarget(
            name: "HummingbirdNotes",
            dependencies: [
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "MigrateKit", package: "migrate"),
            ])
    ]
)
