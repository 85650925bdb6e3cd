/**
 * While the engine is unreachable, asks again now and then (with growing pauses) so that the app
 * notices by itself when it is back — the answer flips reachability to online, which drains the
 * outbox and tells the renderer to refetch.
 */
export class ReconnectProbe {
  readonly #probe: () => Promise<unknown>;
  readonly #delaysMs: readonly number[];
  #round = 0;
  #timer: NodeJS.Timeout | undefined;
  #active = false;

  constructor(options: { probe: () => Promise<unknown>; delaysMs: readonly number[] }) {
    this.#probe = options.probe;
    this.#delaysMs = options.delaysMs;
  }

  /** Starts probing (if not already). */
  offline(): void {
    if (this.#active) return;
    this.#active = true;
    this.#round = 0;
    this.#schedule();
  }

  /** Stops probing. */
  online(): void {
    this.#active = false;
    clearTimeout(this.#timer);
  }

  dispose(): void {
    this.online();
  }

  #schedule(): void {
    const delay = this.#delaysMs[Math.min(this.#round, this.#delaysMs.length - 1)] ?? 60_000;
    this.#round += 1;
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => {
      this.#probe()
        .catch(() => undefined)
        .finally(() => {
          if (this.#active) this.#schedule();
        });
    }, delay);
    this.#timer.unref();
  }
}
