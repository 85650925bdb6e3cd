import { voucherReverseRequestSchema, type VoucherReverseResponse } from '../../shared/api/index.js';
import { periodOfDate } from '../../shared/ledger/periods.js';
import type { Caller } from '../auth/authenticate.js';
import type { EngineDb } from '../db/engine-db.js';
import { statement } from '../db/statements.js';
import { ApiHttpError } from '../errors/api-http-error.js';
import { parseJsonBody } from '../errors/parse-request.js';
import { accountSetForWrite } from './account-set-access.js';
import { assertPeriodOpen } from './period-state.js';
import {
  findVoucherOfTenant,
  VOUCHER_NOT_FOUND_MESSAGE,
  withLines,
  type VoucherWithLines,
} from './voucher-records.js';
import { postVoucher, voucherNo, type LedgerLine } from './voucher-writer.js';

const ABSTRACT_MAX = 200;

/** `-0` would otherwise reach SQLite and JSON for the empty side of a line. */
function negate(fen: number): number {
  return fen === 0 ? 0 : -fen;
}

/**
 * 红字冲销: the same accounts on the same sides with negative amounts. Unlike swapping sides, this
 * leaves every account's debit and credit turnover as if the original had never been posted, which
 * is what the statements' 发生额 need; Σdebit = Σcredit holds because both sums are negated.
 */
function redLines(original: VoucherWithLines): LedgerLine[] {
  const prefix = `冲销${original.period}${voucherNo(original.number)}：`;
  return original.lines.map((line) => ({
    abstract: (prefix + line.abstract).slice(0, ABSTRACT_MAX),
    accountCode: line.accountCode,
    debitFen: negate(line.debitFen),
    creditFen: negate(line.creditFen),
  }));
}

function assertReversible(original: VoucherWithLines): void {
  const no = voucherNo(original.number);
  if (original.kind === 'closing') {
    throw new ApiHttpError(400, `参数错误：${no} 是结转损益凭证，不能冲销；请对 ${original.period} 反结账`);
  }
  if (original.kind === 'reversal') {
    throw new ApiHttpError(400, `参数错误：${no} 本身是红字冲销凭证，不能再冲销`);
  }
  if (original.status === 'reversed') {
    throw new ApiHttpError(400, `参数错误：${original.period} ${no} 已被冲销，不能重复冲销`);
  }
  if (original.status === 'voided') throw new ApiHttpError(400, `参数错误：${no} 已作废，不能冲销`);
}

/** POST /api/v2/voucher/{voucher_id}/reverse */
export function reverseVoucher(
  db: EngineDb,
  caller: Caller,
  voucherId: string,
  body: unknown,
): VoucherReverseResponse {
  const request = parseJsonBody(voucherReverseRequestSchema, body);
  return db
    .transaction((): VoucherReverseResponse => {
      const record = findVoucherOfTenant(db, caller.tenantId, voucherId);
      if (!record) throw new ApiHttpError(404, VOUCHER_NOT_FOUND_MESSAGE);
      const set = accountSetForWrite(db, caller, record.accountSetId);
      const [original] = withLines(db, [record]);
      if (!original) throw new Error('voucher vanished inside its transaction');
      assertReversible(original);
      const date = request.date ?? original.date;
      if (date < original.date) throw new ApiHttpError(400, '参数错误：date 不能早于原凭证日期');
      assertPeriodOpen(db, set.id, periodOfDate(date));

      const posted = postVoucher(db, {
        accountSetId: set.id,
        date,
        kind: 'reversal',
        lines: redLines(original),
        reversesVoucherId: original.id,
      });
      statement(db, "UPDATE vouchers SET status = 'reversed', reversed_by_voucher_id = ? WHERE id = ?").run(
        posted.id,
        original.id,
      );
      return { voucher_id: posted.id, voucher_no: posted.voucherNo, reverses_voucher_id: original.id };
    })
    .immediate();
}
