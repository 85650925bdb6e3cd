import { createHash } from 'node:crypto';
import { mkdirSync, renameSync, writeFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import {
  invoiceRecognizeResponseSchema,
  type InvoiceRecognizeResponse,
} from '../../../../shared/api/invoice.js';
import type { CacheDatabase } from './cache-db.js';
import { parseJsonColumn } from './json-column.js';

export interface CachedInvoice {
  result: InvoiceRecognizeResponse;
  fileSha256: string;
  fileName: string;
  /** Absolute path of the app's own copy of the original file. */
  storedFile: string;
  fetchedAt: string;
}

const rowSchema = z.object({
  file_sha256: z.string().regex(/^[0-9a-f]{64}$/),
  file_name: z.string(),
  stored_file: z.string().regex(/^[0-9a-f]{64}\.(jpg|png|pdf|bin)$/),
  result: z.string(),
  fetched_at: z.iso.datetime(),
});

const EXTENSIONS: Record<string, string> = { '.jpg': 'jpg', '.jpeg': 'jpg', '.png': 'png', '.pdf': 'pdf' };

/**
 * Recognition results with the hash of the file they came from, and a copy of that file under
 * `<userData>/invoices/<sha256>.<ext>` — named by content, so the same invoice is stored once and
 * a name from the user's folder never becomes a path.
 */
export class InvoicesCache {
  readonly #db: CacheDatabase;
  readonly #dir: string;

  constructor(db: CacheDatabase, invoicesDir: string) {
    this.#db = db;
    this.#dir = invoicesDir;
  }

  store(
    scope: string,
    upload: { accountSetId: string; file: Uint8Array; fileName: string },
    result: InvoiceRecognizeResponse,
    fetchedAt: string,
  ): CachedInvoice {
    const fileSha256 = createHash('sha256').update(upload.file).digest('hex');
    const storedFile = `${fileSha256}.${EXTENSIONS[path.extname(upload.fileName).toLowerCase()] ?? 'bin'}`;
    const target = path.join(this.#dir, storedFile);
    if (!existsSync(target)) {
      mkdirSync(this.#dir, { recursive: true });
      const temp = `${target}.${String(process.pid)}.tmp`;
      writeFileSync(temp, upload.file, { mode: 0o600 });
      renameSync(temp, target);
    }
    this.#db
      .prepare(
        `INSERT INTO invoices
           (scope, invoice_id, account_set_id, file_sha256, file_name, stored_file, result, fetched_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (scope, invoice_id) DO UPDATE SET
           account_set_id = excluded.account_set_id, file_sha256 = excluded.file_sha256,
           file_name = excluded.file_name, stored_file = excluded.stored_file,
           result = excluded.result, fetched_at = excluded.fetched_at`,
      )
      .run(
        scope,
        result.invoice_id,
        upload.accountSetId,
        fileSha256,
        path.basename(upload.fileName),
        storedFile,
        JSON.stringify(result),
        fetchedAt,
      );
    return { result, fileSha256, fileName: path.basename(upload.fileName), storedFile: target, fetchedAt };
  }

  /** A result already known for this exact file in this account set (the duplicate check's first step). */
  findByFileHash(scope: string, accountSetId: string, fileSha256: string): CachedInvoice | undefined {
    const raw = this.#db
      .prepare(
        `SELECT file_sha256, file_name, stored_file, result, fetched_at FROM invoices
          WHERE scope = ? AND account_set_id = ? AND file_sha256 = ? ORDER BY fetched_at DESC LIMIT 1`,
      )
      .get(scope, accountSetId, fileSha256);
    const row = rowSchema.safeParse(raw);
    if (!row.success) return undefined;
    const result = parseJsonColumn(row.data.result, invoiceRecognizeResponseSchema);
    if (!result) return undefined;
    return {
      result,
      fileSha256: row.data.file_sha256,
      fileName: row.data.file_name,
      storedFile: path.join(this.#dir, row.data.stored_file),
      fetchedAt: row.data.fetched_at,
    };
  }
}
