import { z } from 'zod';
import type { EngineDb } from '../db/engine-db.js';
import { statement } from '../db/statements.js';
import { chartOf } from '../ledger/charts-in-memory.js';
import { classifyCashFlow, type PostingLine } from './cash-flow.js';

/** What the classification needs of a voucher; amounts in fen (negative on red reversals). */
export interface CashFlowVoucher {
  id: string;
  accountSetId: string;
  date: string;
  period: string;
  lines: readonly { accountCode: string; debitFen: number; creditFen: number }[];
}

function postingLines(db: EngineDb, voucher: CashFlowVoucher): PostingLine[] {
  const chart = chartOf(db, voucher.accountSetId);
  return voucher.lines.map((line) => ({
    code: line.accountCode,
    // Codes extend their parent's (560203 under 5602), so the first four digits name the
    // first-level account the statements group by.
    root: line.accountCode.slice(0, 4),
    tags: chart.get(line.accountCode)?.tags ?? [],
    debit: line.debitFen,
    credit: line.creditFen,
  }));
}

function addToMonth(db: EngineDb, accountSetId: string, period: string, lineNo: number, fen: number): void {
  statement(
    db,
    `INSERT INTO cash_flow_period_totals (account_set_id, period, line_no, amount_fen) VALUES (?, ?, ?, ?)
     ON CONFLICT (account_set_id, period, line_no) DO UPDATE SET amount_fen = amount_fen + excluded.amount_fen`,
  ).run(accountSetId, period, lineNo, fen);
}

/**
 * Classifies a voucher's cash movement into 现金流量表 lines and adds it to the per-voucher and
 * per-month figures. Runs inside the posting's transaction.
 */
export function recordCashFlows(db: EngineDb, voucher: CashFlowVoucher): void {
  const insert = statement(
    db,
    `INSERT INTO voucher_cash_flows (voucher_id, line_no, account_set_id, date, amount_fen) VALUES (?, ?, ?, ?, ?)`,
  );
  for (const [lineNo, fen] of classifyCashFlow(postingLines(db, voucher))) {
    insert.run(voucher.id, lineNo, voucher.accountSetId, voucher.date, fen);
    addToMonth(db, voucher.accountSetId, voucher.period, lineNo, fen);
  }
}

const flowRowSchema = z.object({ line_no: z.number().int(), amount_fen: z.number().int() });

/** Takes a voided voucher's figures back out, exactly as they were recorded. */
export function removeCashFlows(
  db: EngineDb,
  voucher: { id: string; accountSetId: string; period: string },
): void {
  const rows = z
    .array(flowRowSchema)
    .parse(
      statement(db, 'SELECT line_no, amount_fen FROM voucher_cash_flows WHERE voucher_id = ?').all(
        voucher.id,
      ),
    );
  for (const row of rows) addToMonth(db, voucher.accountSetId, voucher.period, row.line_no, -row.amount_fen);
  statement(db, 'DELETE FROM voucher_cash_flows WHERE voucher_id = ?').run(voucher.id);
}

const lineRowSchema = z.object({
  voucher_id: z.string(),
  account_set_id: z.string(),
  date: z.string(),
  period: z.string(),
  account_code: z.string(),
  debit_fen: z.number().int(),
  credit_fen: z.number().int(),
});

/** For the migration: figures for every voucher posted before cash flows were kept. */
export function backfillCashFlows(db: EngineDb): void {
  const rows = z.array(lineRowSchema).parse(
    db
      .prepare(
        `SELECT v.id AS voucher_id, v.account_set_id, v.date, v.period, l.account_code, l.debit_fen, l.credit_fen
         FROM vouchers v JOIN voucher_lines l ON l.voucher_id = v.id
         WHERE v.status <> 'voided' ORDER BY v.id, l.line_no`,
      )
      .all(),
  );
  let current: CashFlowVoucher | undefined;
  const lines: { accountCode: string; debitFen: number; creditFen: number }[] = [];
  const flush = () => {
    if (current) recordCashFlows(db, { ...current, lines: [...lines] });
    lines.length = 0;
  };
  for (const row of rows) {
    if (current?.id !== row.voucher_id) {
      flush();
      current = {
        id: row.voucher_id,
        accountSetId: row.account_set_id,
        date: row.date,
        period: row.period,
        lines: [],
      };
    }
    lines.push({ accountCode: row.account_code, debitFen: row.debit_fen, creditFen: row.credit_fen });
  }
  flush();
}
