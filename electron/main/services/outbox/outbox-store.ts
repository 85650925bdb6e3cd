import { z } from 'zod';
import { accountIdSchema } from '../../../../shared/api/common.js';
import {
  invoiceRecognizeResponseSchema,
  invoiceTypeSchema,
  type InvoiceRecognizeResponse,
} from '../../../../shared/api/invoice.js';
import {
  voucherCreateRequestSchema,
  voucherCreateResponseSchema,
  type VoucherCreateRequest,
  type VoucherCreateResponse,
} from '../../../../shared/api/voucher.js';
import {
  outboxKindSchema,
  outboxStateSchema,
  type OutboxCounts,
  type OutboxState,
} from '../../../../shared/ipc.js';
import type { CacheDatabase } from '../cache/cache-db.js';
import { parseJsonColumn } from '../cache/json-column.js';
import { UserFacingError } from '../user-facing-error.js';

/** What an `invoice.recognize` item knows of its file; the bytes themselves are in `outbox_files`. */
export const invoiceUploadPayloadSchema = z.strictObject({
  /** The renderer's id for the upload row, so its outcome finds the row again. */
  uploadId: z.string().min(1).max(64),
  accountSetId: accountIdSchema,
  fileName: z.string().min(1).max(255),
  mediaType: z.string().min(1).max(100),
  sizeBytes: z.number().int().positive(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  invoiceType: invoiceTypeSchema.optional(),
  page: z.number().int().min(1).max(999).optional(),
});
export type InvoiceUploadPayload = z.infer<typeof invoiceUploadPayloadSchema>;

interface OutboxItemBase {
  id: number;
  scope: string;
  /** Sent as `Idempotency-Key` on every try, so the engine applies the write once however often it arrives. */
  idempotencyKey: string;
  state: OutboxState;
  /** Tries in all, offline ones included. */
  attempts: number;
  /** Tries the server answered with a fault; the item fails once these reach the cap. */
  failedTries: number;
  /** Not tried again before this time (backoff after a fault); null: as soon as it can go. */
  nextAttemptAt: string | null;
  message: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface VoucherOutboxItem extends OutboxItemBase {
  kind: 'voucher.create';
  payload: VoucherCreateRequest;
  result: VoucherCreateResponse | null;
}

export interface InvoiceUploadOutboxItem extends OutboxItemBase {
  kind: 'invoice.recognize';
  payload: InvoiceUploadPayload;
  result: InvoiceRecognizeResponse | null;
}

/** A write waiting for (or done with) the engine: a voucher, or an invoice file to recognise. */
export type OutboxItem = VoucherOutboxItem | InvoiceUploadOutboxItem;

const rowSchema = z.object({
  id: z.number().int().positive(),
  scope: z.string(),
  kind: outboxKindSchema,
  idempotency_key: z.string().min(1),
  payload: z.string(),
  state: outboxStateSchema,
  attempts: z.number().int().nonnegative(),
  failed_tries: z.number().int().nonnegative(),
  next_attempt_at: z.iso.datetime().nullable(),
  message: z.string().nullable(),
  result: z.string().nullable(),
  created_at: z.iso.datetime(),
  updated_at: z.iso.datetime(),
});
const countRowSchema = z.object({ state: outboxStateSchema, n: z.number().int().nonnegative() });

const COLUMNS =
  'id, scope, kind, idempotency_key, payload, state, attempts, failed_tries, next_attempt_at, message, result, created_at, updated_at';

/** One queued invoice file at most (the engine's own limit). */
export const OUTBOX_FILE_MAX_BYTES = 10 * 1024 * 1024;
/** All queued invoice files together: a day of scanning offline, not a second copy of the disk. */
export const OUTBOX_FILES_MAX_TOTAL_BYTES = 200 * 1024 * 1024;

function megabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** Done items kept for the renderer's list; older ones are pruned. */
const DONE_KEPT = 100;

/**
 * The outbox table of cache.db (and `outbox_files` for queued invoice files). Every row read back is
 * parsed; one that does not parse is failed, not sent.
 */
export class OutboxStore {
  readonly #db: CacheDatabase;

  constructor(db: CacheDatabase) {
    this.#db = db;
  }

  enqueue(item: {
    scope: string;
    kind: 'voucher.create';
    payload: VoucherCreateRequest;
    idempotencyKey: string;
  }): OutboxItem {
    const now = new Date().toISOString();
    const { lastInsertRowid } = this.#db
      .prepare(
        `INSERT INTO outbox (scope, kind, idempotency_key, payload, state, attempts, created_at, updated_at)
         VALUES (?, ?, ?, ?, 'pending', 0, ?, ?)`,
      )
      .run(item.scope, item.kind, item.idempotencyKey, JSON.stringify(item.payload), now, now);
    const created = this.get(Number(lastInsertRowid));
    if (!created) throw new Error('outbox row vanished right after insert');
    return created;
  }

  /**
   * An invoice file the engine could not take now, with its bytes, in one transaction. Refused with
   * a Chinese message when the file is over 10 MB or would take the queued files past their budget.
   */
  enqueueUpload(item: {
    scope: string;
    payload: InvoiceUploadPayload;
    bytes: Uint8Array;
    idempotencyKey: string;
    maxTotalBytes?: number;
  }): InvoiceUploadOutboxItem {
    const payload = invoiceUploadPayloadSchema.parse(item.payload);
    if (item.bytes.length === 0 || item.bytes.length !== payload.sizeBytes) {
      throw new Error('outbox upload: size does not match the bytes');
    }
    if (item.bytes.length > OUTBOX_FILE_MAX_BYTES) {
      throw new UserFacingError(400, '文件过大，票据文件不能超过 10MB，未放入待发送队列');
    }
    const cap = item.maxTotalBytes ?? OUTBOX_FILES_MAX_TOTAL_BYTES;
    const now = new Date().toISOString();
    const id = this.#db.transaction(() => {
      const queued = this.queuedFileBytes();
      if (queued + item.bytes.length > cap) {
        throw new UserFacingError(
          503,
          `待发送队列已满：离线时最多暂存 ${megabytes(cap)} 票据文件（已暂存 ${megabytes(queued)}），` +
            '请恢复连接等已暂存的票据发出，或在「待发送」中放弃不需要的票据后再上传',
        );
      }
      const { lastInsertRowid } = this.#db
        .prepare(
          `INSERT INTO outbox (scope, kind, idempotency_key, payload, state, attempts, created_at, updated_at)
           VALUES (?, 'invoice.recognize', ?, ?, 'pending', 0, ?, ?)`,
        )
        .run(item.scope, item.idempotencyKey, JSON.stringify(payload), now, now);
      this.#db
        .prepare('INSERT INTO outbox_files (outbox_id, size_bytes, bytes) VALUES (?, ?, ?)')
        .run(lastInsertRowid, item.bytes.length, Buffer.from(item.bytes));
      return Number(lastInsertRowid);
    })();
    const created = this.get(id);
    if (created?.kind !== 'invoice.recognize') throw new Error('outbox row vanished right after insert');
    return created;
  }

  /** The bytes of a queued invoice file; undefined when they are gone (the item cannot be sent). */
  fileBytes(id: number): Uint8Array | undefined {
    const row = z
      .object({ bytes: z.instanceof(Buffer) })
      .safeParse(this.#db.prepare('SELECT bytes FROM outbox_files WHERE outbox_id = ?').get(id));
    return row.success ? new Uint8Array(row.data.bytes) : undefined;
  }

  /** Bytes of every invoice file still held for the outbox. */
  queuedFileBytes(): number {
    const row = z
      .object({ n: z.number().int().nonnegative() })
      .parse(this.#db.prepare('SELECT coalesce(sum(size_bytes), 0) AS n FROM outbox_files').get());
    return row.n;
  }

  get(id: number): OutboxItem | undefined {
    return this.#parse(this.#db.prepare(`SELECT ${COLUMNS} FROM outbox WHERE id = ?`).get(id));
  }

  /**
   * The oldest pending write of this scope that is due: writes go out in the order they were made,
   * except that one waiting out its backoff lets the later ones pass.
   */
  nextPending(scope: string, now = new Date()): OutboxItem | undefined {
    for (;;) {
      const raw = this.#db
        .prepare(
          `SELECT ${COLUMNS} FROM outbox
            WHERE scope = ? AND state = 'pending' AND (next_attempt_at IS NULL OR next_attempt_at <= ?)
            ORDER BY id LIMIT 1`,
        )
        .get(scope, now.toISOString());
      if (raw === undefined) return undefined;
      const item = this.#parse(raw);
      if (item) return item;
      const id = z.object({ id: z.number() }).safeParse(raw);
      if (!id.success) return undefined;
      this.markFailed(id.data.id, '待发送数据已损坏，无法提交');
    }
  }

  markSending(id: number): void {
    this.#update(id, "state = 'sending', attempts = attempts + 1");
  }

  markDone(id: number, result: VoucherCreateResponse | InvoiceRecognizeResponse): void {
    this.#update(id, "state = 'done', message = NULL, result = ?", JSON.stringify(result));
    this.#dropFile(id);
    this.#db
      .prepare(
        `DELETE FROM outbox WHERE state = 'done' AND id NOT IN
           (SELECT id FROM outbox WHERE state = 'done' ORDER BY id DESC LIMIT ?)`,
      )
      .run(DONE_KEPT);
  }

  /** A file is kept only while its item may still be sent. */
  #dropFile(id: number): void {
    this.#db.prepare('DELETE FROM outbox_files WHERE outbox_id = ?').run(id);
  }

  markFailed(id: number, message: string): void {
    this.#update(id, "state = 'failed', message = ?", message);
  }

  /** Back to the queue after a try that could not reach the engine (or was turned away for now). */
  markWaiting(id: number, message: string): void {
    this.#update(id, "state = 'pending', message = ?", message);
  }

  /** The server answered this try with a fault: count it, and wait until `retryAt` before the next. */
  markFaulted(id: number, message: string, retryAt: Date): void {
    this.#update(
      id,
      "state = 'pending', failed_tries = failed_tries + 1, next_attempt_at = ?, message = ?",
      retryAt.toISOString(),
      message,
    );
  }

  /** 结果未知: may have been applied by a server that does not promise idempotency; waits for the user. */
  markUnknown(id: number, message: string): void {
    this.#update(id, "state = 'unknown', message = ?", message);
  }

  /** 重新发送 / 重试: the user sends a failed or unknown write again, with a fresh count of tries. */
  requeue(id: number): void {
    this.#update(id, "state = 'pending', failed_tries = 0, next_attempt_at = NULL, message = NULL");
  }

  /** 确认已入账: the user checked that the server did apply it. */
  markConfirmed(id: number, message: string): void {
    this.#update(id, "state = 'done', message = ?", message);
    this.#dropFile(id);
  }

  /** The earliest time a pending write of this scope waits for, if any waits. */
  nextWakeUp(scope: string): Date | undefined {
    const row = z.object({ at: z.iso.datetime().nullable() }).safeParse(
      this.#db
        .prepare(
          `SELECT min(next_attempt_at) AS at FROM outbox WHERE scope = ? AND state = 'pending'
              AND next_attempt_at IS NOT NULL`,
        )
        .get(scope),
    );
    return row.success && row.data.at !== null ? new Date(row.data.at) : undefined;
  }

  /**
   * At start-up, for writes cut off mid-send: those toward a server that honours the idempotency
   * key are sent again (the key makes that safe); the others may have been applied and become
   * 结果未知. Returns how many rows changed.
   */
  resetInterrupted(honoursIdempotencyKey: (scope: string) => boolean, unknownMessage: string): number {
    const now = new Date().toISOString();
    const rows = z
      .array(z.object({ id: z.number().int(), scope: z.string() }))
      .parse(this.#db.prepare(`SELECT id, scope FROM outbox WHERE state = 'sending'`).all());
    this.#db.transaction(() => {
      for (const row of rows) {
        if (honoursIdempotencyKey(row.scope)) {
          this.#db
            .prepare(`UPDATE outbox SET state = 'pending', updated_at = ? WHERE id = ?`)
            .run(now, row.id);
        } else {
          this.#db
            .prepare(`UPDATE outbox SET state = 'unknown', message = ?, updated_at = ? WHERE id = ?`)
            .run(unknownMessage, now, row.id);
        }
      }
    })();
    return rows.length;
  }

  remove(id: number): void {
    this.#db.transaction(() => {
      this.#db.prepare('DELETE FROM outbox WHERE id = ?').run(id);
      this.#dropFile(id);
    })();
  }

  /** Newest first, for the renderer. */
  list(limit = 200): OutboxItem[] {
    const rows = this.#db.prepare(`SELECT ${COLUMNS} FROM outbox ORDER BY id DESC LIMIT ?`).all(limit);
    return rows.flatMap((raw) => {
      const item = this.#parse(raw);
      return item ? [item] : [];
    });
  }

  counts(): OutboxCounts {
    const counts: OutboxCounts = { pending: 0, sending: 0, failed: 0, unknown: 0 };
    for (const raw of this.#db.prepare('SELECT state, count(*) AS n FROM outbox GROUP BY state').all()) {
      const row = countRowSchema.parse(raw);
      if (row.state !== 'done') counts[row.state] = row.n;
    }
    return counts;
  }

  #update(id: number, assignments: string, ...values: unknown[]): void {
    this.#db
      .prepare(`UPDATE outbox SET ${assignments}, updated_at = ? WHERE id = ?`)
      .run(...values, new Date().toISOString(), id);
  }

  #parse(raw: unknown): OutboxItem | undefined {
    const row = rowSchema.safeParse(raw);
    if (!row.success) return undefined;
    const base: OutboxItemBase = {
      id: row.data.id,
      scope: row.data.scope,
      idempotencyKey: row.data.idempotency_key,
      state: row.data.state,
      attempts: row.data.attempts,
      failedTries: row.data.failed_tries,
      nextAttemptAt: row.data.next_attempt_at,
      message: row.data.message,
      createdAt: row.data.created_at,
      updatedAt: row.data.updated_at,
    };
    const resultText = row.data.result;
    if (row.data.kind === 'invoice.recognize') {
      const payload = parseJsonColumn(row.data.payload, invoiceUploadPayloadSchema);
      if (!payload) return undefined;
      const result = resultText === null ? null : parseJsonColumn(resultText, invoiceRecognizeResponseSchema);
      if (result === undefined) return undefined;
      return { ...base, kind: 'invoice.recognize', payload, result };
    }
    const payload = parseJsonColumn(row.data.payload, voucherCreateRequestSchema);
    if (!payload) return undefined;
    const result = resultText === null ? null : parseJsonColumn(resultText, voucherCreateResponseSchema);
    if (result === undefined) return undefined;
    return { ...base, kind: 'voucher.create', payload, result };
  }
}
