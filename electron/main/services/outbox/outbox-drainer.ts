import type { AppLogger } from '../../logging/logger.js';
import { toIpcError } from '../../ipc/to-ipc-error.js';
import type { ApiProxy } from '../api-proxy/api-proxy.js';
import { classifyFailure, keepsWriteQueued, type FailureKind } from '../api-proxy/failure-kind.js';
import { OutcomeUnknownError } from '../api-proxy/outcome-unknown-error.js';
import type { InvoiceRecognizeResponse } from '../../../../shared/api/invoice.js';
import type { InvoiceUploadOutboxItem, OutboxItem, OutboxStore } from './outbox-store.js';

export interface OutboxDrainerOptions {
  store: OutboxStore;
  proxy: ApiProxy;
  /** The current connection's scope: only its writes are sent. */
  scope: () => string;
  /** Whether the server of a scope said it honours `Idempotency-Key` (decides about writes cut off by a crash). */
  honoursIdempotencyKey: (scope: string) => boolean;
  logger: AppLogger;
  /** Something in the outbox changed state. */
  onChange: () => void;
  /** One item's try has ended (done, failed, unknown, or back to waiting), with the item as it is now. */
  onItemSettled?: (item: OutboxItem) => void;
  /** Pauses before the next pass after a pass that could not reach the server; the last one repeats. */
  retryDelaysMs?: readonly number[];
  /** Backoff of one item after a try the server answered with a fault; the last one repeats. */
  itemBackoffMs?: readonly number[];
  /** Faulted tries after which an item is failed for good (the user may retry it). */
  maxFailedTries?: number;
  now?: () => Date;
}

/** How the last try of an item ended, for a caller that waits on its own write. */
export interface ItemOutcome {
  kind: FailureKind | 'done' | 'outcome_unknown';
  error?: unknown;
}

const DEFAULT_RETRY_DELAYS_MS = [2_000, 5_000, 15_000, 30_000, 60_000] as const;
const DEFAULT_ITEM_BACKOFF_MS = [10_000, 60_000, 5 * 60_000, 30 * 60_000] as const;
const DEFAULT_MAX_FAILED_TRIES = 5;

const WAITING_MESSAGES: Partial<Record<FailureKind, string>> = {
  auth: 'API Key 无效或缺失：请在「设置」中重新输入，之后会自动提交',
  rate_limited: '请求过于频繁，稍后自动重试',
  server_error: '服务暂时出错，稍后自动重试',
  cancelled: '发送被中断，稍后自动重试',
  garbled: '未能读到引擎的应答，稍后自动核对并重试',
};
const OFFLINE_MESSAGE = '暂时无法连接，恢复连接后自动提交';
export const UPLOAD_OFFLINE_MESSAGE = '暂时无法连接引擎，票据已保存在待发送队列，恢复连接后自动上传识别';
const UPLOAD_UNKNOWN_MESSAGE =
  '结果未知：票据可能已被服务器识别，但没有收到应答。请在票据列表中核对后，再确认已识别或重新发送';
const FILE_MISSING_MESSAGE = '待发送的票据文件已丢失，请重新上传';

/** What a kind of write is called in its messages: 提交 a voucher, 识别 an invoice. */
function verbOf(item: OutboxItem): string {
  return item.kind === 'invoice.recognize' ? '识别' : '提交';
}

function waitingMessage(item: OutboxItem, kind: FailureKind): string {
  return (
    WAITING_MESSAGES[kind] ?? (item.kind === 'invoice.recognize' ? UPLOAD_OFFLINE_MESSAGE : OFFLINE_MESSAGE)
  );
}
export const INTERRUPTED_UNKNOWN_MESSAGE =
  '结果未知：上次发送时应用被中断，服务器可能已经入账。请在凭证列表中核对后，再确认已入账或重新发送';

/** A fault of this item (the server is there but answered this write with an error): backoff, then the cap. */
function isItemFault(kind: FailureKind): boolean {
  return kind === 'server_error' || kind === 'garbled';
}

/**
 * Sends queued writes when the engine can take them: one pass at a time, oldest first, each marked
 * done only after the engine's answer; every try carries the item's idempotency key.
 *
 * - Nothing reachable (offline, engine stopped, no key, 429): the pass stops and tries again later
 *   with growing pauses; such tries do not count against the item.
 * - The server answers this item with a fault (5xx, garbled answer): the item waits out a backoff
 *   of its own while the queue moves on to later items; after `maxFailedTries` it is `failed`.
 * - The server rejects it (400/403/404): `failed` at once with the engine's Chinese message.
 * - The outcome is unknown and the server never said it honours `Idempotency-Key`: `unknown`
 *   (结果未知), never resent automatically; the user confirms it or resends it.
 */
export class OutboxDrainer {
  readonly #options: OutboxDrainerOptions;
  readonly #delays: readonly number[];
  readonly #itemBackoff: readonly number[];
  readonly #maxFailedTries: number;
  readonly #now: () => Date;
  #current: Promise<void> = Promise.resolve();
  #queued: Promise<void> | undefined;
  #round = 0;
  #timer: NodeJS.Timeout | undefined;
  #disposed = false;
  /** Ends a try in flight when the app quits. */
  readonly #quit = new AbortController();
  readonly #outcomes = new Map<number, ItemOutcome>();

  constructor(options: OutboxDrainerOptions) {
    this.#options = options;
    this.#delays = options.retryDelaysMs ?? DEFAULT_RETRY_DELAYS_MS;
    this.#itemBackoff = options.itemBackoffMs ?? DEFAULT_ITEM_BACKOFF_MS;
    this.#maxFailedTries = options.maxFailedTries ?? DEFAULT_MAX_FAILED_TRIES;
    this.#now = options.now ?? (() => new Date());
    const interrupted = options.store.resetInterrupted(
      options.honoursIdempotencyKey,
      INTERRUPTED_UNKNOWN_MESSAGE,
    );
    if (interrupted > 0) options.onChange();
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
      const item = store.nextPending(scope(), this.#now());
      if (!item) {
        this.#round = 0;
        this.#wakeForBackoff();
        return;
      }
      if (!(await this.#send(item))) {
        this.#scheduleRetry();
        return;
      }
    }
  }

  /** False when the pass has to stop here (nothing can be delivered now). */
  async #send(item: OutboxItem): Promise<boolean> {
    const { store, logger, onChange } = this.#options;
    store.markSending(item.id);
    onChange();
    try {
      if (item.kind === 'voucher.create') {
        const result = await this.#options.proxy.call((client, o) => client.createVoucher(item.payload, o), {
          name: 'outbox:voucher.create',
          idempotencyKey: item.idempotencyKey,
          signal: this.#quit.signal,
        });
        store.markDone(item.id, result);
        logger.info({ outboxId: item.id, voucherNo: result.voucher_no }, 'outbox item delivered');
      } else {
        const result = await this.#recognize(item);
        if (!result) return true;
        store.markDone(item.id, result);
        logger.info({ outboxId: item.id, invoiceId: result.invoice_id }, 'outbox upload recognised');
      }
      this.#outcomes.set(item.id, { kind: 'done' });
      return true;
    } catch (error) {
      return this.#settle(item, error);
    } finally {
      onChange();
      const now = store.get(item.id);
      if (now) this.#options.onItemSettled?.(now);
    }
  }

  /** An invoice file kept while the engine was unreachable, sent now with the key of its first try. */
  async #recognize(item: InvoiceUploadOutboxItem): Promise<InvoiceRecognizeResponse | undefined> {
    const { store, proxy } = this.#options;
    const bytes = store.fileBytes(item.id);
    if (!bytes) {
      store.markFailed(item.id, FILE_MISSING_MESSAGE);
      this.#outcomes.set(item.id, { kind: 'rejected' });
      return undefined;
    }
    const { payload } = item;
    return proxy.call(
      (client, o) =>
        client.recognizeInvoice(
          {
            file: bytes,
            filename: payload.fileName,
            contentType: payload.mediaType,
            account_id: payload.accountSetId,
            ...(payload.invoiceType ? { invoice_type: payload.invoiceType } : {}),
            ...(payload.page ? { page: String(payload.page) } : {}),
          },
          o,
        ),
      { name: 'outbox:invoice.recognize', idempotencyKey: item.idempotencyKey, signal: this.#quit.signal },
    );
  }

  #settle(item: OutboxItem, error: unknown): boolean {
    const { store, logger } = this.#options;
    if (error instanceof OutcomeUnknownError) {
      this.#outcomes.set(item.id, { kind: 'outcome_unknown', error });
      store.markUnknown(item.id, item.kind === 'invoice.recognize' ? UPLOAD_UNKNOWN_MESSAGE : error.message);
      logger.warn({ outboxId: item.id }, 'outbox item outcome unknown');
      return true;
    }
    const kind = classifyFailure(error);
    this.#outcomes.set(item.id, { kind, error });
    if (isItemFault(kind)) {
      const tries = item.failedTries + 1;
      const reason = toIpcError(error).message;
      if (tries >= this.#maxFailedTries) {
        store.markFailed(item.id, `${verbOf(item)}失败（已尝试 ${String(tries)} 次）：${reason}`);
        logger.warn({ outboxId: item.id, reason: kind, tries }, 'outbox item failed after its last try');
        return true;
      }
      const wait = this.#itemBackoff[Math.min(tries - 1, this.#itemBackoff.length - 1)] ?? 60_000;
      store.markFaulted(
        item.id,
        `${waitingMessage(item, kind)}（第 ${String(tries)} 次失败，共 ${String(this.#maxFailedTries)} 次）`,
        new Date(this.#now().getTime() + wait),
      );
      logger.info({ outboxId: item.id, reason: kind, tries, waitMs: wait }, 'outbox item backs off');
      return true;
    }
    if (keepsWriteQueued(kind)) {
      store.markWaiting(item.id, waitingMessage(item, kind));
      logger.info({ outboxId: item.id, reason: kind }, 'outbox item waits for a later try');
      return false;
    }
    store.markFailed(item.id, `${verbOf(item)}失败：${toIpcError(error).message}`);
    logger.warn({ outboxId: item.id, reason: kind }, 'outbox item failed');
    return true;
  }

  /** The pass found nothing due: come back when the first item waiting out its backoff is due. */
  #wakeForBackoff(): void {
    if (this.#disposed) return;
    const at = this.#options.store.nextWakeUp(this.#options.scope());
    if (!at) return;
    const delay = Math.max(0, at.getTime() - this.#now().getTime());
    this.#timer = setTimeout(() => void this.drain(), delay);
    this.#timer.unref();
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
