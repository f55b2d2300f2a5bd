// swift-tools-version:6.0
// A micro-benchmark of the template engines on this machine's package list, apart from the
// project (run it with `swift run -c release` in this folder; docs/performance.md has the
// numbers). It renders one policy's cookie table with each engine.
import PackageDescription

let package = Package(
    name: "engines",
    dependencies: [
        .package(url: "https://github.com/hummingbird-project/swift-mustache.git", from: "2.1.1"),
        .package(url: "https://github.com/stencilproject/Stencil.git", from: "0.15.1"),
        .package(url: "https://github.com/vapor/leaf-kit.git", from: "1.14.3"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
    ],
    targets: [
        .executableTarget(
            name: "engines",
            dependencies: [
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "Stencil", package: "Stencil"),
                .product(name: "LeafKit", package: "leaf-kit"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOEmbedded", package: "swift-nio"),
            ],
            // Stencil and leaf-kit's values are not Sendable.
            swiftSettings: [.swiftLanguageMode(.v5)])
    ]
)
