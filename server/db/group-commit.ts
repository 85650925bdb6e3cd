import type { EngineDb } from './engine-db.js';

interface Job {
  work: () => unknown;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown };

/**
 * Group commit: writes that arrive in the same turn of the event loop share one transaction, and
 * with it one fsync (engine.db runs `synchronous = FULL`). Each write runs in a savepoint of its
 * own, so a refused write (a 400, a closed period) leaves the others untouched, exactly as if it
 * had had its own transaction. Every caller hears its answer only after the shared COMMIT reached
 * the disk: nothing is acknowledged that a power cut could take back.
 */
export class GroupCommit {
  readonly #db: EngineDb;
  #queue: Job[] = [];

  constructor(db: EngineDb) {
    this.#db = db;
  }

  /** Runs `work` (synchronous, may use nested db.transaction) in the next group; resolves after COMMIT. */
  run<T>(work: () => T): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.#queue.push({ work, resolve: resolve as (value: unknown) => void, reject });
      if (this.#queue.length === 1) setImmediate(() => this.#flush());
    });
  }

  #flush(): void {
    const jobs = this.#queue;
    this.#queue = [];
    const outcomes: Outcome[] = [];
    try {
      this.#db
        .transaction(() => {
          for (const job of jobs) {
            try {
              outcomes.push({ ok: true, value: this.#db.transaction(job.work)() });
            } catch (error) {
              outcomes.push({ ok: false, error });
            }
          }
        })
        .immediate();
    } catch (error) {
      // The COMMIT itself failed (disk full, I/O error): nothing of the group was stored.
      for (const job of jobs) job.reject(error);
      return;
    }
    jobs.forEach((job, index) => {
      const outcome = outcomes[index];
      if (outcome?.ok) job.resolve(outcome.value);
      else job.reject(outcome?.error);
    });
  }
}
