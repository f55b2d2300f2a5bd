import PolicySiteCommands

/// The `policysite` executable. The command tree is async (serve runs a server); from an async
/// context `main()` is ArgumentParser's async entry point, so no thread blocks waiting for it.
@main
enum PolicySiteMain {
    static func main() async {
        await PolicySiteCommand.main()
    }
}
