import type { Statement, StatementLine } from '../../../../../shared/api/statements';
import { formatAmount, isNegative } from '../format';
import {
  balanceSheetRows,
  headerFields,
  indentLevel,
  statementColumns,
  type StatementColumn,
} from './statementLayout';

export interface StatementTableProps {
  statement: Statement;
  period: { startDate: string; endDate: string; label: string; singleMonth: boolean };
  /** Drill-down from a line to the accounts behind it; lines are plain text without it. */
  onLineClick?: (line: StatementLine) => void;
  /** Which lines can be drilled into (all but headings when absent). */
  canDrill?: (line: StatementLine) => boolean;
}

function AmountCell({ value, total }: { value: number | undefined; total: boolean }) {
  return (
    <td className={`zxe-amount${isNegative(value) ? ' zxe-negative' : ''}${total ? ' zxe-cell-total' : ''}`}>
      {formatAmount(value, total)}
    </td>
  );
}

function ItemCell({
  statement,
  line,
  onLineClick,
  canDrill,
}: {
  statement: Statement;
  line: StatementLine;
  onLineClick?: (line: StatementLine) => void;
  canDrill?: (line: StatementLine) => boolean;
}) {
  const level = indentLevel(statement, line);
  const drillable =
    onLineClick && line.kind !== 'heading' && line.line_no !== null && (canDrill?.(line) ?? true);
  return (
    <td className={`zxe-item zxe-indent-${String(level)}${kindClass(line)}`}>
      {drillable ? (
        <button type="button" className="zxe-drill" onClick={() => onLineClick(line)}>
          {line.item}
        </button>
      ) : (
        line.item
      )}
    </td>
  );
}

function kindClass(line: StatementLine): string {
  return line.kind === 'heading' ? ' zxe-cell-heading' : line.kind === 'total' ? ' zxe-cell-total' : '';
}

function LineCells({
  statement,
  line,
  columns,
  onLineClick,
  canDrill,
}: {
  statement: Statement;
  line: StatementLine | undefined;
  columns: StatementColumn[];
  onLineClick?: (line: StatementLine) => void;
  canDrill?: (line: StatementLine) => boolean;
}) {
  if (!line) {
    return (
      <>
        <td className="zxe-item" />
        <td className="zxe-line-no" />
        {columns.map((c) => (
          <td key={c.key} className="zxe-amount" />
        ))}
      </>
    );
  }
  return (
    <>
      <ItemCell statement={statement} line={line} onLineClick={onLineClick} canDrill={canDrill} />
      <td className={`zxe-line-no${kindClass(line)}`}>{line.line_no ?? ''}</td>
      {columns.map((c) =>
        line.kind === 'heading' ? (
          <td key={c.key} className="zxe-amount" />
        ) : (
          <AmountCell key={c.key} value={line.values[c.key] ?? 0} total={line.kind === 'total'} />
        ),
      )}
    </>
  );
}

/** One statement as the printed form: title, 表号, header block, 行次, 项目 and both columns. */
export function StatementTable({ statement, period, onLineClick, canDrill }: StatementTableProps) {
  const columns = statementColumns(statement, period.singleMonth);
  const fields = headerFields(statement, period);
  const twoSided = statement.title === '资产负债表';

  return (
    <div className="zxe-statement" data-testid="statement">
      <div className="zxe-statement-heading">
        <h2 className="zxe-statement-title">{statement.title}</h2>
        <div className="zxe-statement-form-no">{statement.form_no}</div>
      </div>
      <div className="zxe-statement-fields">
        {fields.map((f) => (
          <span key={f.label} data-testid={`statement-field-${f.label}`}>
            {f.label}：{f.value}
          </span>
        ))}
      </div>
      <table className={`zxe-statement-table${twoSided ? ' zxe-two-sided' : ''}`}>
        <thead>
          <tr>
            {(twoSided ? ['资产', '负债和所有者权益'] : ['项目']).map((side) => (
              <Header key={side} first={side} columns={columns} />
            ))}
          </tr>
        </thead>
        <tbody>
          {twoSided
            ? balanceSheetRows(statement.lines).map(([left, right], i) => (
                <tr
                  key={i}
                  data-line-left={left?.line_no ?? undefined}
                  data-line-right={right?.line_no ?? undefined}
                >
                  <LineCells
                    statement={statement}
                    line={left}
                    columns={columns}
                    onLineClick={onLineClick}
                    canDrill={canDrill}
                  />
                  <LineCells
                    statement={statement}
                    line={right}
                    columns={columns}
                    onLineClick={onLineClick}
                    canDrill={canDrill}
                  />
                </tr>
              ))
            : statement.lines.map((line, i) => (
                <tr key={i} data-line={line.line_no ?? undefined}>
                  <LineCells
                    statement={statement}
                    line={line}
                    columns={columns}
                    onLineClick={onLineClick}
                    canDrill={canDrill}
                  />
                </tr>
              ))}
        </tbody>
      </table>
    </div>
  );
}

function Header({ first, columns }: { first: string; columns: StatementColumn[] }) {
  return (
    <>
      <th className="zxe-item">{first}</th>
      <th className="zxe-line-no">行次</th>
      {columns.map((c) => (
        <th key={c.key} className="zxe-amount">
          {c.label}
        </th>
      ))}
    </>
  );
}
