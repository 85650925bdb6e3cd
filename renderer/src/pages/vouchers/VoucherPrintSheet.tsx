import { createPortal } from 'react-dom';
import type { Voucher } from '../../../../shared/api/ledger';
import { VoucherLinesTable } from './VoucherLinesTable';

export interface VoucherPrintSheetProps {
  voucher: Voucher;
  accountSetName: string;
  fullNameOf?: (code: string) => string | undefined;
}

/**
 * The 记账凭证 as printed (A5 landscape; see the print rules in vouchers.css): hidden on screen,
 * the only thing on paper when the browser prints the page.
 */
export function VoucherPrintSheet({ voucher, accountSetName, fullNameOf }: VoucherPrintSheetProps) {
  const number = /(\d+)$/.exec(voucher.voucher_no)?.[1] ?? voucher.voucher_no;
  // Straight under <body>, so the print rules can hide the whole app beside it.
  return createPortal(
    <div className="zxe-print-sheet" data-testid="voucher-print-sheet">
      <h1 className="zxe-voucher-title">记账凭证</h1>
      <div style={{ display: 'flex', justifyContent: 'space-between', marginBottom: 6 }}>
        <span>核算单位：{accountSetName}</span>
        <span>日期：{voucher.date}</span>
        <span>
          记字第 {number} 号 · 附单据 {voucher.attachments.length} 张
        </span>
      </div>
      <VoucherLinesTable lines={voucher.entries} fullNameOf={fullNameOf} />
      <div style={{ display: 'flex', justifyContent: 'space-between', marginTop: 8 }}>
        <span>记账：</span>
        <span>审核：</span>
        <span>出纳：</span>
        <span>制单：</span>
      </div>
    </div>,
    document.body,
  );
}
