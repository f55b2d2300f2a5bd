public import ArgumentParser
import Foundation
import PolicyDefaultTheme
import PolicyFiles
import PolicyHistory

/// Where the site's folders are; shared by every subcommand.
struct SiteLocation: ParsableArguments {
    @Option(name: .long, help: "Folder with site.yml and one folder per company.")
    var content = "content"

    @Option(name: .long, help: "Folder holding themes (themes/<name>/); default ./themes, else the default theme built into policysite.")
    var themes: String?

    /// `--themes`, else `./themes`, else the default theme compiled into the binary.
    var themesPath: String { Self.themesPath(themes) }

    static func themesPath(_ themes: String?) -> String {
        if let themes { return themes }
        return FileManager.default.fileExists(atPath: "themes") ? "themes" : DefaultTheme.themesPath
    }

    /// The disk as the site's commands read it: no symbolic link out of the content and themes
    /// folders is followed (docs/security.md). With the built-in theme, its files are read from
    /// memory at `built-in:themes/default/…`.
    var fileSystem: any FileSystem { Self.withBuiltInTheme(LocalFileSystem(confinedTo: [content, themesPath]), themesPath: themesPath) }

    /// `disk`, with the built-in theme's files over it when `themesPath` names it.
    static func withBuiltInTheme(_ disk: LocalFileSystem, themesPath: String) -> any FileSystem {
        themesPath == DefaultTheme.themesPath ? OverlayFileSystem(base: disk, files: DefaultTheme.filesUnderThemesPath) : disk
    }

    /// Finishes (or undoes) a publish that a killed process left half-done, before anything
    /// reads content/: the files are then all as before or all as after that publish. Only
    /// under the site's exclusive lock, so a publish still running is waited for, never undone.
    /// When recovery could not decide (a file changed since), the command goes on reading
    /// content as it is, after the note. Returns false in that case.
    @discardableResult
    func finishInterruptedPublish() -> Bool {
        guard FileTransaction.hasJournal(root: content) else { return true }
        do {
            guard let lock = try SiteLock.acquire(.exclusive, contentPath: content, waiting: Self.announceWait) else { return true }
            return withExtendedLifetime(lock) { finishInterruptedPublishHoldingLock() }
        } catch {
            printError("note: an interrupted publish left \(FileTransaction.journalPath(content)), and it cannot be finished now: \(error)\n")
            return false
        }
    }

    /// Runs `body` after `finishInterruptedPublish()`, holding the site's lock shared: a publish running now is
    /// waited for, and none starts until `body` is done, so the command never reads content
    /// half-published.
    func reading<T>(_ body: () throws -> T) throws -> T {
        finishInterruptedPublish()
        let lock: SiteLock?
        do {
            lock = try SiteLock.acquire(.shared, contentPath: content, waiting: Self.announceWait)
        } catch {
            throw fail("\(error)")
        }
        return try withExtendedLifetime(lock) { try body() }
    }

    /// `finishInterruptedPublish()` for a caller that holds the exclusive `SiteLock` already (publish).
    func finishInterruptedPublishHoldingLock() -> Bool {
        let recovery = FileTransaction.recover(root: content)
        if let note = recovery.note { printError("note: \(note)\n") }
        if case .blocked = recovery { return false }
        return true
    }

    /// The line printed once when a command waits for another one's lock. Only a publish (the
    /// exclusive holder) leaves its process id; readers holding the lock shared leave none.
    static func announceWait(_ holder: Int32?) {
        if let holder {
            printError("waiting for another publish of the site (pid \(holder))…\n")
        } else {
            printError("waiting for another policysite command using the site…\n")
        }
    }
}
