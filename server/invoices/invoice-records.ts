import type { EngineDb } from '../db/engine-db.js';
import { statement } from '../db/statements.js';
import { isoTimestamp } from '../db/timestamps.js';
import { newId } from '../ids.js';

/**
 * The minimal invoice record vouchers attach to: enough to check that an attachment exists in the
 * account set. Recognition (the invoice issue) adds the recognised fields to the same table.
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
