import {
  voucherCreateRequestSchema,
  type VoucherCreateRequest,
  type VoucherCreateResponse,
} from '../../shared/api/index.js';
import { periodOfDate } from '../../shared/ledger/periods.js';
import { checkVoucherEntries } from '../../shared/ledger/voucher-rules.js';
import { decimalToFen } from '../../shared/money.js';
import type { Caller } from '../auth/authenticate.js';
import type { EngineDb } from '../db/engine-db.js';
import { ApiHttpError } from '../errors/api-http-error.js';
import { parseJsonBody } from '../errors/parse-request.js';
import { invoiceExistsInAccountSet } from '../invoices/invoice-records.js';
import { learnFromVoucher } from '../invoices/learn-from-voucher.js';
import { accountSetForWrite } from './account-set-access.js';
import { chartOf } from './charts-in-memory.js';
import { assertPeriodOpen } from './period-state.js';
import { postVoucher, type LedgerLine } from './voucher-writer.js';

function checkAttachments(db: EngineDb, accountSetId: string, attachments: readonly string[]): void {
  const seen = new Set<string>();
  attachments.forEach((invoiceId, index) => {
    const field = `attachments[${String(index)}]`;
    if (seen.has(invoiceId)) throw new ApiHttpError(400, `参数错误：${field} 与前面的附件重复`);
    seen.add(invoiceId);
    if (!invoiceExistsInAccountSet(db, accountSetId, invoiceId)) {
      throw new ApiHttpError(400, `参数错误：${field} 对应的票据在该账套中不存在`);
    }
  });
}

function toLedgerLines(request: VoucherCreateRequest): LedgerLine[] {
  // The schema has already refused every amount decimalToFen cannot read exactly.
  return request.entries.map((entry) => ({
    abstract: entry.abstract,
    accountCode: entry.account_code,
    debitFen: decimalToFen(entry.debit) ?? 0,
    creditFen: decimalToFen(entry.credit) ?? 0,
  }));
}

/**
 * POST /api/v2/voucher/create. The shape is checked first (400), then, inside one immediate
 * transaction: the account set (404 when not the caller's, 403 when frozen), the period (403 when
 * closed), the bookkeeping rules shared with the editor (400), the attachments (400); then the
 * number is taken and everything written. Any refusal leaves the database as it was.
 */
export function createVoucher(db: EngineDb, caller: Caller, body: unknown): VoucherCreateResponse {
  const request = parseJsonBody(voucherCreateRequestSchema, body);
  return db
    .transaction((): VoucherCreateResponse => {
      const set = accountSetForWrite(db, caller, request.account_id);
      assertPeriodOpen(db, set.id, periodOfDate(request.date));
      const problem = checkVoucherEntries(request.entries, chartOf(db, set.id))[0];
      if (problem) throw new ApiHttpError(400, `参数错误：${problem.message}`);
      const attachments = request.attachments ?? [];
      checkAttachments(db, set.id, attachments);
      const lines = toLedgerLines(request);
      const posted = postVoucher(db, {
        accountSetId: set.id,
        date: request.date,
        kind: 'normal',
        lines,
        attachments,
      });
      // The bookkeeper's choice of expense account for an attached invoice is remembered.
      learnFromVoucher(db, { accountSetId: set.id, voucherId: posted.id, attachments, lines });
      return { voucher_id: posted.id, voucher_no: posted.voucherNo };
    })
    .immediate();
}
