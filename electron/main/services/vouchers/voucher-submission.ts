import { randomUUID } from 'node:crypto';
import type { VoucherCreateRequest } from '../../../../shared/api/voucher.js';
import type { VoucherSubmission } from '../../../../shared/ipc.js';
import { UserFacingError } from '../user-facing-error.js';
import type { ApiProxy } from '../api-proxy/api-proxy.js';
import { classifyFailure, keepsWriteQueued } from '../api-proxy/failure-kind.js';
import { OutcomeUnknownError } from '../api-proxy/outcome-unknown-error.js';
import type { OutboxDrainer } from '../outbox/outbox-drainer.js';
import type { OutboxStore } from '../outbox/outbox-store.js';

export interface VoucherSubmitterDeps {
  proxy: ApiProxy;
  /** Both undefined when cache.db could not be opened: vouchers are then sent directly or not at all. */
  outbox: { store: OutboxStore; drainer: OutboxDrainer } | undefined;
  scope: () => string;
  /** How long the renderer waits for its voucher's first try before hearing "queued". */
  waitMs?: number;
}

const QUEUED_MESSAGE = '暂时无法连接引擎：凭证已保存在待发送队列，恢复连接后自动提交';

/**
 * createVoucher: every voucher goes through the outbox with a fresh idempotency key, so nothing
 * the user entered is lost if the engine is unreachable — or if the app quits mid-request. When
 * the engine answers at once the caller gets the voucher number (or the engine's error, and the
 * item is dropped: the user is right there to correct it); otherwise it hears "queued".
 */
export class VoucherSubmitter {
  readonly #deps: VoucherSubmitterDeps;

  constructor(deps: VoucherSubmitterDeps) {
    this.#deps = deps;
  }

  async submit(voucher: VoucherCreateRequest, signal: AbortSignal): Promise<VoucherSubmission> {
    const { outbox, proxy, scope } = this.#deps;
    const idempotencyKey = randomUUID();
    if (!outbox) {
      try {
        const created = await proxy.call((client, o) => client.createVoucher(voucher, o), {
          name: 'createVoucher',
          signal,
          idempotencyKey,
        });
        return { status: 'created', ...created };
      } catch (error) {
        if (error instanceof OutcomeUnknownError) throw error;
        const kind = classifyFailure(error);
        if (!keepsWriteQueued(kind) || kind === 'auth') throw error;
        throw new UserFacingError(
          503,
          '无法连接引擎，且离线队列不可用（缓存数据库未能打开），请恢复连接后重试',
        );
      }
    }

    const item = outbox.store.enqueue({
      scope: scope(),
      kind: 'voucher.create',
      payload: voucher,
      idempotencyKey,
    });
    await settledWithin(outbox.drainer.drain(), this.#deps.waitMs ?? 10_000, signal);

    const now = outbox.store.get(item.id);
    const outcome = outbox.drainer.outcome(item.id);
    if (now?.kind === 'voucher.create' && now.state === 'done' && now.result) {
      outbox.drainer.forget(item.id);
      return { status: 'created', ...now.result };
    }
    if (outcome?.kind === 'rejected' || outcome?.kind === 'auth') {
      // The engine said no to this very request (or to the key): nothing was created, so nothing
      // stays queued; the caller shows the engine's message and the user corrects it.
      outbox.store.remove(item.id);
      outbox.drainer.forget(item.id);
      throw outcome.error;
    }
    if (now?.state === 'unknown') {
      return {
        status: 'unknown',
        outboxId: item.id,
        message: now.message ?? new OutcomeUnknownError(null).message,
      };
    }
    return { status: 'queued', outboxId: item.id, message: now?.message ?? QUEUED_MESSAGE };
  }
}

/** Waits for `work`, but no longer than `ms` or until the caller leaves; never rejects. */
function settledWithin(work: Promise<unknown>, ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const done = (): void => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
    work.then(done, done);
  });
}
