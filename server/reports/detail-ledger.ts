import { z } from 'zod';
import type {
  BalanceDirection,
  DetailLedgerResponse,
  DetailLedgerRow,
} from '../../shared/api/detail-ledger.js';
import { lastDayOfPeriod } from '../../shared/ledger/periods.js';
import { fenToDecimal, type Fen } from '../../shared/money.js';
import type { EngineDb } from '../db/engine-db.js';
import { statement } from '../db/statements.js';
import { ApiHttpError } from '../errors/api-http-error.js';
import { chartOf } from '../ledger/charts-in-memory.js';
import { voucherNo } from '../ledger/voucher-writer.js';
import { balancesAt, dayBefore, splitRange, turnoverBetween, yearStart } from './ledger-figures-store.js';

/**
 * 明细账 of one account over [start, end]: 期初余额, then per month its postings (date, 凭证字号,
 * 摘要, 借, 贷, running balance) followed by 本月合计 and 本年累计, and 期末余额 last. A parent
 * account's ledger holds every posting of its subtree. Paged by row, summary rows included, so a
 * virtualized list knows the full height at once.
 *
 * Cost: the monthly counts and sums are one index-only range over `account_postings`; a page is one
 * index range with OFFSET inside its first month; opening and 本年累计 come from the monthly
 * aggregates. Nothing reads all postings of the account.
 */

export interface DetailLedgerRequest {
  accountSet: { id: string; name: string };
  accountCode: string;
  start: string;
  end: string;
  page: number;
  pageSize: number;
}

const monthRowSchema = z.object({
  period: z.string(),
  n: z.number().int(),
  debit: z.number().int(),
  credit: z.number().int(),
});

const postingRowSchema = z.object({
  voucher_id: z.string(),
  account_code: z.string(),
  date: z.string(),
  number: z.number().int(),
  debit_fen: z.number().int(),
  credit_fen: z.number().int(),
  abstract: z.string(),
});

function direction(net: Fen): BalanceDirection {
  return net > 0 ? '借' : net < 0 ? '贷' : '平';
}

function balanceOf(net: Fen): { direction: BalanceDirection; balance: number } {
  return { direction: direction(net), balance: fenToDecimal(Math.abs(net)) };
}

/**
 * `account_code = ?` for a leaf keeps the index order (no sort). A parent lists its leaves, so each
 * is one bounded index range (date included) and only the page's month is sorted.
 */
function codeFilter(isLeaf: boolean, column = 'account_code'): string {
  return isLeaf ? `${column} = @code` : `${column} IN (SELECT value FROM json_each(@leaves))`;
}

function inSubtree(code: string, candidate: string): boolean {
  return candidate.startsWith(code);
}

function netOfSubtree(figures: Map<string, Fen>, code: string): Fen {
  let total = 0;
  for (const [c, net] of figures) if (inSubtree(code, c)) total += net;
  return total;
}

/**
 * Posting count and sums per month of [start, end]: whole months from `account_period_postings`,
 * the days of a partial first or last month from the postings index.
 */
function monthsOf(
  db: EngineDb,
  filter: string,
  params: { set: string; code: string; leaves: string; start: string; end: string },
): z.infer<typeof monthRowSchema>[] {
  const { months, days } = splitRange(params.start, params.end);
  const rows: unknown[] = [];
  if (months) {
    rows.push(
      ...statement(
        db,
        `SELECT period, sum(postings) AS n, sum(debit_fen) AS debit, sum(credit_fen) AS credit
         FROM account_period_postings
         WHERE account_set_id = @set AND ${filter} AND period BETWEEN @from AND @to
         GROUP BY period`,
      ).all({ ...params, from: months.from, to: months.to }),
    );
  }
  for (const range of days) {
    rows.push(
      ...statement(
        db,
        `SELECT substr(date, 1, 7) AS period, count(*) AS n, sum(debit_fen) AS debit, sum(credit_fen) AS credit
         FROM account_postings
         WHERE account_set_id = @set AND ${filter} AND date BETWEEN @start AND @end
         GROUP BY period`,
      ).all({ ...params, start: range.from, end: range.to }),
    );
  }
  return z
    .array(monthRowSchema)
    .parse(rows)
    .filter((m) => m.n > 0)
    .sort((a, b) => a.period.localeCompare(b.period));
}

export function buildDetailLedger(db: EngineDb, request: DetailLedgerRequest): DetailLedgerResponse {
  const { accountSet, accountCode, start, end, page, pageSize } = request;
  const account = chartOf(db, accountSet.id).get(accountCode);
  if (!account) throw new ApiHttpError(404, `科目 ${accountCode} 不存在`);
  const filter = codeFilter(account.is_leaf);
  const leaves = chartOf(db, accountSet.id)
    .accounts.filter((a) => a.is_leaf && inSubtree(accountCode, a.code))
    .map((a) => a.code);
  const params = { set: accountSet.id, code: accountCode, leaves: JSON.stringify(leaves), start, end };

  const months = monthsOf(db, filter, params);

  const openingNet = netOfSubtree(balancesAt(db, accountSet.id, dayBefore(start)), accountCode);

  // Row layout: [opening] + per month (postings…, 本月合计, 本年累计) + [closing].
  interface MonthLayout {
    period: string;
    firstRow: number;
    postings: number;
    postingsBefore: number;
    balanceBefore: Fen;
    debit: Fen;
    credit: Fen;
    lastDate: string;
  }
  const layout: MonthLayout[] = [];
  let row = 1;
  let postingsBefore = 0;
  let running = openingNet;
  for (const m of months) {
    const lastDay = lastDayOfPeriod(m.period);
    layout.push({
      period: m.period,
      firstRow: row,
      postings: m.n,
      postingsBefore,
      balanceBefore: running,
      debit: m.debit,
      credit: m.credit,
      lastDate: lastDay < end ? lastDay : end,
    });
    row += m.n + 2;
    postingsBefore += m.n;
    running += m.debit - m.credit;
  }
  const closingNet = running;
  const totalRows = row + 1;

  const from = (page - 1) * pageSize;
  const to = Math.min(totalRows, from + pageSize);
  const rows: DetailLedgerRow[] = [];
  const summary = (
    kind: DetailLedgerRow['kind'],
    date: string,
    abstract: string,
    debit: Fen,
    credit: Fen,
    net: Fen,
  ): DetailLedgerRow => ({
    kind,
    date,
    voucher_id: null,
    voucher_no: null,
    account_code: null,
    abstract,
    debit: fenToDecimal(debit),
    credit: fenToDecimal(credit),
    ...balanceOf(net),
  });

  if (from < to) {
    if (from === 0) rows.push(summary('opening', start, '期初余额', 0, 0, openingNet));
    for (const month of layout) {
      const monthEnd = month.firstRow + month.postings + 2;
      if (monthEnd <= from || month.firstRow >= to) continue;
      const first = Math.max(from, month.firstRow) - month.firstRow;
      const last = Math.min(to, month.firstRow + month.postings) - month.firstRow;
      const monthStart = `${month.period}-01` > start ? `${month.period}-01` : start;
      const monthParams = { ...params, start: monthStart, end: month.lastDate };
      if (first < last) {
        let balance =
          month.balanceBefore +
          (first === 0
            ? 0
            : Number(
                statement(
                  db,
                  `SELECT coalesce(sum(debit_fen - credit_fen), 0) FROM (
                     SELECT debit_fen, credit_fen FROM account_postings
                     WHERE account_set_id = @set AND ${filter} AND date BETWEEN @start AND @end
                     ORDER BY date, number, line_no LIMIT @limit)`,
                )
                  .pluck()
                  .get({ ...monthParams, limit: first }),
              ));
        const postings = z.array(postingRowSchema).parse(
          statement(
            db,
            // The page is cut from the index alone; only its own rows are joined for the 摘要.
            `SELECT p.voucher_id, p.account_code, p.date, p.number, p.debit_fen, p.credit_fen, l.abstract
             FROM (SELECT voucher_id, line_no, account_code, date, number, debit_fen, credit_fen
                   FROM account_postings
                   WHERE account_set_id = @set AND ${filter} AND date BETWEEN @start AND @end
                   ORDER BY date, number, line_no LIMIT @limit OFFSET @offset) AS p
             JOIN voucher_lines AS l ON l.voucher_id = p.voucher_id AND l.line_no = p.line_no
             ORDER BY p.date, p.number, p.line_no`,
          ).all({ ...monthParams, limit: last - first, offset: first }),
        );
        for (const p of postings) {
          balance += p.debit_fen - p.credit_fen;
          rows.push({
            kind: 'posting',
            date: p.date,
            voucher_id: p.voucher_id,
            voucher_no: voucherNo(p.number),
            account_code: p.account_code,
            abstract: p.abstract,
            debit: fenToDecimal(p.debit_fen),
            credit: fenToDecimal(p.credit_fen),
            ...balanceOf(balance),
          });
        }
      }
      const afterMonth = month.balanceBefore + month.debit - month.credit;
      const totalRow = month.firstRow + month.postings;
      if (totalRow >= from && totalRow < to) {
        rows.push(summary('month_total', month.lastDate, '本月合计', month.debit, month.credit, afterMonth));
      }
      if (totalRow + 1 >= from && totalRow + 1 < to) {
        let yearDebit = 0;
        let yearCredit = 0;
        for (const [c, t] of turnoverBetween(db, accountSet.id, yearStart(month.lastDate), month.lastDate)) {
          if (!inSubtree(accountCode, c)) continue;
          yearDebit += t.debit;
          yearCredit += t.credit;
        }
        rows.push(summary('year_total', month.lastDate, '本年累计', yearDebit, yearCredit, afterMonth));
      }
    }
    if (to === totalRows) rows.push(summary('closing', end, '期末余额', 0, 0, closingNet));
  }

  return {
    account_id: accountSet.id,
    account_code: account.code,
    account_name: account.name,
    period: { start_date: start, end_date: end },
    opening: balanceOf(openingNet),
    closing: balanceOf(closingNet),
    rows,
    total_rows: totalRows,
    posting_count: postingsBefore,
    page,
    page_size: pageSize,
  };
}
