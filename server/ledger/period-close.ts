import { z } from 'zod';
import {
  periodRequestSchema,
  type PeriodCloseResponse,
  type PeriodReopenResponse,
} from '../../shared/api/index.js';
import { isYearEnd, lastDayOfPeriod, nextPeriod } from '../../shared/ledger/periods.js';
import { fenToDecimal } from '../../shared/money.js';
import type { Caller } from '../auth/authenticate.js';
import type { EngineDb } from '../db/engine-db.js';
import { statement } from '../db/statements.js';
import { isoTimestamp } from '../db/timestamps.js';
import { ApiHttpError } from '../errors/api-http-error.js';
import { parseJsonBody } from '../errors/parse-request.js';
import { accountSetForWrite } from './account-set-access.js';
import { latestClosedPeriod } from './period-state.js';
import { findVoucherById, withLines, type VoucherRecord } from './voucher-records.js';
import { postVoucher, voidVoucher, voucherNo, type LedgerLine } from './voucher-writer.js';

/** 本年利润 and 利润分配 of the default chart; both are leaves. */
export const CURRENT_YEAR_PROFIT = '3103';
export const PROFIT_DISTRIBUTION = '3104';

const CLOSE_ABSTRACT = '结转损益';
const CARRY_ABSTRACT = '结转本年利润';

const balanceRowSchema = z.object({ account_code: z.string(), net_fen: z.number().int() });
const fenSchema = z.number().int();
const periodRowSchema = z.object({
  last_number: z.number().int().min(0),
  closed_at: z.string().nullable(),
  closing_voucher_id: z.string().nullable(),
});

/** Net debit balance (debit − credit) of each 损益 account's turnover in the period, non-zero only. */
function profitAndLossBalances(
  db: EngineDb,
  accountSetId: string,
  period: string,
): z.infer<typeof balanceRowSchema>[] {
  const rows = statement(
    db,
    `SELECT t.account_code, t.debit_fen - t.credit_fen AS net_fen
     FROM account_period_totals AS t
     JOIN accounts AS a ON a.account_set_id = t.account_set_id AND a.code = t.account_code
     WHERE t.account_set_id = ? AND t.period = ? AND a.class = '损益' AND t.debit_fen <> t.credit_fen
     ORDER BY t.account_code`,
  ).all(accountSetId, period);
  return z.array(balanceRowSchema).parse(rows);
}

/** Credit balance of an account over every period up to and including `period`. */
function creditBalanceThrough(db: EngineDb, accountSetId: string, code: string, period: string): number {
  return fenSchema.parse(
    statement(
      db,
      `SELECT coalesce(sum(credit_fen - debit_fen), 0) FROM account_period_totals
       WHERE account_set_id = ? AND account_code = ? AND period <= ?`,
    )
      .pluck()
      .get(accountSetId, code, period),
  );
}

function line(accountCode: string, abstract: string, debitFen: number, creditFen: number): LedgerLine {
  return { abstract, accountCode, debitFen, creditFen };
}

/**
 * The closing voucher's lines: each 损益 account's balance reversed into 3103 本年利润, and in
 * December 3103's year balance (including this month's profit) carried into 3104 利润分配.
 */
function closingLines(
  balances: readonly { account_code: string; net_fen: number }[],
  yearProfitBeforeFen: number | undefined,
): { lines: LedgerLine[]; netProfitFen: number } {
  const lines: LedgerLine[] = [];
  let netProfitFen = 0;
  for (const { account_code, net_fen } of balances) {
    netProfitFen -= net_fen;
    lines.push(
      net_fen > 0
        ? line(account_code, CLOSE_ABSTRACT, 0, net_fen)
        : line(account_code, CLOSE_ABSTRACT, -net_fen, 0),
    );
  }
  if (netProfitFen > 0) lines.push(line(CURRENT_YEAR_PROFIT, CLOSE_ABSTRACT, 0, netProfitFen));
  if (netProfitFen < 0) lines.push(line(CURRENT_YEAR_PROFIT, CLOSE_ABSTRACT, -netProfitFen, 0));

  if (yearProfitBeforeFen !== undefined) {
    const carry = yearProfitBeforeFen + netProfitFen;
    if (carry > 0) {
      lines.push(
        line(CURRENT_YEAR_PROFIT, CARRY_ABSTRACT, carry, 0),
        line(PROFIT_DISTRIBUTION, CARRY_ABSTRACT, 0, carry),
      );
    } else if (carry < 0) {
      lines.push(
        line(CURRENT_YEAR_PROFIT, CARRY_ABSTRACT, 0, -carry),
        line(PROFIT_DISTRIBUTION, CARRY_ABSTRACT, -carry, 0),
      );
    }
  }
  return { lines, netProfitFen };
}

function periodRow(
  db: EngineDb,
  accountSetId: string,
  period: string,
): z.infer<typeof periodRowSchema> | undefined {
  const row: unknown = statement(
    db,
    'SELECT last_number, closed_at, closing_voucher_id FROM periods WHERE account_set_id = ? AND period = ?',
  ).get(accountSetId, period);
  return row === undefined ? undefined : periodRowSchema.parse(row);
}

/**
 * Periods close in order, so that "closed" is always a prefix of time: the next one after the last
 * closed period, or — before any close — a period with no open period holding vouchers before it.
 */
function assertNextToClose(db: EngineDb, accountSetId: string, period: string): void {
  const latest = latestClosedPeriod(db, accountSetId);
  if (latest !== null && period <= latest) throw new ApiHttpError(400, `参数错误：${period} 已结账`);
  if (latest !== null && period !== nextPeriod(latest)) {
    throw new ApiHttpError(400, `参数错误：请先结账 ${nextPeriod(latest)}，期间须按顺序结账`);
  }
  if (latest === null) {
    const earliest = z
      .string()
      .nullable()
      .parse(
        statement(db, "SELECT min(period) FROM vouchers WHERE account_set_id = ? AND status <> 'voided'")
          .pluck()
          .get(accountSetId),
      );
    if (earliest !== null && earliest < period) {
      throw new ApiHttpError(400, `参数错误：请先结账 ${earliest}，期间须按顺序结账`);
    }
  }
}

/** POST /api/v2/period/close — 结转损益 and lock the period. */
export function closePeriod(db: EngineDb, caller: Caller, body: unknown): PeriodCloseResponse {
  const request = parseJsonBody(periodRequestSchema, body);
  return db
    .transaction((): PeriodCloseResponse => {
      const set = accountSetForWrite(db, caller, request.account_id);
      const { period } = request;
      assertNextToClose(db, set.id, period);

      const yearProfitBefore = isYearEnd(period)
        ? creditBalanceThrough(db, set.id, CURRENT_YEAR_PROFIT, period)
        : undefined;
      const { lines, netProfitFen } = closingLines(
        profitAndLossBalances(db, set.id, period),
        yearProfitBefore,
      );
      const closing =
        lines.length > 0
          ? postVoucher(db, { accountSetId: set.id, date: lastDayOfPeriod(period), kind: 'closing', lines })
          : undefined;

      statement(
        db,
        `INSERT INTO periods (account_set_id, period, last_number) VALUES (?, ?, 0)
         ON CONFLICT (account_set_id, period) DO NOTHING`,
      ).run(set.id, period);
      statement(
        db,
        'UPDATE periods SET closed_at = ?, closing_voucher_id = ? WHERE account_set_id = ? AND period = ?',
      ).run(isoTimestamp(), closing?.id ?? null, set.id, period);

      return {
        account_id: set.id,
        period,
        status: 'closed',
        closing_voucher_id: closing?.id ?? null,
        closing_voucher_no: closing?.voucherNo ?? null,
        net_profit: fenToDecimal(netProfitFen),
      };
    })
    .immediate();
}

/** POST /api/v2/period/reopen — 反结账: only the last closed period, its closing voucher voided. */
export function reopenPeriod(db: EngineDb, caller: Caller, body: unknown): PeriodReopenResponse {
  const request = parseJsonBody(periodRequestSchema, body);
  return db
    .transaction((): PeriodReopenResponse => {
      const set = accountSetForWrite(db, caller, request.account_id);
      const { period } = request;
      const row = periodRow(db, set.id, period);
      if (!row || row.closed_at === null)
        throw new ApiHttpError(400, `参数错误：${period} 未结账，无需反结账`);
      const next = nextPeriod(period);
      if (periodRow(db, set.id, next)?.closed_at != null) {
        throw new ApiHttpError(400, `参数错误：${next} 已结账，请先对 ${next} 反结账`);
      }

      // The closing voucher is voided, not deleted: its number stays taken (never reused) and the
      // voucher list shows it as 已作废; a new close posts a new closing voucher with a new number.
      let voided: VoucherRecord | undefined;
      if (row.closing_voucher_id !== null) {
        voided = findVoucherById(db, row.closing_voucher_id);
        const [closing] = voided ? withLines(db, [voided]) : [];
        if (!closing) throw new Error('closing voucher of a closed period is missing');
        voidVoucher(db, closing);
      }
      statement(
        db,
        'UPDATE periods SET closed_at = NULL, closing_voucher_id = NULL WHERE account_set_id = ? AND period = ?',
      ).run(set.id, period);
      return {
        account_id: set.id,
        period,
        status: 'open',
        voided_voucher_id: voided?.id ?? null,
        voided_voucher_no: voided ? voucherNo(voided.number) : null,
      };
    })
    .immediate();
}
