import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef } from 'react';
import type { DetailLedgerRow } from '../../../../../shared/api/detail-ledger';
import { formatAmount, isNegative } from '../format';

export const LEDGER_ROW_HEIGHT = 30;

export interface DetailLedgerTableProps {
  totalRows: number;
  /** The row at an index, or undefined while its page loads. */
  rowAt: (index: number) => DetailLedgerRow | undefined;
  onVoucherClick?: (row: DetailLedgerRow) => void;
  /** Height of the scrolling area in px. */
  height?: number;
  /** Tells the container which rows are on screen, so it can load their pages. */
  onVisibleRange?: (first: number, last: number) => void;
}

const SUMMARY_KINDS = new Set<DetailLedgerRow['kind']>(['opening', 'month_total', 'year_total', 'closing']);

function LedgerRow({
  row,
  onVoucherClick,
}: {
  row: DetailLedgerRow;
  onVoucherClick?: (row: DetailLedgerRow) => void;
}) {
  const summary = SUMMARY_KINDS.has(row.kind);
  const showAmounts = row.kind === 'posting' || row.kind === 'month_total' || row.kind === 'year_total';
  return (
    <>
      <span className="zxe-ledger-date">{row.date}</span>
      <span className="zxe-ledger-no">
        {row.voucher_no && onVoucherClick ? (
          <button type="button" className="zxe-drill zxe-link" onClick={() => onVoucherClick(row)}>
            {row.voucher_no}
          </button>
        ) : (
          (row.voucher_no ?? '')
        )}
      </span>
      <span className={`zxe-ledger-abstract${summary ? ' zxe-cell-total' : ''}`}>{row.abstract}</span>
      <span className={`zxe-ledger-amount${isNegative(row.debit) ? ' zxe-negative' : ''}`}>
        {showAmounts ? formatAmount(row.debit, row.kind !== 'posting') : ''}
      </span>
      <span className={`zxe-ledger-amount${isNegative(row.credit) ? ' zxe-negative' : ''}`}>
        {showAmounts ? formatAmount(row.credit, row.kind !== 'posting') : ''}
      </span>
      <span className="zxe-ledger-direction">{row.direction}</span>
      <span className="zxe-ledger-amount" data-testid="ledger-balance">
        {formatAmount(row.balance, true)}
      </span>
    </>
  );
}

/** 明细账 as a virtualized list: only the rows on screen are in the DOM, whatever the row count. */
export function DetailLedgerTable({
  totalRows,
  rowAt,
  onVoucherClick,
  height = 520,
  onVisibleRange,
}: DetailLedgerTableProps) {
  const scrollRef = useRef<HTMLDivElement>(null);
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: totalRows,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => LEDGER_ROW_HEIGHT,
    overscan: 12,
    initialRect: { width: 960, height },
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index;
  const last = items.at(-1)?.index;
  useEffect(() => {
    if (first !== undefined && last !== undefined) onVisibleRange?.(first, last);
  }, [first, last, onVisibleRange]);

  return (
    <div className="zxe-ledger" data-testid="detail-ledger">
      <div className="zxe-ledger-row zxe-ledger-head" role="row">
        <span>日期</span>
        <span>凭证字号</span>
        <span>摘要</span>
        <span className="zxe-ledger-amount">借方</span>
        <span className="zxe-ledger-amount">贷方</span>
        <span className="zxe-ledger-direction">方向</span>
        <span className="zxe-ledger-amount">余额</span>
      </div>
      <div ref={scrollRef} className="zxe-ledger-scroll" style={{ height, overflow: 'auto' }}>
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {items.map((item) => {
            const row = rowAt(item.index);
            return (
              <div
                key={item.key}
                role="row"
                data-index={item.index}
                data-kind={row?.kind ?? 'loading'}
                className={`zxe-ledger-row${row && SUMMARY_KINDS.has(row.kind) ? ' zxe-ledger-summary' : ''}`}
                style={{
                  position: 'absolute',
                  top: 0,
                  left: 0,
                  right: 0,
                  height: LEDGER_ROW_HEIGHT,
                  transform: `translateY(${String(item.start)}px)`,
                }}
              >
                {row ? (
                  <LedgerRow row={row} onVoucherClick={onVoucherClick} />
                ) : (
                  <span className="zxe-ledger-loading">加载中…</span>
                )}
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}
