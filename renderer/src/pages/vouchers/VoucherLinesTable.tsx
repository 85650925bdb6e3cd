import type { VoucherLine } from '../../../../shared/api/ledger';
import { decimalToFen } from '../../../../shared/money';
import { formatAmount } from './amountText';
import { fenToCapital } from './capitalAmount';
import './vouchers.css';

export interface VoucherLinesTableProps {
  lines: readonly Pick<VoucherLine, 'abstract' | 'account_code' | 'account_name' | 'debit' | 'credit'>[];
  /** Full account names by code (「管理费用-办公费」); the line's own name otherwise. */
  fullNameOf?: (code: string) => string | undefined;
  testId?: string;
}

function fen(value: number): number {
  return decimalToFen(value) ?? 0;
}

/** A posted voucher's grid, read-only: 摘要 | 会计科目 | 借方金额 | 贷方金额, and 合计 with 大写. */
export function VoucherLinesTable({ lines, fullNameOf, testId }: VoucherLinesTableProps) {
  const debit = lines.reduce((sum, line) => sum + fen(line.debit), 0);
  const credit = lines.reduce((sum, line) => sum + fen(line.credit), 0);
  return (
    <table className="zxe-voucher-grid zxe-voucher-grid-readonly" data-testid={testId}>
      <colgroup>
        <col className="zxe-col-abstract" />
        <col className="zxe-col-account" />
        <col className="zxe-col-amount" />
        <col className="zxe-col-amount" />
      </colgroup>
      <thead>
        <tr>
          <th>摘要</th>
          <th>会计科目</th>
          <th className="zxe-amount">借方金额</th>
          <th className="zxe-amount">贷方金额</th>
        </tr>
      </thead>
      <tbody>
        {lines.map((line, index) => (
          <tr key={index}>
            <td>{line.abstract}</td>
            <td>
              {line.account_code} {fullNameOf?.(line.account_code) ?? line.account_name}
            </td>
            <td className={`zxe-amount${line.debit < 0 ? ' zxe-red' : ''}`}>
              {formatAmount(fen(line.debit))}
            </td>
            <td className={`zxe-amount${line.credit < 0 ? ' zxe-red' : ''}`}>
              {formatAmount(fen(line.credit))}
            </td>
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <td colSpan={2}>
            合计：<span data-testid="voucher-capital">{fenToCapital(debit)}</span>
          </td>
          <td className={`zxe-amount${debit < 0 ? ' zxe-red' : ''}`} data-testid="total-debit">
            {formatAmount(debit)}
          </td>
          <td className={`zxe-amount${credit < 0 ? ' zxe-red' : ''}`} data-testid="total-credit">
            {formatAmount(credit)}
          </td>
        </tr>
      </tfoot>
    </table>
  );
}
