import { stat } from 'node:fs/promises';

interface Pending {
  timer: NodeJS.Timeout;
  /** Size and mtime seen at the previous look; the file is settled when a look sees them again. */
  seen?: string;
}

async function signature(filePath: string): Promise<string> {
  try {
    const s = await stat(filePath);
    return `${String(s.size)}:${String(s.mtimeMs)}`;
  } catch (error) {
    // Unreadable or gone: nothing will change by waiting; let the reader say why.
    return `error:${error instanceof Error && 'code' in error ? String(error.code) : 'unknown'}`;
  }
}

/**
 * Waits until a file stops growing: scanners and browsers write slowly, in bursts. Every event for a
 * path restarts its wait; a file is handed on only when two looks `settleMs` apart find the same
 * size and modification time.
 */
export class SettleScheduler {
  readonly #settleMs: number;
  readonly #onSettled: (filePath: string) => void;
  readonly #pending = new Map<string, Pending>();
  #disposed = false;

  constructor(options: { settleMs: number; onSettled: (filePath: string) => void }) {
    this.#settleMs = options.settleMs;
    this.#onSettled = options.onSettled;
  }

  /** Something happened to this file (created, grew, renamed in): wait for it to be quiet. */
  touch(filePath: string): void {
    if (this.#disposed) return;
    const previous = this.#pending.get(filePath);
    if (previous) clearTimeout(previous.timer);
    const entry: Pending = { timer: setTimeout(() => void this.#look(filePath, entry), this.#settleMs) };
    this.#pending.set(filePath, entry);
    void signature(filePath).then((seen) => {
      if (this.#pending.get(filePath) === entry && entry.seen === undefined) entry.seen = seen;
    });
  }

  cancel(filePath: string): void {
    const entry = this.#pending.get(filePath);
    if (entry) clearTimeout(entry.timer);
    this.#pending.delete(filePath);
  }

  /** Cancels every wait under a folder (it was paused or removed). */
  cancelUnder(root: string): void {
    for (const filePath of [...this.#pending.keys()]) {
      if (filePath === root || filePath.startsWith(root.endsWith('/') ? root : `${root}/`))
        this.cancel(filePath);
    }
  }

  get size(): number {
    return this.#pending.size;
  }

  dispose(): void {
    this.#disposed = true;
    for (const entry of this.#pending.values()) clearTimeout(entry.timer);
    this.#pending.clear();
  }

  async #look(filePath: string, entry: Pending): Promise<void> {
    const now = await signature(filePath);
    if (this.#disposed || this.#pending.get(filePath) !== entry) return;
    if (entry.seen === now) {
      this.#pending.delete(filePath);
      this.#onSettled(filePath);
      return;
    }
    entry.seen = now;
    entry.timer = setTimeout(() => void this.#look(filePath, entry), this.#settleMs);
  }
}
