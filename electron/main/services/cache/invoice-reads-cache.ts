import { z } from 'zod';
import {
  invoiceRecordSchema,
  type InvoiceListResponse,
  type InvoiceRecord,
} from '../../../../shared/api/invoice.js';
import type { CacheDatabase } from './cache-db.js';
import { parseJsonColumn, type CachedCopy } from './json-column.js';

/** One page of the 票据 list as asked for (the engine's defaults filled in). */
export interface InvoicePageKey {
  accountSetId: string;
  period?: string;
  direction?: 'purchase' | 'sale';
  duplicate?: boolean;
  page: number;
  pageSize: number;
}

/** Original files of opened invoices kept for offline reading, all together. */
export const INVOICE_FILE_CACHE_MAX_BYTES = 100 * 1024 * 1024;

const recordRowSchema = z.object({
  invoice_id: z.string(),
  payload: z.string(),
  fetched_at: z.iso.datetime(),
});
const pageRowSchema = z.object({
  total: z.number().int().nonnegative(),
  page: z.number().int(),
  page_size: z.number().int(),
  invoice_ids: z.string(),
  fetched_at: z.iso.datetime(),
});
const fileRowSchema = z.object({
  media_type: z.string(),
  bytes: z.instanceof(Buffer),
  fetched_at: z.iso.datetime(),
});
const idsSchema = z.array(z.string());

function listKey(key: InvoicePageKey): string {
  return JSON.stringify([
    key.accountSetId,
    key.period ?? null,
    key.direction ?? null,
    key.duplicate ?? null,
    key.page,
    key.pageSize,
  ]);
}

/**
 * The 票据 list for offline reads: each invoice record once, as last seen (a later getInvoice may
 * refresh it), each page as the engine served it (which invoices in which order, its total), and
 * the original files of opened invoices within {@link INVOICE_FILE_CACHE_MAX_BYTES} — the least
 * recently opened go first. A page or file never read online is simply not cached.
 */
export class InvoiceReadsCache {
  readonly #db: CacheDatabase;
  readonly #maxFileBytes: number;

  constructor(db: CacheDatabase, maxFileBytes = INVOICE_FILE_CACHE_MAX_BYTES) {
    this.#db = db;
    this.#maxFileBytes = maxFileBytes;
  }

  storePage(scope: string, key: InvoicePageKey, page: InvoiceListResponse, fetchedAt: string): void {
    this.#db.transaction(() => {
      for (const record of page.invoices) this.storeRecord(scope, record, fetchedAt);
      this.#db
        .prepare(
          `INSERT INTO invoice_pages (scope, list_key, total, page, page_size, invoice_ids, fetched_at)
           VALUES (?, ?, ?, ?, ?, ?, ?)
           ON CONFLICT (scope, list_key) DO UPDATE SET
             total = excluded.total, page = excluded.page, page_size = excluded.page_size,
             invoice_ids = excluded.invoice_ids, fetched_at = excluded.fetched_at`,
        )
        .run(
          scope,
          listKey(key),
          page.total,
          page.page,
          page.page_size,
          JSON.stringify(page.invoices.map((invoice) => invoice.invoice_id)),
          fetchedAt,
        );
    })();
  }

  loadPage(scope: string, key: InvoicePageKey): CachedCopy<InvoiceListResponse> | undefined {
    const row = pageRowSchema.safeParse(
      this.#db
        .prepare(
          'SELECT total, page, page_size, invoice_ids, fetched_at FROM invoice_pages WHERE scope = ? AND list_key = ?',
        )
        .get(scope, listKey(key)),
    );
    if (!row.success) return undefined;
    const ids = parseJsonColumn(row.data.invoice_ids, idsSchema);
    if (!ids) return undefined;
    const invoices: InvoiceRecord[] = [];
    for (const id of ids) {
      const record = this.loadRecord(scope, id);
      // A page with a hole is not the page that was seen: not cached.
      if (!record) return undefined;
      invoices.push(record.data);
    }
    return {
      data: { invoices, total: row.data.total, page: row.data.page, page_size: row.data.page_size },
      fetchedAt: row.data.fetched_at,
    };
  }

  storeRecord(scope: string, record: InvoiceRecord, fetchedAt: string): void {
    this.#db
      .prepare(
        `INSERT INTO invoice_records (scope, invoice_id, account_set_id, payload, fetched_at)
         VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (scope, invoice_id) DO UPDATE SET
           account_set_id = excluded.account_set_id, payload = excluded.payload,
           fetched_at = excluded.fetched_at`,
      )
      .run(scope, record.invoice_id, record.account_id, JSON.stringify(record), fetchedAt);
  }

  loadRecord(scope: string, invoiceId: string): CachedCopy<InvoiceRecord> | undefined {
    const row = recordRowSchema.safeParse(
      this.#db
        .prepare(
          'SELECT invoice_id, payload, fetched_at FROM invoice_records WHERE scope = ? AND invoice_id = ?',
        )
        .get(scope, invoiceId),
    );
    if (!row.success) return undefined;
    const data = parseJsonColumn(row.data.payload, invoiceRecordSchema);
    return data ? { data, fetchedAt: row.data.fetched_at } : undefined;
  }

  /** Keeps an opened invoice's file, then evicts the least recently used beyond the budget. */
  storeFile(
    scope: string,
    invoiceId: string,
    file: { mediaType: string; bytes: Uint8Array },
    fetchedAt: string,
  ): void {
    if (file.bytes.length > this.#maxFileBytes) return;
    this.#db.transaction(() => {
      this.#db
        .prepare(
          `INSERT INTO invoice_file_cache (scope, invoice_id, media_type, size_bytes, bytes, fetched_at, used_at)
           VALUES (?, ?, ?, ?, ?, ?, ?)
           ON CONFLICT (scope, invoice_id) DO UPDATE SET
             media_type = excluded.media_type, size_bytes = excluded.size_bytes, bytes = excluded.bytes,
             fetched_at = excluded.fetched_at, used_at = excluded.used_at`,
        )
        .run(
          scope,
          invoiceId,
          file.mediaType,
          file.bytes.length,
          Buffer.from(file.bytes),
          fetchedAt,
          fetchedAt,
        );
      this.#evict();
    })();
  }

  loadFile(
    scope: string,
    invoiceId: string,
  ): CachedCopy<{ mediaType: string; bytes: Uint8Array }> | undefined {
    const row = fileRowSchema.safeParse(
      this.#db
        .prepare(
          'SELECT media_type, bytes, fetched_at FROM invoice_file_cache WHERE scope = ? AND invoice_id = ?',
        )
        .get(scope, invoiceId),
    );
    if (!row.success) return undefined;
    this.#db
      .prepare('UPDATE invoice_file_cache SET used_at = ? WHERE scope = ? AND invoice_id = ?')
      .run(new Date().toISOString(), scope, invoiceId);
    return {
      data: { mediaType: row.data.media_type, bytes: new Uint8Array(row.data.bytes) },
      fetchedAt: row.data.fetched_at,
    };
  }

  /** Bytes of every cached original file. */
  fileBytes(): number {
    return z
      .object({ n: z.number().int().nonnegative() })
      .parse(this.#db.prepare('SELECT coalesce(sum(size_bytes), 0) AS n FROM invoice_file_cache').get()).n;
  }

  #evict(): void {
    const rows = z
      .array(z.object({ scope: z.string(), invoice_id: z.string(), size_bytes: z.number().int() }))
      .parse(
        this.#db
          .prepare(
            'SELECT scope, invoice_id, size_bytes FROM invoice_file_cache ORDER BY used_at DESC, rowid DESC',
          )
          .all(),
      );
    let kept = 0;
    const remove = this.#db.prepare('DELETE FROM invoice_file_cache WHERE scope = ? AND invoice_id = ?');
    for (const row of rows) {
      kept += row.size_bytes;
      if (kept > this.#maxFileBytes) remove.run(row.scope, row.invoice_id);
    }
  }
}
