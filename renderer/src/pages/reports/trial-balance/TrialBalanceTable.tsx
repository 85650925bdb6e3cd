import { formatAmount, isNegative } from '../format';
import { trialBalanceTotals, type AmountKey, type TrialBalanceRow } from './trialBalanceFilters';

const GROUPS: { label: string; debit: AmountKey; credit: AmountKey }[] = [
  { label: '期初余额', debit: 'opening_debit', credit: 'opening_credit' },
  { label: '本期发生额', debit: 'period_debit', credit: 'period_credit' },
  { label: '本年累计发生额', debit: 'year_debit', credit: 'year_credit' },
  { label: '期末余额', debit: 'closing_debit', credit: 'closing_credit' },
];

function Amount({ value, showZero = false }: { value: number; showZero?: boolean }) {
  return (
    <td className={`zxe-amount${isNegative(value) ? ' zxe-negative' : ''}`}>
      {formatAmount(value, showZero)}
    </td>
  );
}

export interface TrialBalanceTableProps {
  /** The rows to show (already filtered). */
  rows: readonly TrialBalanceRow[];
  /** Every row the engine answered: the 合计 line sums its first-level rows. */
  allRows: readonly TrialBalanceRow[];
  onAccountClick?: (code: string) => void;
}

/** 科目余额表: 期初 / 本期发生 / 本年累计 / 期末 × 借 / 贷, with the 合计 row. */
export function TrialBalanceTable({ rows, allRows, onAccountClick }: TrialBalanceTableProps) {
  const totals = trialBalanceTotals(allRows);
  return (
    <table className="zxe-statement-table zxe-trial-balance" data-testid="trial-balance">
      <thead>
        <tr>
          <th rowSpan={2}>科目编码</th>
          <th rowSpan={2}>科目名称</th>
          {GROUPS.map((g) => (
            <th key={g.label} colSpan={2}>
              {g.label}
            </th>
          ))}
        </tr>
        <tr>
          {GROUPS.flatMap((g) => [<th key={`${g.label}借`}>借方</th>, <th key={`${g.label}贷`}>贷方</th>])}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.code} data-code={row.code}>
            <td className={row.level === 1 ? 'zxe-cell-total' : ''}>
              {onAccountClick ? (
                <button type="button" className="zxe-drill" onClick={() => onAccountClick(row.code)}>
                  {row.code}
                </button>
              ) : (
                row.code
              )}
            </td>
            <td className={`zxe-item zxe-indent-${String(Math.min(row.level - 1, 2))}`}>{row.name}</td>
            {GROUPS.flatMap((g) => [
              <Amount key={g.debit} value={row[g.debit]} />,
              <Amount key={g.credit} value={row[g.credit]} />,
            ])}
          </tr>
        ))}
        {rows.length === 0 ? (
          <tr>
            <td colSpan={10} style={{ textAlign: 'center', color: '#888' }}>
              没有符合条件的科目
            </td>
          </tr>
        ) : null}
        <tr className="zxe-total-row" data-code="total">
          <td className="zxe-cell-total" colSpan={2}>
            合计
          </td>
          {GROUPS.flatMap((g) => [
            <Amount key={g.debit} value={totals[g.debit]} showZero />,
            <Amount key={g.credit} value={totals[g.credit]} showZero />,
          ])}
        </tr>
      </tbody>
    </table>
  );
}
