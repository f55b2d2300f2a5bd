import Foundation
import Hummingbird
import HummingbirdCore
import Logging
import NIOCore
import ServiceLifecycle

/// Polls for edits and rebuilds; when it stops (shutdown), it ends every event stream.
struct WatchService: Service {
    let watcher: ContentWatcher
    let session: PreviewSession
    let heartbeat: Duration

    func run() async throws {
        defer { session.events.finishAll() }
        let session = self.session, heartbeat = self.heartbeat
        await cancelWhenGracefulShutdown {
            await withTaskGroup(of: Void.self) { group in
                group.addTask { await watcher.watch { changes in await session.rebuild(after: changes) } }
                group.addTask {
                    while (try? await Task.sleep(for: heartbeat)) != nil {
                        session.events.send(ReloadEvent(kind: .heartbeat, build: 0))
                    }
                }
                await group.next()
                group.cancelAll()
            }
        }
    }
}
