import type { Voucher } from '../../../../shared/api/ledger';

/** The red lines the engine will post: same accounts and sides, amounts negated, 摘要 prefixed. */
export function reversalPreview(voucher: Voucher): Voucher['entries'] {
  const prefix = `冲销${voucher.period}${voucher.voucher_no}：`;
  return voucher.entries.map((line) => ({
    ...line,
    abstract: (prefix + line.abstract).slice(0, 200),
    debit: line.debit === 0 ? 0 : -line.debit,
    credit: line.credit === 0 ? 0 : -line.credit,
  }));
}
