import type { Reachability } from '../../../../shared/ipc.js';

/**
 * Whether the engine (local or cloud) answers, judged from the outcomes of real calls — any HTTP
 * answer, an error envelope included, means it is there; no answer at all means it is not. Only
 * changes are reported.
 */
export class ReachabilityTracker {
  #state: Reachability = 'unknown';
  readonly #onChange: (state: Reachability) => void;

  constructor(onChange: (state: Reachability) => void = () => undefined) {
    this.#onChange = onChange;
  }

  get state(): Reachability {
    return this.#state;
  }

  answered(): void {
    this.#set('online');
  }

  unreachable(): void {
    this.#set('offline');
  }

  /** The connection changed (mode or base URL): nothing is known about the new one yet. */
  reset(): void {
    this.#set('unknown');
  }

  #set(state: Reachability): void {
    if (state === this.#state) return;
    this.#state = state;
    this.#onChange(state);
  }
}
