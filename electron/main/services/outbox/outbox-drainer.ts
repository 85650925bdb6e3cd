import type { AppLogger } from '../../logging/logger.js';
import { toIpcError } from '../../ipc/to-ipc-error.js';
import type { ApiProxy } from '../api-proxy/api-proxy.js';
import { classifyFailure, keepsWriteQueued, type FailureKind } from '../api-proxy/failure-kind.js';
import type { OutboxItem, OutboxStore } from './outbox-store.js';

export interface OutboxDrainerOptions {
  store: OutboxStore;
  proxy: ApiProxy;
  /** The current connection's scope: only its writes are sent. */
  scope: () => string;
  logger: AppLogger;
  /** Something in the outbox changed state. */
  onChange: () => void;
  /** Pauses before the next pass after a pass that could not finish; the last one repeats. */
  retryDelaysMs?: readonly number[];
}

/** How the last try of an item ended, for a caller that waits on its own write. */
export interface ItemOutcome {
  kind: FailureKind | 'done';
  error?: unknown;
}

const DEFAULT_RETRY_DELAYS_MS = [2_000, 5_000, 15_000, 30_000, 60_000] as const;

const WAITING_MESSAGES: Partial<Record<FailureKind, string>> = {
  auth: 'API Key 无效或缺失：请在「设置」中重新输入，之后会自动提交',
  rate_limited: '请求过于频繁，稍后自动重试',
  server_error: '服务暂时出错，稍后自动重试',
  cancelled: '发送被中断，稍后自动重试',
  garbled: '未能读到引擎的应答，稍后自动核对并重试',
};
const OFFLINE_MESSAGE = '暂时无法连接，恢复连接后自动提交';

/**
 * Sends queued writes when the engine can take them: one pass at a time, oldest first, each marked
 * done only after the engine's answer — and every try carries the item's idempotency key, so a try
 * whose answer was lost (the engine died mid-request) is repeated without a second voucher. A pass
 * stops at the first write that cannot be delivered now and tries again later with growing pauses;
 * a write the engine rejects (400/403/404) fails for good with the engine's Chinese message.
 */
export class OutboxDrainer {
  readonly #options: OutboxDrainerOptions;
  readonly #delays: readonly number[];
  #current: Promise<void> = Promise.resolve();
  #queued: Promise<void> | undefined;
  #round = 0;
  #timer: NodeJS.Timeout | undefined;
  #disposed = false;
  /** Ends a try in flight when the app quits; the write then simply waits for the next start. */
  readonly #quit = new AbortController();
  readonly #outcomes = new Map<number, ItemOutcome>();

  constructor(options: OutboxDrainerOptions) {
    this.#options = options;
    this.#delays = options.retryDelaysMs ?? DEFAULT_RETRY_DELAYS_MS;
    if (options.store.resetInterrupted() > 0) options.onChange();
  }

  /** Runs a pass after the current one (passes never overlap); concurrent requests share one pass. */
  drain(): Promise<void> {
    if (this.#disposed) return Promise.resolve();
    if (this.#queued) return this.#queued;
    const next = this.#current.then(async () => {
      this.#queued = undefined;
      await this.#pass();
    });
    this.#queued = next;
    this.#current = next.catch(() => undefined);
    return next;
  }

  /** How the last try of an item ended in this process, if it was tried. */
  outcome(id: number): ItemOutcome | undefined {
    return this.#outcomes.get(id);
  }

  forget(id: number): void {
    this.#outcomes.delete(id);
  }

  /** Stops scheduling; resolves when a pass in progress has finished its current item. */
  async dispose(): Promise<void> {
    this.#disposed = true;
    clearTimeout(this.#timer);
    this.#quit.abort();
    await this.#current;
  }

  async #pass(): Promise<void> {
    clearTimeout(this.#timer);
    const { store, scope } = this.#options;
    for (;;) {
      if (this.#disposed) return;
      const item = store.nextPending(scope());
      if (!item) {
        this.#round = 0;
        return;
      }
      if (!(await this.#send(item))) {
        this.#scheduleRetry();
        return;
      }
    }
  }

  /** False when the pass has to stop here (the write waits for a later pass). */
  async #send(item: OutboxItem): Promise<boolean> {
    const { store, proxy, logger, onChange } = this.#options;
    store.markSending(item.id);
    onChange();
    try {
      const result = await proxy.call((client, o) => client.createVoucher(item.payload, o), {
        name: 'outbox:voucher.create',
        idempotencyKey: item.idempotencyKey,
        signal: this.#quit.signal,
      });
      store.markDone(item.id, result);
      this.#outcomes.set(item.id, { kind: 'done' });
      logger.info({ outboxId: item.id, voucherNo: result.voucher_no }, 'outbox item delivered');
      return true;
    } catch (error) {
      const kind = classifyFailure(error);
      this.#outcomes.set(item.id, { kind, error });
      if (keepsWriteQueued(kind)) {
        store.markWaiting(item.id, WAITING_MESSAGES[kind] ?? OFFLINE_MESSAGE);
        logger.info({ outboxId: item.id, reason: kind }, 'outbox item waits for a later try');
        return false;
      }
      store.markFailed(item.id, `提交失败：${toIpcError(error).message}`);
      logger.warn({ outboxId: item.id, reason: kind }, 'outbox item failed');
      return true;
    } finally {
      onChange();
    }
  }

  #scheduleRetry(): void {
    if (this.#disposed) return;
    const delay = this.#delays[Math.min(this.#round, this.#delays.length - 1)] ?? 60_000;
    this.#round += 1;
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => void this.drain(), delay);
    this.#timer.unref();
  }
}
