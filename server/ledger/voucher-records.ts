import { z } from 'zod';
import { voucherKindSchema, voucherStatusSchema, type Voucher } from '../../shared/api/ledger.js';
import { decimalToFen, fenToDecimal } from '../../shared/money.js';
import type { EngineDb } from '../db/engine-db.js';
import { statement } from '../db/statements.js';
import { chartOf } from './charts-in-memory.js';
import { voucherNo, type LedgerLine } from './voucher-writer.js';

/** Same answer for a voucher of another tenant as for one that does not exist. */
export const VOUCHER_NOT_FOUND_MESSAGE = '资源不存在：凭证不存在';

const fen = z.number().int();

const voucherRowSchema = z
  .object({
    id: z.string(),
    account_set_id: z.string(),
    period: z.string(),
    number: z.number().int().positive(),
    date: z.string(),
    kind: voucherKindSchema,
    status: voucherStatusSchema,
    reverses_voucher_id: z.string().nullable(),
    reversed_by_voucher_id: z.string().nullable(),
    debit_total_fen: fen,
    credit_total_fen: fen,
    created_at: z.string(),
    voided_at: z.string().nullable(),
  })
  .transform((row) => ({
    id: row.id,
    accountSetId: row.account_set_id,
    period: row.period,
    number: row.number,
    date: row.date,
    kind: row.kind,
    status: row.status,
    reversesVoucherId: row.reverses_voucher_id,
    reversedByVoucherId: row.reversed_by_voucher_id,
    debitTotalFen: row.debit_total_fen,
    creditTotalFen: row.credit_total_fen,
    createdAt: row.created_at,
    voidedAt: row.voided_at,
  }));

export type VoucherRecord = z.output<typeof voucherRowSchema>;

const lineRowSchema = z
  .object({
    voucher_id: z.string(),
    line_no: z.number().int().min(0),
    abstract: z.string(),
    account_code: z.string(),
    debit_fen: fen,
    credit_fen: fen,
  })
  .transform((row) => ({
    voucherId: row.voucher_id,
    line: {
      abstract: row.abstract,
      accountCode: row.account_code,
      debitFen: row.debit_fen,
      creditFen: row.credit_fen,
    } satisfies LedgerLine,
  }));

const attachmentRowSchema = z.object({ voucher_id: z.string(), invoice_id: z.string() });

/** A voucher with its lines and attachments, as read back from SQLite. */
export interface VoucherWithLines extends VoucherRecord {
  lines: LedgerLine[];
  attachments: string[];
}

/** The voucher when it exists in an account set of the tenant. */
export function findVoucherOfTenant(
  db: EngineDb,
  tenantId: string,
  voucherId: string,
): VoucherRecord | undefined {
  const row: unknown = statement(
    db,
    `SELECT v.* FROM vouchers AS v JOIN account_sets AS s ON s.id = v.account_set_id
     WHERE v.id = ? AND s.tenant_id = ?`,
  ).get(voucherId, tenantId);
  return row === undefined ? undefined : voucherRowSchema.parse(row);
}

export function findVoucherById(db: EngineDb, voucherId: string): VoucherRecord | undefined {
  const row: unknown = statement(db, 'SELECT * FROM vouchers WHERE id = ?').get(voucherId);
  return row === undefined ? undefined : voucherRowSchema.parse(row);
}

/** Lines and attachments for a page of vouchers, two queries whatever the page size. */
export function withLines(db: EngineDb, vouchers: readonly VoucherRecord[]): VoucherWithLines[] {
  if (vouchers.length === 0) return [];
  const ids = JSON.stringify(vouchers.map((v) => v.id));
  const lineRows = statement(
    db,
    `SELECT voucher_id, line_no, abstract, account_code, debit_fen, credit_fen FROM voucher_lines
     WHERE voucher_id IN (SELECT value FROM json_each(?)) ORDER BY voucher_id, line_no`,
  ).all(ids);
  const attachmentRows = statement(
    db,
    `SELECT voucher_id, invoice_id FROM voucher_attachments
     WHERE voucher_id IN (SELECT value FROM json_each(?)) ORDER BY voucher_id, position`,
  ).all(ids);
  const lines = new Map<string, LedgerLine[]>();
  for (const { voucherId, line } of z.array(lineRowSchema).parse(lineRows)) {
    const list = lines.get(voucherId) ?? [];
    list.push(line);
    lines.set(voucherId, list);
  }
  const attachments = new Map<string, string[]>();
  for (const row of z.array(attachmentRowSchema).parse(attachmentRows)) {
    const list = attachments.get(row.voucher_id) ?? [];
    list.push(row.invoice_id);
    attachments.set(row.voucher_id, list);
  }
  return vouchers.map((voucher) => ({
    ...voucher,
    lines: lines.get(voucher.id) ?? [],
    attachments: attachments.get(voucher.id) ?? [],
  }));
}

export interface VoucherPage {
  vouchers: VoucherRecord[];
  total: number;
}

const countSchema = z.number().int().min(0);

/** Which vouchers a list asks for; every field optional. */
export interface VoucherFilter {
  period?: string;
  startDate?: string;
  endDate?: string;
  /** Search text (see `voucherSearchSchema`). */
  q?: string;
}

/** A search text that is an amount ("1,200.50", "¥80") also matches lines of that amount in fen. */
function searchedFen(q: string): number | null {
  const text = q.replace(/[,，¥￥\s]/g, '');
  if (!/^\d{1,13}(\.\d{1,2})?$/.test(text)) return null;
  return decimalToFen(Number(text)) ?? null;
}

/** 「记-5」「记5」「5」 name voucher number 5. */
function searchedNumber(q: string): number | null {
  const match = /^(?:记-?)?(\d{1,9})$/.exec(q.trim());
  return match ? Number(match[1]) : null;
}

/** LIKE with the user's text taken literally. */
function likePrefix(q: string): string {
  return `${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** Vouchers of an account set, filtered, in period and number order. */
export function pageOfVouchers(
  db: EngineDb,
  accountSetId: string,
  filter: VoucherFilter,
  page: number,
  pageSize: number,
): VoucherPage {
  // `@x IS NULL OR …` lets one cached statement serve every combination of filters.
  const where = `v.account_set_id = @accountSetId
    AND (@period IS NULL OR v.period = @period)
    AND (@startDate IS NULL OR v.date >= @startDate)
    AND (@endDate IS NULL OR v.date <= @endDate)
    AND (@q IS NULL
      OR (@number IS NOT NULL AND v.number = @number)
      OR (@fen IS NOT NULL AND abs(v.debit_total_fen) = @fen)
      OR EXISTS (
        SELECT 1 FROM voucher_lines AS l
        LEFT JOIN accounts AS a ON a.account_set_id = l.account_set_id AND a.code = l.account_code
        WHERE l.voucher_id = v.id AND (
          instr(l.abstract, @q) > 0
          OR l.account_code LIKE @codePrefix ESCAPE '\\'
          OR instr(a.name, @q) > 0
          OR (@fen IS NOT NULL AND (abs(l.debit_fen) = @fen OR abs(l.credit_fen) = @fen)))))`;
  const q = filter.q ?? null;
  const params = {
    accountSetId,
    period: filter.period ?? null,
    startDate: filter.startDate ?? null,
    endDate: filter.endDate ?? null,
    q,
    number: q === null ? null : searchedNumber(q),
    fen: q === null ? null : searchedFen(q),
    codePrefix: q === null ? null : likePrefix(q),
  };
  const total = countSchema.parse(
    statement(db, `SELECT count(*) FROM vouchers AS v WHERE ${where}`).pluck().get(params),
  );
  const rows = statement(
    db,
    `SELECT v.* FROM vouchers AS v WHERE ${where} ORDER BY v.period, v.number LIMIT @limit OFFSET @offset`,
  ).all({ ...params, limit: pageSize, offset: (page - 1) * pageSize });
  return { vouchers: z.array(voucherRowSchema).parse(rows), total };
}

/** The API's view of a voucher: amounts in yuan, account names from the account set's chart. */
export function toVoucherView(db: EngineDb, voucher: VoucherWithLines): Voucher {
  const chart = chartOf(db, voucher.accountSetId);
  return {
    voucher_id: voucher.id,
    voucher_no: voucherNo(voucher.number),
    account_id: voucher.accountSetId,
    date: voucher.date,
    period: voucher.period,
    kind: voucher.kind,
    status: voucher.status,
    reverses_voucher_id: voucher.reversesVoucherId,
    reversed_by_voucher_id: voucher.reversedByVoucherId,
    entries: voucher.lines.map((line) => ({
      abstract: line.abstract,
      account_code: line.accountCode,
      account_name: chart.nameOf(line.accountCode) ?? '',
      debit: fenToDecimal(line.debitFen),
      credit: fenToDecimal(line.creditFen),
    })),
    attachments: voucher.attachments,
    debit_total: fenToDecimal(voucher.debitTotalFen),
    credit_total: fenToDecimal(voucher.creditTotalFen),
    created_at: voucher.createdAt,
    voided_at: voucher.voidedAt,
  };
}
