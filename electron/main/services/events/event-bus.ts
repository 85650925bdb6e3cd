import type { IpcEvent } from '../../../../shared/ipc.js';

/** Push events main sends on its one event channel; adapters forward them to windows or SSE. */
export class EventBus {
  readonly #listeners = new Set<(event: IpcEvent) => void>();

  subscribe(listener: (event: IpcEvent) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  emit(event: IpcEvent): void {
    for (const listener of this.#listeners) listener(event);
  }
}
