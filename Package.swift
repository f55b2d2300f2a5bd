// swift-tools-version:6.0
import PackageDescription

// One module per concern; the `policysite` executable is a thin shell over PolicySiteCommands.
let package = Package(
    name: "PolicySite",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "policysite", targets: ["policysite"]),
        // The embeddable API: `PolicySite.build(content:themes:output:)` (see its DocC article).
        .library(name: "PolicySite", targets: ["PolicySite"]),
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams.git", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache.git", from: "2.1.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-crypto.git", "3.12.3"..<"5.0.0"),
    ],
    targets: [
        // cmark-gfm from Debian (libcmark-gfm-dev, libcmark-gfm-extensions-dev); `make setup` installs it.
        .systemLibrary(
            name: "CCmarkGFM",
            pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]
        ),
        .target(
            name: "PolicyModel",
            dependencies: [.product(name: "Yams", package: "Yams"), .product(name: "Crypto", package: "swift-crypto")]
        ),
        .target(name: "PolicyMarkdown", dependencies: ["CCmarkGFM"]),
        .target(name: "PolicyHistory", dependencies: ["PolicyModel", "PolicyMarkdown"]),
        .target(
            name: "PolicyRender",
            dependencies: ["PolicyModel", "PolicyMarkdown", "PolicyHistory", .product(name: "Mustache", package: "swift-mustache")]
        ),
        // `policysite new`: the starting files of a site, a company or a language.
        .target(name: "PolicyScaffold", dependencies: ["PolicyModel", "PolicyRender"]),
        // One system call Foundation does not offer: swapping two folders atomically.
        .target(name: "CAtomicRename"),
        .target(name: "PolicyBuild", dependencies: ["PolicyModel", "PolicyMarkdown", "PolicyRender", "PolicyHistory", "CAtomicRename"]),
        .target(name: "PolicySite", dependencies: ["PolicyBuild", "PolicyModel"]),
        .target(
            name: "PolicyServer",
            dependencies: ["PolicyBuild", "PolicyMarkdown", .product(name: "Hummingbird", package: "hummingbird")]
        ),
        .target(
            name: "PolicySiteCommands",
            dependencies: [
                "PolicyBuild", "PolicyServer", "PolicyHistory", "PolicyModel", "PolicyRender", "PolicyScaffold",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(name: "policysite", dependencies: ["PolicySiteCommands"]),

        .testTarget(name: "PolicyModelTests", dependencies: ["PolicyModel"]),
        .testTarget(name: "PolicyMarkdownTests", dependencies: ["PolicyMarkdown"]),
        .testTarget(name: "PolicyHistoryTests", dependencies: ["PolicyHistory", "PolicyModel"]),
        .testTarget(name: "PolicyRenderTests", dependencies: ["PolicyRender"]),
        .testTarget(name: "PolicyBuildTests", dependencies: ["PolicyBuild", "PolicyModel"]),
        .testTarget(name: "PolicyScaffoldTests", dependencies: ["PolicyScaffold", "PolicyModel"]),
        .testTarget(name: "PolicySiteTests", dependencies: ["PolicySite"]),
        .testTarget(name: "PolicyServerTests", dependencies: ["PolicyServer"]),
        // End-to-end: runs the built `policysite` binary on content/ and on broken fixtures.
        .testTarget(name: "PolicySiteCommandsTests", dependencies: ["PolicySiteCommands", "policysite", "PolicyModel", "PolicyRender"]),
    ]
)
