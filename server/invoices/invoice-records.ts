import { z } from 'zod';
import { invoiceRecordSchema, type InvoiceListQuery, type InvoiceRecord } from '../../shared/api/invoice.js';
import type { EngineDb } from '../db/engine-db.js';
import { statement } from '../db/statements.js';
import { isoTimestamp } from '../db/timestamps.js';
import { newId } from '../ids.js';

/**
 * The minimal invoice record vouchers attach to: enough to check that an attachment exists in the
 * account set. Recognition stores the recognised fields in the same table (see below).
 */
export interface NewInvoiceRecord {
  accountSetId: string;
  /** SHA-256 of the file, hex; the duplicate check compares it. */
  fileSha256: string;
}

export function createInvoiceRecord(db: EngineDb, input: NewInvoiceRecord): string {
  const id = newId('inv_');
  statement(db, 'INSERT INTO invoices (id, account_set_id, file_sha256, created_at) VALUES (?, ?, ?, ?)').run(
    id,
    input.accountSetId,
    input.fileSha256,
    isoTimestamp(),
  );
  return id;
}

export function invoiceExistsInAccountSet(db: EngineDb, accountSetId: string, invoiceId: string): boolean {
  return (
    statement(db, 'SELECT 1 FROM invoices WHERE id = ? AND account_set_id = ?').get(
      invoiceId,
      accountSetId,
    ) !== undefined
  );
}

export function newInvoiceId(): string {
  return newId('inv_');
}

/** Keeps the original file once per content hash (a second upload of the same bytes adds nothing). */
export function storeInvoiceFile(db: EngineDb, sha256: string, mediaType: string, bytes: Uint8Array): void {
  statement(
    db,
    'INSERT OR IGNORE INTO invoice_files (sha256, media_type, size, data, created_at) VALUES (?, ?, ?, ?, ?)',
  ).run(
    sha256,
    mediaType,
    bytes.length,
    Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length),
    isoTimestamp(),
  );
}

const fileRowSchema = z.object({ media_type: z.string(), data: z.instanceof(Buffer) });

export function readInvoiceFile(
  db: EngineDb,
  sha256: string,
): { mediaType: string; data: Buffer } | undefined {
  const row: unknown = statement(db, 'SELECT media_type, data FROM invoice_files WHERE sha256 = ?').get(
    sha256,
  );
  if (row === undefined) return undefined;
  const parsed = fileRowSchema.parse(row);
  return { mediaType: parsed.media_type, data: parsed.data };
}

export interface DuplicateKeys {
  accountSetId: string;
  invoiceCode: string | null;
  invoiceNumber: string | null;
  fileSha256: string;
  page: number;
}

const duplicateRowSchema = z.object({ id: z.string(), created_at: z.string() });

/**
 * The earliest invoice of the account set that is the same one: the 20-digit number alone for
 * 数电票, 代码 + 号码 for older invoices, else the same file (and page).
 */
export function findDuplicateInvoice(
  db: EngineDb,
  keys: DuplicateKeys,
): { invoiceId: string; matchedBy: 'number' | 'code_number' | 'file_hash'; createdAt: string } | undefined {
  const first = (sql: string, ...args: unknown[]) => {
    const row: unknown = statement(db, sql).get(...args);
    return row === undefined ? undefined : duplicateRowSchema.parse(row);
  };
  if (keys.invoiceNumber && keys.invoiceNumber.length === 20) {
    const row = first(
      `SELECT id, created_at FROM invoices WHERE account_set_id = ? AND invoice_number = ?
       ORDER BY created_at, rowid LIMIT 1`,
      keys.accountSetId,
      keys.invoiceNumber,
    );
    if (row) return { invoiceId: row.id, matchedBy: 'number', createdAt: row.created_at };
  } else if (keys.invoiceNumber && keys.invoiceCode) {
    const row = first(
      `SELECT id, created_at FROM invoices WHERE account_set_id = ? AND invoice_number = ? AND invoice_code = ?
       ORDER BY created_at, rowid LIMIT 1`,
      keys.accountSetId,
      keys.invoiceNumber,
      keys.invoiceCode,
    );
    if (row) return { invoiceId: row.id, matchedBy: 'code_number', createdAt: row.created_at };
  }
  const row = first(
    `SELECT id, created_at FROM invoices WHERE account_set_id = ? AND file_sha256 = ? AND page = ?
     ORDER BY created_at, rowid LIMIT 1`,
    keys.accountSetId,
    keys.fileSha256,
    keys.page,
  );
  return row ? { invoiceId: row.id, matchedBy: 'file_hash', createdAt: row.created_at } : undefined;
}

export interface RecognizedInvoiceRow {
  record: InvoiceRecord;
  period: string | null;
  sellerTaxId: string | null;
  taxCategory: string | null;
  totalFen: number | null;
}

export function insertRecognizedInvoice(db: EngineDb, row: RecognizedInvoiceRow): void {
  const r = row.record;
  statement(
    db,
    `INSERT INTO invoices (id, account_set_id, file_sha256, created_at, page, kind, invoice_code,
       invoice_number, issue_date, period, direction, seller_tax_id, tax_category, suggested_account,
       total_fen, duplicate_of, result_json)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    r.invoice_id,
    r.account_id,
    r.file.sha256,
    r.created_at,
    r.page,
    r.kind,
    r.invoice_code,
    r.invoice_number,
    r.issue_date,
    row.period,
    r.direction,
    row.sellerTaxId,
    row.taxCategory,
    r.category_account_code,
    row.totalFen,
    r.duplicate?.invoice_id ?? null,
    JSON.stringify(r),
  );
}

const storedRowSchema = z.object({ result_json: z.string().nullable(), tenant_id: z.string() });

/** The recognised invoice when it belongs to the tenant; another tenant's is as good as absent. */
export function findInvoiceOfTenant(
  db: EngineDb,
  tenantId: string,
  invoiceId: string,
): InvoiceRecord | undefined {
  const row: unknown = statement(
    db,
    `SELECT i.result_json, s.tenant_id FROM invoices AS i JOIN account_sets AS s ON s.id = i.account_set_id
     WHERE i.id = ? AND s.tenant_id = ?`,
  ).get(invoiceId, tenantId);
  if (row === undefined) return undefined;
  const parsed = storedRowSchema.parse(row);
  if (parsed.result_json === null) return undefined;
  return invoiceRecordSchema.parse(JSON.parse(parsed.result_json));
}

export function listInvoices(
  db: EngineDb,
  accountSetId: string,
  query: InvoiceListQuery,
): { invoices: InvoiceRecord[]; total: number } {
  const where = ['account_set_id = @set', 'result_json IS NOT NULL'];
  const params: Record<string, unknown> = {
    set: accountSetId,
    limit: query.page_size,
    offset: (query.page - 1) * query.page_size,
  };
  if (query.period) {
    where.push('period = @period');
    params.period = query.period;
  }
  if (query.direction) {
    where.push('direction = @direction');
    params.direction = query.direction;
  }
  if (query.duplicate === 'true') where.push('duplicate_of IS NOT NULL');
  if (query.duplicate === 'false') where.push('duplicate_of IS NULL');
  const clause = where.join(' AND ');
  const total = z
    .number()
    .parse(statement(db, `SELECT count(*) FROM invoices WHERE ${clause}`).pluck().get(params));
  const rows = statement(
    db,
    `SELECT result_json FROM invoices WHERE ${clause}
     ORDER BY coalesce(issue_date, substr(created_at, 1, 10)) DESC, created_at DESC, rowid DESC
     LIMIT @limit OFFSET @offset`,
  )
    .pluck()
    .all(params);
  const invoices = z
    .array(z.string())
    .parse(rows)
    .map((text) => invoiceRecordSchema.parse(JSON.parse(text)));
  return { invoices, total };
}

// ——— Learned expense accounts ———

const learnedRowSchema = z.object({ account_code: z.string() });

export function learnedAccount(
  db: EngineDb,
  accountSetId: string,
  sellerTaxId: string,
  taxCategory: string,
): string | undefined {
  const row: unknown = statement(
    db,
    `SELECT account_code FROM invoice_learned_accounts
     WHERE account_set_id = ? AND seller_tax_id = ? AND tax_category = ?`,
  ).get(accountSetId, sellerTaxId, taxCategory);
  return row === undefined ? undefined : learnedRowSchema.parse(row).account_code;
}

export function rememberAccount(
  db: EngineDb,
  input: {
    accountSetId: string;
    sellerTaxId: string;
    taxCategory: string;
    accountCode: string;
    voucherId: string;
  },
): void {
  statement(
    db,
    `INSERT INTO invoice_learned_accounts (account_set_id, seller_tax_id, tax_category, account_code, voucher_id, updated_at)
     VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (account_set_id, seller_tax_id, tax_category) DO UPDATE SET
       account_code = excluded.account_code, voucher_id = excluded.voucher_id, updated_at = excluded.updated_at`,
  ).run(
    input.accountSetId,
    input.sellerTaxId,
    input.taxCategory,
    input.accountCode,
    input.voucherId,
    isoTimestamp(),
  );
}

const suggestionRowSchema = z.object({
  seller_tax_id: z.string().nullable(),
  tax_category: z.string().nullable(),
  suggested_account: z.string().nullable(),
  direction: z.string().nullable(),
});

export function invoiceSuggestion(
  db: EngineDb,
  invoiceId: string,
): z.infer<typeof suggestionRowSchema> | undefined {
  const row: unknown = statement(
    db,
    'SELECT seller_tax_id, tax_category, suggested_account, direction FROM invoices WHERE id = ?',
  ).get(invoiceId);
  return row === undefined ? undefined : suggestionRowSchema.parse(row);
}
