import type { VoucherKind } from '../../shared/api/ledger.js';
import { periodOfDate } from '../../shared/ledger/periods.js';
import type { Fen } from '../../shared/money.js';
import type { EngineDb } from '../db/engine-db.js';
import { statement } from '../db/statements.js';
import { isoTimestamp } from '../db/timestamps.js';
import { newTimeOrderedId } from '../ids.js';
import { recordCashFlows, removeCashFlows } from '../reports/cash-flow-postings.js';

/** A line as the ledger stores it: one side non-zero; negative on red reversal lines. */
export interface LedgerLine {
  abstract: string;
  accountCode: string;
  debitFen: Fen;
  creditFen: Fen;
}

export interface NewVoucher {
  accountSetId: string;
  /** YYYY-MM-DD; its month is the voucher's period. */
  date: string;
  kind: VoucherKind;
  lines: readonly LedgerLine[];
  attachments?: readonly string[];
  reversesVoucherId?: string;
}

export interface PostedVoucher {
  id: string;
  period: string;
  number: number;
  voucherNo: string;
}

/** The one voucher word of this ledger: 记-1, 记-2 … */
export function voucherNo(number: number): string {
  return `记-${String(number)}`;
}

/**
 * Takes the next number of the period. The counter lives in `periods` and only grows: a number
 * taken by a voucher that is later voided stays taken, so numbers are never reused. Callers run
 * inside an immediate transaction, which serialises numbering across connections and processes.
 */
function takeNumber(db: EngineDb, accountSetId: string, period: string): number {
  const value = statement(
    db,
    `INSERT INTO periods (account_set_id, period, last_number) VALUES (?, ?, 1)
     ON CONFLICT (account_set_id, period) DO UPDATE SET last_number = last_number + 1
     RETURNING last_number`,
  )
    .pluck()
    .get(accountSetId, period);
  if (typeof value !== 'number') throw new Error('voucher numbering returned no number');
  return value;
}

/** Adds (sign 1) or removes (sign -1) a voucher's lines from the per-(account, month) totals. */
function applyToTotals(
  db: EngineDb,
  accountSetId: string,
  period: string,
  kind: VoucherKind,
  lines: readonly LedgerLine[],
  sign: 1 | -1,
): void {
  const upsert = statement(
    db,
    `INSERT INTO account_period_totals
       (account_set_id, period, account_code, debit_fen, credit_fen, closing_debit_fen, closing_credit_fen)
     VALUES (@accountSetId, @period, @accountCode, @debit, @credit, @closingDebit, @closingCredit)
     ON CONFLICT (account_set_id, period, account_code) DO UPDATE SET
       debit_fen = debit_fen + excluded.debit_fen,
       credit_fen = credit_fen + excluded.credit_fen,
       closing_debit_fen = closing_debit_fen + excluded.closing_debit_fen,
       closing_credit_fen = closing_credit_fen + excluded.closing_credit_fen`,
  );
  const closing = kind === 'closing';
  for (const line of lines) {
    const debit = sign * line.debitFen;
    const credit = sign * line.creditFen;
    upsert.run({
      accountSetId,
      period,
      accountCode: line.accountCode,
      debit,
      credit,
      closingDebit: closing ? debit : 0,
      closingCredit: closing ? credit : 0,
    });
  }
}

/**
 * Writes a voucher that has already passed every rule: number, header, lines, attachments and
 * totals. Must run inside the caller's immediate transaction.
 */
export function postVoucher(
  db: EngineDb,
  voucher: NewVoucher,
  /** Only the benchmark turns this off, to price what keeping the aggregates costs a posting. */
  options: { maintainAggregates?: boolean } = {},
): PostedVoucher {
  const period = periodOfDate(voucher.date);
  const number = takeNumber(db, voucher.accountSetId, period);
  const id = newTimeOrderedId('vch_');
  let debitTotal = 0;
  let creditTotal = 0;
  for (const line of voucher.lines) {
    debitTotal += line.debitFen;
    creditTotal += line.creditFen;
  }
  statement(
    db,
    `INSERT INTO vouchers (id, account_set_id, period, number, date, kind, status, reverses_voucher_id,
                           debit_total_fen, credit_total_fen, created_at)
     VALUES (?, ?, ?, ?, ?, ?, 'posted', ?, ?, ?, ?)`,
  ).run(
    id,
    voucher.accountSetId,
    period,
    number,
    voucher.date,
    voucher.kind,
    voucher.reversesVoucherId ?? null,
    debitTotal,
    creditTotal,
    isoTimestamp(),
  );
  const insertLine = statement(
    db,
    `INSERT INTO voucher_lines (voucher_id, line_no, account_set_id, abstract, account_code, debit_fen, credit_fen)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  voucher.lines.forEach((line, index) => {
    insertLine.run(
      id,
      index,
      voucher.accountSetId,
      line.abstract,
      line.accountCode,
      line.debitFen,
      line.creditFen,
    );
  });
  const insertAttachment = statement(
    db,
    'INSERT INTO voucher_attachments (voucher_id, invoice_id, position) VALUES (?, ?, ?)',
  );
  (voucher.attachments ?? []).forEach((invoiceId, index) => insertAttachment.run(id, invoiceId, index));
  if (options.maintainAggregates !== false) {
    applyToTotals(db, voucher.accountSetId, period, voucher.kind, voucher.lines, 1);
    recordCashFlows(db, {
      id,
      accountSetId: voucher.accountSetId,
      date: voucher.date,
      period,
      lines: voucher.lines,
    });
  }
  return { id, period, number, voucherNo: voucherNo(number) };
}

/**
 * Voids a voucher (only the closing voucher of a period being reopened): the row and its number
 * stay, marked voided, and its lines leave the totals.
 */
export function voidVoucher(
  db: EngineDb,
  voucher: {
    id: string;
    accountSetId: string;
    period: string;
    kind: VoucherKind;
    lines: readonly LedgerLine[];
  },
): void {
  statement(db, "UPDATE vouchers SET status = 'voided', voided_at = ? WHERE id = ?").run(
    isoTimestamp(),
    voucher.id,
  );
  applyToTotals(db, voucher.accountSetId, voucher.period, voucher.kind, voucher.lines, -1);
  removeCashFlows(db, voucher);
}
