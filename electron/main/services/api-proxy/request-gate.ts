interface Waiter {
  seq: number;
  resolve: (release: () => void) => void;
  reject: (error: unknown) => void;
  signal: AbortSignal;
  onAbort: () => void;
}

/**
 * Lets at most `maxConcurrent` requests reach the server at once, oldest call first (a retry keeps
 * its call's place, so a call sent away by a 429 is not starved by newer ones), and holds every
 * request back while the server has asked us to wait (`Retry-After`): one 429 pauses all callers
 * instead of each of them hammering the server to learn the same thing.
 */
export class RequestGate {
  readonly #maxConcurrent: number;
  readonly #now: () => number;
  #active = 0;
  #waiting: Waiter[] = [];
  #pausedUntil = 0;
  #timer: NodeJS.Timeout | undefined;

  constructor(options: { maxConcurrent: number; now?: () => number }) {
    this.#maxConcurrent = options.maxConcurrent;
    this.#now = options.now ?? Date.now;
  }

  /** Resolves with a release function once call `seq` may send; rejects with the signal's reason. */
  acquire(seq: number, signal: AbortSignal): Promise<() => void> {
    if (signal.aborted) return Promise.reject(signal.reason as Error);
    return new Promise((resolve, reject) => {
      const waiter: Waiter = {
        seq,
        resolve,
        reject,
        signal,
        onAbort: () => {
          this.#waiting = this.#waiting.filter((w) => w !== waiter);
          reject(signal.reason as Error);
        },
      };
      signal.addEventListener('abort', waiter.onAbort, { once: true });
      const at = this.#waiting.findIndex((w) => w.seq > seq);
      if (at === -1) this.#waiting.push(waiter);
      else this.#waiting.splice(at, 0, waiter);
      this.#pump();
    });
  }

  /** The server asked everyone to wait until `until` (epoch ms). */
  pauseUntil(until: number): void {
    if (until <= this.#pausedUntil) return;
    this.#pausedUntil = until;
    this.#pump();
  }

  get pausedUntil(): number {
    return this.#pausedUntil;
  }

  dispose(): void {
    clearTimeout(this.#timer);
  }

  #pump(): void {
    const wait = this.#pausedUntil - this.#now();
    if (wait > 0) {
      clearTimeout(this.#timer);
      this.#timer = setTimeout(() => this.#pump(), wait);
      return;
    }
    while (this.#active < this.#maxConcurrent) {
      const next = this.#waiting.shift();
      if (!next) return;
      next.signal.removeEventListener('abort', next.onAbort);
      this.#active += 1;
      let released = false;
      next.resolve(() => {
        if (released) return;
        released = true;
        this.#active -= 1;
        this.#pump();
      });
    }
  }
}
