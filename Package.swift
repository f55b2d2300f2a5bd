// swift-tools-version:6.0
import PackageDescription

// One module per concern; the `policysite` executable is a thin shell over PolicySiteCommands.
// PolicySite builds and runs on Linux (glibc): it uses inotify, renameat2 and `st_mtim`/`st_ctim`,
// so no other platform is declared.
let package = Package(
    name: "PolicySite",
    products: [
        .executable(name: "policysite", targets: ["policysite"]),
        // The embeddable API: `PolicySite.build(content:themes:output:)` (see its DocC article).
        .library(name: "PolicySite", targets: ["PolicySite"]),
    ],
    // Exact versions, the ones the tests ran on: Package.resolved is not committed (the package
    // copies here carry other commit ids than GitHub's), so these lines are what CI resolves.
    // The CI container's Swift must be at least the highest swift-tools-version they declare;
    // PinnedDependenciesTests fails when the two drift apart. One package per line.
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams.git", exact: "6.2.2"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", exact: "1.8.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache.git", exact: "2.1.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", exact: "2.28.1"),
        .package(url: "https://github.com/apple/swift-crypto.git", exact: "4.5.2"),
        // Imported by the preview server directly (they also come with Hummingbird): NIOHTTP1 for
        // the Host check, which reads requests before Hummingbird converts them.
        .package(url: "https://github.com/apple/swift-nio.git", exact: "2.101.3"),
        .package(url: "https://github.com/apple/swift-log.git", exact: "1.16.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", exact: "2.13.0"),
        // `policysite scan` talks to headless Chromium over the DevTools protocol's WebSocket.
        .package(url: "https://github.com/hummingbird-project/swift-websocket.git", exact: "1.6.2"),
    ],
    targets: [
        // cmark-gfm from Debian (libcmark-gfm-dev, libcmark-gfm-extensions-dev); `make setup` installs it.
        .systemLibrary(
            name: "CCmarkGFM",
            pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]
        ),
        // Lowest first; each module depends only on modules above it here (README, "Layout of the code").
        // Byte-level string search and replace, trimming, line splitting.
        .target(name: "PolicyText"),
        // `Diagnostic`, `SourceLocation` and how a list of them is printed (text, JSON, GitHub).
        .target(name: "PolicyDiagnostics"),
        .target(name: "PolicyConcurrency"),
        // The file system seen by the build, locks, sealed files, hashing.
        .target(
            name: "PolicyFiles",
            dependencies: ["PolicyText", "PolicyDiagnostics", .product(name: "Crypto", package: "swift-crypto")]
        ),
        // Strict YAML decoding with line and column for every problem, front matter.
        .target(name: "PolicyYAML", dependencies: ["PolicyDiagnostics", .product(name: "Yams", package: "Yams")]),
        // The site's facts: companies, policies, cookies, jurisdictions, and their schemas.
        .target(name: "PolicyModel", dependencies: ["PolicyYAML", "PolicyDiagnostics", "PolicyFiles"]),
        // Reading content/ into a `Site`, with the checks that need only what was read.
        .target(
            name: "PolicyContent",
            dependencies: [
                "PolicyModel", "PolicyYAML", "PolicyFiles", "PolicyDiagnostics", "PolicyConcurrency", "PolicyText",
                .product(name: "Yams", package: "Yams"),
            ]
        ),
        .target(name: "PolicyMarkdown", dependencies: ["CCmarkGFM"]),
        // A theme's UI strings and plural rules.
        .target(
            name: "PolicyTranslations",
            dependencies: [
                "PolicyModel", "PolicyYAML", "PolicyFiles", "PolicyDiagnostics", "PolicyText", .product(name: "Yams", package: "Yams"),
            ]
        ),
        .target(
            name: "PolicyHistory",
            dependencies: [
                "PolicyModel", "PolicyMarkdown", "PolicyContent", "PolicyYAML", "PolicyFiles", "PolicyDiagnostics", "PolicyConcurrency",
                "PolicyText",
            ]
        ),
        .target(
            name: "PolicyRender",
            dependencies: [
                "PolicyModel", "PolicyMarkdown", "PolicyHistory", "PolicyTranslations", "PolicyFiles", "PolicyDiagnostics",
                "PolicyConcurrency", "PolicyText", .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "Yams", package: "Yams"),
            ]
        ),
        // `policysite new`: the starting files of a site, a company or a language.
        .target(
            name: "PolicyScaffold",
            dependencies: ["PolicyModel", "PolicyContent", "PolicyRender", "PolicyTranslations", "PolicyYAML", "PolicyFiles", "PolicyDiagnostics"]
        ),
        // The rules of `check` and `lint`; PolicyBuild's SiteChecker applies them to a build that writes nothing.
        .target(
            name: "PolicyChecks",
            dependencies: [
                "PolicyModel", "PolicyMarkdown", "PolicyRender", "PolicyTranslations", "PolicyDiagnostics", "PolicyText", "PolicyConcurrency",
            ]
        ),
        // One system call Foundation does not offer: swapping two folders atomically.
        .target(name: "CAtomicRename"),
        .target(
            name: "PolicyBuild",
            dependencies: [
                "PolicyChecks", "PolicyRender", "PolicyTranslations", "PolicyContent", "PolicyModel", "PolicyFiles", "PolicyDiagnostics",
                "PolicyConcurrency", "CAtomicRename",
            ]
        ),
        .target(name: "PolicySite", dependencies: ["PolicyBuild", "PolicyDiagnostics", "PolicyFiles", "PolicyModel"]),
        // The default theme inside the binary: the EmbedTheme plugin runs ThemeEmbedder on
        // themes/default at every build, so the binary needs no themes/ beside it.
        // Built without debug info: on Linux SwiftPM wraps a debug executable's AST into it at
        // every build, which relinked this tool, re-ran the plugin and made a build with nothing
        // to do take 13 s instead of 1 s. Nobody debugs the tool; only `policysite`'s product
        // reaches it (the PolicySite library does not), so the unsafe flag stays out of the way
        // of packages that use the library.
        .executableTarget(name: "ThemeEmbedder", swiftSettings: [.unsafeFlags(["-gnone"], .when(configuration: .debug))]),
        .plugin(name: "EmbedTheme", capability: .buildTool(), dependencies: ["ThemeEmbedder"]),
        .target(name: "PolicyDefaultTheme", plugins: ["EmbedTheme"]),
        .target(
            name: "PolicyServer",
            dependencies: [
                "PolicyBuild", "PolicyContent", "PolicyMarkdown", "PolicyModel", "PolicyRender", "PolicyDiagnostics", "PolicyFiles",
                .product(name: "Hummingbird", package: "hummingbird"), .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "NIOCore", package: "swift-nio"), .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"), .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
            ]
        ),
        // `policysite scan`: a live site's cookies, storage and third parties against the policy.
        .target(
            name: "PolicyScan",
            dependencies: [
                "PolicyModel", "PolicyContent", "PolicyDiagnostics", "PolicyYAML", .product(name: "WSClient", package: "swift-websocket"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .target(
            name: "PolicySiteCommands",
            dependencies: [
                "PolicyBuild", "PolicyChecks", "PolicyServer", "PolicyHistory", "PolicyContent", "PolicyModel", "PolicyRender", "PolicyScaffold",
                "PolicyDefaultTheme", "PolicyScan", "PolicyDiagnostics", "PolicyFiles",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(
            name: "policysite",
            dependencies: ["PolicySiteCommands", .product(name: "ArgumentParser", package: "swift-argument-parser")],
            // mimalloc (Debian libmimalloc-dev) replaces glibc's malloc for the whole process: a
            // build allocates millions of small strings, arrays and dictionaries on every core,
            // and glibc's malloc and free were a tenth of its time (docs/performance.md).
            linkerSettings: [.linkedLibrary("mimalloc", .when(platforms: [.linux]))]
        ),

        // What every test target shares: scratch folders removed at exit, seeded random numbers.
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(name: "PolicyTextTests", dependencies: ["TestSupport", "PolicyText"]),
        .testTarget(name: "PolicyDiagnosticsTests", dependencies: ["TestSupport", "PolicyDiagnostics"]),
        .testTarget(name: "PolicyConcurrencyTests", dependencies: ["TestSupport", "PolicyConcurrency"]),
        .testTarget(name: "PolicyFilesTests", dependencies: ["TestSupport", "PolicyFiles", "PolicyDiagnostics"]),
        .testTarget(name: "PolicyYAMLTests", dependencies: ["TestSupport", "PolicyYAML", "PolicyModel", "PolicyDiagnostics", "PolicyFiles", "PolicyText"]),
        .testTarget(name: "PolicyModelTests", dependencies: ["TestSupport", "PolicyDiagnostics", "PolicyModel", "PolicyYAML", "PolicyFiles", "PolicyText"]),
        .testTarget(
            name: "PolicyContentTests",
            dependencies: ["TestSupport", "PolicyContent", "PolicyModel", "PolicyFiles", "PolicyYAML", "PolicyDiagnostics", "PolicyText"]
        ),
        .testTarget(name: "PolicyTranslationsTests", dependencies: ["TestSupport", "PolicyFiles", "PolicyDiagnostics", "PolicyTranslations", "PolicyModel"]),
        .testTarget(name: "PolicyMarkdownTests", dependencies: ["TestSupport", "PolicyMarkdown"]),
        .testTarget(
            name: "PolicyHistoryTests",
            dependencies: ["TestSupport", "PolicyDiagnostics", "PolicyHistory", "PolicyModel", "PolicyYAML", "PolicyFiles", "PolicyText"]
        ),
        .testTarget(
            name: "PolicyRenderTests",
            dependencies: [
                "TestSupport", "PolicyRender", "PolicyMarkdown", "PolicyModel", "PolicyHistory", "PolicyYAML", "PolicyDiagnostics",
                "PolicyTranslations", "PolicyFiles", .product(name: "Mustache", package: "swift-mustache"),
            ]
        ),
        .testTarget(name: "PolicyChecksTests", dependencies: ["TestSupport", "PolicyFiles", "PolicyDiagnostics", "PolicyChecks", "PolicyModel", "PolicyYAML"]),
        .testTarget(
            name: "PolicyBuildTests",
            dependencies: [
                "TestSupport", "PolicyFiles", "PolicyBuild", "PolicyModel", "PolicyMarkdown", "PolicyRender", "PolicyContent", "PolicyDiagnostics",
                // PolicyHistory: the property test publishes versions as `policysite publish` does;
                // PolicyChecks: it checks the links of every site it builds, as `check` does.
                "PolicyTranslations", "PolicyHistory", "PolicyChecks",
            ]
        ),
        .testTarget(
            name: "PolicyScaffoldTests",
            dependencies: ["TestSupport", "PolicyFiles", "PolicyDiagnostics", "PolicyScaffold", "PolicyModel", "PolicyContent", "PolicyYAML"]),
        .testTarget(name: "PolicySiteTests", dependencies: ["TestSupport", "PolicySite"]),
        .testTarget(
            name: "PolicyServerTests",
            dependencies: [
                "TestSupport", "PolicyFiles", "PolicyDiagnostics", "PolicyServer", "PolicyBuild", .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ]
        ),
        .testTarget(
            name: "PolicyScanTests",
            dependencies: [
                // `policysite` too: ScanCommandTests run the built binary.
                "TestSupport", "PolicyFiles", "PolicyScan", "PolicyModel", "PolicyContent", "PolicyDiagnostics", "PolicyYAML", "policysite",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "NIOCore", package: "swift-nio"), .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
        // End-to-end: runs the built `policysite` binary on content/ and on broken fixtures.
        .testTarget(
            name: "PolicySiteCommandsTests",
            dependencies: [
                "TestSupport", "PolicyFiles", "PolicyDiagnostics", "PolicySiteCommands", "policysite", "PolicyModel", "PolicyContent", "PolicyRender",
                "PolicyYAML",
                .product(name: "Yams", package: "Yams"),
            ]),
    ]
)

// Swift 6 language mode (strict concurrency) everywhere, plus the upcoming features that keep
// dependencies honest: every import declared and visible, `any` spelled out, imports internal
// unless a public API needs them.
for target in package.targets where target.type != .system && target.type != .plugin {
    target.swiftSettings =
        (target.swiftSettings ?? []) + [
            .enableUpcomingFeature("MemberImportVisibility"),
            .enableUpcomingFeature("ExistentialAny"),
            .enableUpcomingFeature("InternalImportsByDefault"),
        ]
}
