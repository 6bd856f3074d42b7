import Foundation

/// The retry rule of connectors.md §0.2: up to `maxAttempts` tries of a retryable failure
/// with exponential backoff and jitter (1 s, 2 s, 4 s …), or exactly the wait the source
/// asked for (`Retry-After`, `retry_after`, "Time to refill") when it gives one.
package struct RetryPolicy: Sendable {
    package var maxAttempts: Int
    package var baseDelay: Duration
    /// A requested wait longer than this is not waited for: the run stops as exhausted.
    package var maxWait: Duration
    /// Sleeps; tests pass one that records the waits instead of sleeping them.
    package var sleep: @Sendable (Duration) async throws -> Void

    package init(maxAttempts: Int = 5, baseDelay: Duration = .seconds(1), maxWait: Duration = .seconds(300),
                 sleep: @escaping @Sendable (Duration) async throws -> Void = { try await Task.sleep(for: $0) }) {
        self.maxAttempts = maxAttempts; self.baseDelay = baseDelay; self.maxWait = maxWait; self.sleep = sleep
    }

    /// The wait before attempt `attempt + 1` (attempt counts from 1): the requested wait if any,
    /// else base × 2^(attempt−1) plus up to 10 % jitter.
    package func delay(afterAttempt attempt: Int, requested: Duration?) -> Duration {
        if let requested { return requested }
        let factor = 1 << min(attempt - 1, 16)
        let base = baseDelay * factor
        let jitter = base * Double.random(in: 0..<0.1)
        return base + jitter
    }
}
