import nzh from 'nzh/cn';
import type { Voucher } from '../../../../shared/api/ledger.js';
import { decimalToFen, formatFenPlain, type Fen } from '../../../../shared/money.js';

/**
 * The 记账凭证 as a self-contained HTML page for printToPDF (A5 landscape): no script, no outside
 * resources, every text escaped — the voucher's 摘要 is user input.
 */

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${String(c.charCodeAt(0))};`);
}

function amount(fen: Fen): string {
  if (fen === 0) return '';
  const [whole = '0', cents = '00'] = formatFenPlain(Math.abs(fen)).split('.');
  return `${fen < 0 ? '-' : ''}${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${cents}`;
}

export function capitalOf(fen: Fen): string {
  if (fen === 0) return '零元整';
  const text = nzh.toMoney(formatFenPlain(Math.abs(fen)), { outSymbol: false, forceZheng: true });
  return fen < 0 ? `负${text}` : text;
}

const STYLE = `
  @page { size: A5 landscape; margin: 10mm; }
  body { font-family: "Noto Sans CJK SC", "Microsoft YaHei", "PingFang SC", sans-serif; font-size: 11pt; color: #000; margin: 0; }
  h1 { text-align: center; letter-spacing: 8px; font-size: 18pt; margin: 0 0 4mm; }
  .meta { display: flex; justify-content: space-between; margin-bottom: 2mm; }
  table { width: 100%; border-collapse: collapse; table-layout: fixed; }
  th, td { border: 1px solid #000; padding: 1.5mm 2mm; height: 7mm; }
  th { font-weight: 600; }
  .amount { text-align: right; font-family: "DejaVu Sans Mono", Consolas, monospace; }
  .red { color: #c00; }
  .sign { display: flex; justify-content: space-between; margin-top: 3mm; }
`;

export function voucherPrintHtml(voucher: Voucher, accountSetName: string): string {
  const number = /(\d+)$/.exec(voucher.voucher_no)?.[1] ?? voucher.voucher_no;
  let debit = 0;
  let credit = 0;
  const rows = voucher.entries
    .map((line) => {
      const d = decimalToFen(line.debit) ?? 0;
      const c = decimalToFen(line.credit) ?? 0;
      debit += d;
      credit += c;
      return (
        `<tr><td>${escapeHtml(line.abstract)}</td><td>${escapeHtml(`${line.account_code} ${line.account_name}`)}</td>` +
        `<td class="amount${d < 0 ? ' red' : ''}">${amount(d)}</td><td class="amount${c < 0 ? ' red' : ''}">${amount(c)}</td></tr>`
      );
    })
    .join('');
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>记账凭证 ${escapeHtml(voucher.voucher_no)}</title><style>${STYLE}</style></head><body>
<h1>记账凭证</h1>
<div class="meta"><span>核算单位：${escapeHtml(accountSetName)}</span><span>日期：${escapeHtml(voucher.date)}</span>
<span>记字第 ${escapeHtml(number)} 号 · 附单据 ${String(voucher.attachments.length)} 张</span></div>
<table><colgroup><col style="width:30%"><col style="width:34%"><col style="width:18%"><col style="width:18%"></colgroup>
<thead><tr><th>摘要</th><th>会计科目</th><th>借方金额</th><th>贷方金额</th></tr></thead>
<tbody>${rows}</tbody>
<tfoot><tr><td colspan="2">合计：${escapeHtml(capitalOf(debit))}</td><td class="amount">${amount(debit)}</td><td class="amount">${amount(credit)}</td></tr></tfoot>
</table>
<div class="sign"><span>记账：</span><span>审核：</span><span>出纳：</span><span>制单：</span></div>
</body></html>`;
}
