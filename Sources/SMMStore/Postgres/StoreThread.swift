import Dispatch
import Foundation

/// One thread of the store's own that runs the PostgreSQL client's tasks.
///
/// The import is synchronous (``Store/withImport(_:)``) and blocks its caller while a query
/// runs. When that caller is a thread of Swift's cooperative pool, a task that needed the pool
/// could wait for ever (2 cores: 2 pool threads). Every async piece of this store that a blocked
/// caller waits for (the connection pool's `run()`, the import's queries) therefore runs on this
/// thread, through task executor preference, never on the cooperative pool.
final class StoreThread: TaskExecutor, @unchecked Sendable {
    // @unchecked: `jobs` and `stopping` are only touched with `condition` locked.
    private let condition = NSCondition()
    private var jobs: [UnownedJob] = []
    private var head = 0
    private var stopping = false

    init(name: String) {
        let thread = Thread { [self] in loop() }
        thread.name = name
        thread.start()
    }

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        condition.lock()
        jobs.append(job)
        condition.signal()
        condition.unlock()
    }

    /// Lets the thread end once no job is queued (the store is closed).
    func stop() {
        condition.lock()
        stopping = true
        condition.signal()
        condition.unlock()
    }

    private func loop() {
        while true {
            condition.lock()
            while head == jobs.count && !stopping { condition.wait() }
            if head == jobs.count {
                condition.unlock()
                return
            }
            let job = jobs[head]
            head += 1
            if head > 1024, head * 2 > jobs.count {
                jobs.removeFirst(head)
                head = 0
            }
            condition.unlock()
            job.runSynchronously(on: asUnownedTaskExecutor())
        }
    }

    /// Runs `operation` on this thread and blocks the calling thread (never this one) until it ends.
    @discardableResult
    func wait<T: Sendable>(_ operation: @escaping @Sendable () async throws -> T) throws -> T {
        let box = ResultBox<T>()
        let done = DispatchSemaphore(value: 0)
        Task(executorPreference: self) {
            do { box.result = .success(try await operation()) } catch { box.result = .failure(error) }
            done.signal()
        }
        done.wait()
        return try box.result!.get()
    }
}

/// A result handed from the store thread to a blocked caller.
private final class ResultBox<T: Sendable>: @unchecked Sendable {
    // @unchecked: written once by the task before it signals the semaphore, read by the caller
    // only after waiting on it.
    var result: Result<T, any Error>?
}
