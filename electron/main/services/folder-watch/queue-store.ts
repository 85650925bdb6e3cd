import { z } from 'zod';
import {
  folderWatchItemStateSchema,
  type FolderCounts,
  type FolderWatchItemState,
} from '../../../../shared/folder-watch.js';
import type { CacheDatabase } from '../cache/cache-db.js';
import { uploadIdempotencyKey } from './idempotency-key.js';

/** One upload: a file content for an account set of one engine. */
export interface QueueItem {
  id: number;
  scope: string;
  accountSetId: string;
  contentSha256: string;
  idempotencyKey: string;
  folderId: string;
  fileName: string;
  filePath: string;
  sizeBytes: number;
  state: FolderWatchItemState;
  attempts: number;
  /** Epoch ms before which a waiting item is not tried again. */
  nextAttemptAt: number;
  message: string | null;
  invoiceId: string | null;
  createdAt: string;
  updatedAt: string;
}

/** What is known of one file in a watched folder: its content, or why it cannot be uploaded. */
export interface KnownFile {
  path: string;
  folderId: string;
  contentSha256: string | null;
  sizeBytes: number;
  problem: string | null;
  seenAt: string;
}

const sha256Schema = z.string().regex(/^[0-9a-f]{64}$/);

const itemRowSchema = z.object({
  id: z.number().int().positive(),
  scope: z.string(),
  account_set_id: z.string(),
  content_sha256: sha256Schema,
  idempotency_key: z.string().min(1),
  folder_id: z.string(),
  file_name: z.string(),
  file_path: z.string(),
  size_bytes: z.number().int().nonnegative(),
  state: folderWatchItemStateSchema,
  attempts: z.number().int().nonnegative(),
  next_attempt_at: z.number().int(),
  message: z.string().nullable(),
  invoice_id: z.string().nullable(),
  created_at: z.iso.datetime(),
  updated_at: z.iso.datetime(),
});

const fileRowSchema = z.object({
  path: z.string(),
  folder_id: z.string(),
  content_sha256: sha256Schema.nullable(),
  size_bytes: z.number().int().nonnegative(),
  problem: z.string().nullable(),
  seen_at: z.iso.datetime(),
});

const countRowSchema = z.object({
  folder_id: z.string(),
  state: folderWatchItemStateSchema,
  n: z.number().int().nonnegative(),
});

const ITEM_COLUMNS = `id, scope, account_set_id, content_sha256, idempotency_key, folder_id, file_name,
  file_path, size_bytes, state, attempts, next_attempt_at, message, invoice_id, created_at, updated_at`;

export function emptyCounts(): FolderCounts {
  return { pending: 0, uploading: 0, done: 0, failed: 0 };
}

/**
 * The two folder-watch tables of cache.db. Every row read back is parsed; a row that does not
 * parse is skipped (and, for an item, failed) rather than sent.
 */
export class FolderWatchQueueStore {
  readonly #db: CacheDatabase;

  constructor(db: CacheDatabase) {
    this.#db = db;
  }

  /**
   * The item for this content in this account set, created (pending, with its idempotency key)
   * when there is none yet. `created` says which happened — only a new item is uploaded.
   */
  ensureItem(input: {
    scope: string;
    accountSetId: string;
    contentSha256: string;
    folderId: string;
    fileName: string;
    filePath: string;
    sizeBytes: number;
  }): { item: QueueItem; created: boolean } {
    const now = new Date().toISOString();
    const { changes } = this.#db
      .prepare(
        `INSERT INTO folder_watch_items
           (scope, account_set_id, content_sha256, idempotency_key, folder_id, file_name, file_path,
            size_bytes, state, attempts, next_attempt_at, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'pending', 0, 0, ?, ?)
         ON CONFLICT (scope, account_set_id, content_sha256) DO NOTHING`,
      )
      .run(
        input.scope,
        input.accountSetId,
        input.contentSha256,
        uploadIdempotencyKey(input.scope, input.accountSetId, input.contentSha256),
        input.folderId,
        input.fileName,
        input.filePath,
        input.sizeBytes,
        now,
        now,
      );
    const item = this.findItem(input.scope, input.accountSetId, input.contentSha256);
    if (!item) throw new Error('folder-watch item vanished right after insert');
    return { item, created: changes > 0 };
  }

  findItem(scope: string, accountSetId: string, contentSha256: string): QueueItem | undefined {
    return parseItem(
      this.#db
        .prepare(
          `SELECT ${ITEM_COLUMNS} FROM folder_watch_items
            WHERE scope = ? AND account_set_id = ? AND content_sha256 = ?`,
        )
        .get(scope, accountSetId, contentSha256),
    );
  }

  getItem(id: number): QueueItem | undefined {
    return parseItem(this.#db.prepare(`SELECT ${ITEM_COLUMNS} FROM folder_watch_items WHERE id = ?`).get(id));
  }

  /**
   * Claims the oldest due pending item of this scope among the given folders: it becomes
   * `uploading` in the same statement, so two workers never take the same item.
   */
  claimNext(scope: string, folderIds: readonly string[], now: number): QueueItem | undefined {
    if (folderIds.length === 0) return undefined;
    const marks = folderIds.map(() => '?').join(', ');
    for (;;) {
      const raw = this.#db
        .prepare(
          `UPDATE folder_watch_items
              SET state = 'uploading', attempts = attempts + 1, updated_at = ?
            WHERE id = (SELECT id FROM folder_watch_items
                         WHERE scope = ? AND state = 'pending' AND next_attempt_at <= ?
                           AND folder_id IN (${marks})
                         ORDER BY id LIMIT 1)
        RETURNING ${ITEM_COLUMNS}`,
        )
        .get(new Date().toISOString(), scope, now, ...folderIds);
      if (raw === undefined) return undefined;
      const item = parseItem(raw);
      if (item) return item;
      const id = z.object({ id: z.number() }).safeParse(raw);
      if (!id.success) return undefined;
      this.markFailed(id.data.id, '排队数据已损坏，无法上传');
    }
  }

  /** When the next waiting item of these folders falls due (epoch ms), if any. */
  nextDueAt(scope: string, folderIds: readonly string[]): number | undefined {
    if (folderIds.length === 0) return undefined;
    const marks = folderIds.map(() => '?').join(', ');
    const row = z.object({ due: z.number().int().nullable() }).parse(
      this.#db
        .prepare(
          `SELECT min(next_attempt_at) AS due FROM folder_watch_items
              WHERE scope = ? AND state = 'pending' AND folder_id IN (${marks})`,
        )
        .get(scope, ...folderIds),
    );
    return row.due ?? undefined;
  }

  markDone(id: number, invoiceId: string): void {
    this.#update(id, "state = 'done', message = NULL, invoice_id = ?", invoiceId);
  }

  markFailed(id: number, message: string): void {
    this.#update(id, "state = 'failed', message = ?", message);
  }

  /** Back to the queue after a try that did not reach a verdict; tried again at `nextAttemptAt`. */
  markWaiting(id: number, message: string, nextAttemptAt: number): void {
    this.#update(id, "state = 'pending', message = ?, next_attempt_at = ?", message, nextAttemptAt);
  }

  /** The file the item will be read from next (its first path moved or vanished). */
  repoint(id: number, filePath: string, fileName: string, folderId: string): void {
    this.#update(id, 'file_path = ?, file_name = ?, folder_id = ?', filePath, fileName, folderId);
  }

  /** At start-up: an upload cut off mid-send is sent again — with the same idempotency key. */
  resetInterrupted(): number {
    return this.#db
      .prepare(`UPDATE folder_watch_items SET state = 'pending', updated_at = ? WHERE state = 'uploading'`)
      .run(new Date().toISOString()).changes;
  }

  /** 「重试失败项」: failed items of this scope go back to the queue, due now. */
  retryFailed(scope: string): number {
    return this.#db
      .prepare(
        `UPDATE folder_watch_items SET state = 'pending', next_attempt_at = 0, message = NULL, updated_at = ?
          WHERE scope = ? AND state = 'failed'`,
      )
      .run(new Date().toISOString(), scope).changes;
  }

  /** Waiting items become due now (the engine came back, the key was fixed). */
  wakeWaiting(scope: string): number {
    return this.#db
      .prepare(
        `UPDATE folder_watch_items SET next_attempt_at = 0 WHERE scope = ? AND state = 'pending' AND next_attempt_at > 0`,
      )
      .run(scope).changes;
  }

  deleteItem(id: number): void {
    this.#db.prepare('DELETE FROM folder_watch_items WHERE id = ?').run(id);
  }

  /** A removed folder takes its unsent items with it; uploaded ones stay as history. */
  removeFolder(folderId: string): void {
    this.#db.transaction(() => {
      this.#db
        .prepare(`DELETE FROM folder_watch_items WHERE folder_id = ? AND state IN ('pending', 'failed')`)
        .run(folderId);
      this.#db.prepare('DELETE FROM folder_watch_files WHERE folder_id = ?').run(folderId);
    })();
  }

  listItems(scope: string, limit: number): QueueItem[] {
    return this.#db
      .prepare(
        `SELECT ${ITEM_COLUMNS} FROM folder_watch_items WHERE scope = ?
          ORDER BY CASE state WHEN 'uploading' THEN 0 WHEN 'failed' THEN 1 WHEN 'pending' THEN 2 ELSE 3 END,
                   updated_at DESC, id DESC LIMIT ?`,
      )
      .all(scope, limit)
      .flatMap((raw) => {
        const item = parseItem(raw);
        return item ? [item] : [];
      });
  }

  /** Per folder: how many of its items are in each state (problem files count as failed). */
  countsByFolder(scope: string): Map<string, FolderCounts> {
    const counts = new Map<string, FolderCounts>();
    const entry = (folderId: string): FolderCounts => {
      let value = counts.get(folderId);
      if (!value) {
        value = emptyCounts();
        counts.set(folderId, value);
      }
      return value;
    };
    const rows = this.#db
      .prepare(
        `SELECT folder_id, state, count(*) AS n FROM folder_watch_items WHERE scope = ? GROUP BY folder_id, state`,
      )
      .all(scope);
    for (const raw of rows) {
      const row = countRowSchema.parse(raw);
      entry(row.folder_id)[row.state] += row.n;
    }
    const problems = this.#db
      .prepare(
        `SELECT folder_id, 'failed' AS state, count(*) AS n FROM folder_watch_files
          WHERE problem IS NOT NULL GROUP BY folder_id`,
      )
      .all();
    for (const raw of problems) {
      const row = countRowSchema.parse(raw);
      entry(row.folder_id).failed += row.n;
    }
    return counts;
  }

  // ——— files ———

  recordFile(file: Omit<KnownFile, 'seenAt'>): void {
    this.#db
      .prepare(
        `INSERT INTO folder_watch_files (path, folder_id, content_sha256, size_bytes, problem, seen_at)
         VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT (path) DO UPDATE SET folder_id = excluded.folder_id,
           content_sha256 = excluded.content_sha256, size_bytes = excluded.size_bytes,
           problem = excluded.problem, seen_at = excluded.seen_at`,
      )
      .run(
        file.path,
        file.folderId,
        file.contentSha256,
        file.sizeBytes,
        file.problem,
        new Date().toISOString(),
      );
  }

  getFile(filePath: string): KnownFile | undefined {
    return parseFile(
      this.#db
        .prepare(
          'SELECT path, folder_id, content_sha256, size_bytes, problem, seen_at FROM folder_watch_files WHERE path = ?',
        )
        .get(filePath),
    );
  }

  forgetFile(filePath: string): void {
    this.#db.prepare('DELETE FROM folder_watch_files WHERE path = ?').run(filePath);
  }

  /** Every known file (in these folders) holding this content: where an upload can be read from. */
  filesWithContent(contentSha256: string, folderIds: readonly string[]): KnownFile[] {
    if (folderIds.length === 0) return [];
    const marks = folderIds.map(() => '?').join(', ');
    return this.#db
      .prepare(
        `SELECT path, folder_id, content_sha256, size_bytes, problem, seen_at FROM folder_watch_files
          WHERE content_sha256 = ? AND folder_id IN (${marks}) ORDER BY seen_at DESC`,
      )
      .all(contentSha256, ...folderIds)
      .flatMap((raw) => {
        const file = parseFile(raw);
        return file ? [file] : [];
      });
  }

  /** Files that cannot be uploaded, newest first, for the page. */
  problemFiles(limit: number): KnownFile[] {
    return this.#db
      .prepare(
        `SELECT path, folder_id, content_sha256, size_bytes, problem, seen_at FROM folder_watch_files
          WHERE problem IS NOT NULL ORDER BY seen_at DESC LIMIT ?`,
      )
      .all(limit)
      .flatMap((raw) => {
        const file = parseFile(raw);
        return file ? [file] : [];
      });
  }

  #update(id: number, assignments: string, ...values: unknown[]): void {
    this.#db
      .prepare(`UPDATE folder_watch_items SET ${assignments}, updated_at = ? WHERE id = ?`)
      .run(...values, new Date().toISOString(), id);
  }
}

function parseItem(raw: unknown): QueueItem | undefined {
  const row = itemRowSchema.safeParse(raw);
  if (!row.success) return undefined;
  const r = row.data;
  return {
    id: r.id,
    scope: r.scope,
    accountSetId: r.account_set_id,
    contentSha256: r.content_sha256,
    idempotencyKey: r.idempotency_key,
    folderId: r.folder_id,
    fileName: r.file_name,
    filePath: r.file_path,
    sizeBytes: r.size_bytes,
    state: r.state,
    attempts: r.attempts,
    nextAttemptAt: r.next_attempt_at,
    message: r.message,
    invoiceId: r.invoice_id,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

function parseFile(raw: unknown): KnownFile | undefined {
  const row = fileRowSchema.safeParse(raw);
  if (!row.success) return undefined;
  const r = row.data;
  return {
    path: r.path,
    folderId: r.folder_id,
    contentSha256: r.content_sha256,
    sizeBytes: r.size_bytes,
    problem: r.problem,
    seenAt: r.seen_at,
  };
}
