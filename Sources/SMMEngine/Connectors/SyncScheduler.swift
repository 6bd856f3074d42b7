import AsyncHTTPClient
import Foundation
import Logging
import ServiceLifecycle
import SMMConnectors
import SMMStore

/// The periodic sync of `smmkpi serve`: every `interval`, each workspace's connections are
/// synced one after another (a failure is recorded on its connection and logged). Stops at
/// graceful shutdown; a sync in progress is cancelled, which imports nothing (all or nothing).
package struct SyncScheduler: Service {
    package var interval: Duration
    /// The workspaces to sync: (slug, store) pairs, asked afresh every round.
    package var workspaces: @Sendable () async throws -> [(slug: String, store: any Store)]
    package var secrets: SecretBox
    package var http: HTTPClient
    package var policy: RetryPolicy
    package var logger: Logger
    /// The clock of the syncs; tests fix it.
    package var now: @Sendable () -> Date

    package init(interval: Duration = .seconds(3600), secrets: SecretBox, http: HTTPClient = .shared,
                 policy: RetryPolicy = RetryPolicy(), logger: Logger = Logger(label: "smmkpi.sync"),
                 now: @escaping @Sendable () -> Date = { Date() },
                 workspaces: @escaping @Sendable () async throws -> [(slug: String, store: any Store)]) {
        self.interval = interval; self.workspaces = workspaces; self.secrets = secrets; self.http = http
        self.policy = policy; self.logger = logger; self.now = now
    }

    package func run() async throws {
        while !Task.isCancelled && !Task.isShuttingDownGracefully {
            _ = await cancelWhenGracefulShutdown { await round().count }
            do {
                try await cancelWhenGracefulShutdown { try await Task.sleep(for: interval) }
            } catch {
                return  // cancelled or shutting down
            }
        }
    }

    /// One pass over every workspace's connections; returns the outcomes, by workspace slug.
    @discardableResult
    package func round() async -> [(slug: String, outcome: SyncOutcome)] {
        var out: [(String, SyncOutcome)] = []
        let list: [(slug: String, store: any Store)]
        do {
            list = try await workspaces()
        } catch {
            logger.error("scheduled sync: the workspaces cannot be listed: \(error.localizedDescription)")
            return []
        }
        for (slug, store) in list {
            guard let connections = store as? any Store & ConnectionStore else { continue }
            let service = SyncService(store: connections, secrets: secrets, http: http, policy: policy, logger: logger,
                                      now: now)
            let all: [StoredConnection]
            do { all = try await connections.connections() } catch {
                logger.error("scheduled sync of \(slug): \(error.localizedDescription)")
                continue
            }
            for c in all {
                if Task.isCancelled { return out }
                let o = await service.sync(c)
                logger.info("scheduled sync \(slug)/\(c.name): \(o.status.rawValue): \(o.message)")
                out.append((slug, o))
            }
        }
        return out
    }
}
