import type { Fen } from '../../shared/money.js';
import { CASH_ACCOUNTS } from '../../shared/reports/statement-accounts.js';

/**
 * 现金流量表 (会小企03表), direct method, 22 lines. Each voucher's cash movement is classified when
 * it is posted (so the statement sums per-month figures and never re-reads voucher lines): the net
 * change of cash (1001 + 1002 + 1012) is spread over the voucher's counter-accounts on the other
 * side, pro rata; transfers between two cash accounts net to zero and vanish.
 */

export const CASH_ROOTS = CASH_ACCOUNTS;

export interface PostingLine {
  code: string;
  /** First-level code. */
  root: string;
  tags: readonly string[];
  debit: Fen;
  credit: Fen;
}

/** Cash-flow line numbers that collect amounts (the rest are totals). */
export type CashFlowItemLine = 1 | 2 | 3 | 4 | 5 | 6 | 8 | 9 | 10 | 11 | 12 | 14 | 15 | 16 | 17 | 18;

const isCash = (root: string) => (CASH_ROOTS as readonly string[]).includes(root);

/**
 * Accounts that are only ever credited against cash when part of an acquisition price comes back
 * (a supplier's refund or rebate on equipment, construction or its materials, capitalised
 * development): under 小企业会计准则 a disposal of a fixed asset is booked through 1606 固定资产清理,
 * so cash received straight against 1601 is not a disposal. 1701 and 1621 are absent: their
 * disposals are booked on them directly.
 */
const ACQUISITION_REFUND_ROOTS: readonly string[] = ['1601', '1604', '1605', '4301'];

function inflowLine(line: PostingLine): CashFlowItemLine {
  const { root, tags } = line;
  if (['5001', '5051', '1122', '2203', '1121'].includes(root) || tags.includes('销项税额')) return 1;
  if (['1101', '1501', '1511'].includes(root)) return 8;
  if (['5111', '1131', '1132'].includes(root)) return 9;
  if (['1606', '1701', '1621'].includes(root)) return 10;
  if (['2001', '2501'].includes(root)) return 14;
  if (['3001', '3002'].includes(root)) return 15;
  return 2;
}

function outflowLine(line: PostingLine): CashFlowItemLine {
  const { root, tags } = line;
  if (tags.includes('进项税额')) return 3;
  if (['1401', '1402', '1403', '1404', '1405', '1407', '1408', '1411', '2202', '1123', '2201'].includes(root))
    return 3;
  if (root === '2211') return 4;
  if (['2221', '5403', '5801'].includes(root)) return 5;
  if (['1101', '1501', '1511'].includes(root)) return 11;
  if (['1601', '1604', '1605', '1701', '4301', '1621'].includes(root)) return 12;
  if (['2001', '2501'].includes(root)) return 16;
  if (root === '2231' || tags.includes('利息费用')) return 17;
  if (['2232', '3104'].includes(root)) return 18;
  return 6;
}

/**
 * Splits `total` over `weights` in proportion, in whole fen, summing exactly to `total`
 * (largest remainder).
 */
export function allocateProRata(total: Fen, weights: readonly Fen[]): Fen[] {
  const sumOfWeights = weights.reduce((a, b) => a + b, 0);
  if (sumOfWeights <= 0) return weights.map(() => 0);
  const exact = weights.map((w) => (total * w) / sumOfWeights);
  const shares = exact.map((x) => Math.floor(x));
  let left = total - shares.reduce((a, b) => a + b, 0);
  const order = exact.map((x, i) => ({ i, r: x - Math.floor(x) })).sort((a, b) => b.r - a.r || a.i - b.i);
  for (const { i } of order) {
    if (left <= 0) break;
    shares[i] = (shares[i] ?? 0) + 1;
    left -= 1;
  }
  return shares;
}

/**
 * The cash-flow lines one voucher contributes to, as positive amounts (inflow lines hold inflows,
 * outflow lines outflows) — except a refund on an acquisition account, which is a negative amount
 * on line 12. Empty when the voucher does not change cash.
 */
export function classifyCashFlow(lines: readonly PostingLine[]): Map<CashFlowItemLine, Fen> {
  // A red reversal (negative amounts) undoes its original in the same lines: classify the
  // original's shape and negate, rather than reading it as a flow in the other direction.
  if (lines.some((line) => line.debit < 0 || line.credit < 0)) {
    const original = lines.map((line) => ({ ...line, debit: -line.debit, credit: -line.credit }));
    const flows = classifyCashFlow(original);
    for (const [no, fen] of flows) flows.set(no, -fen);
    return flows;
  }
  const out = new Map<CashFlowItemLine, Fen>();
  let cashNet = 0;
  for (const line of lines) if (isCash(line.root)) cashNet += line.debit - line.credit;
  if (cashNet === 0) return out;

  const inflow = cashNet > 0;
  const amount = Math.abs(cashNet);
  // Counter-accounts on the other side of the cash movement, netted per line.
  const counters = lines
    .filter((line) => !isCash(line.root))
    .map((line) => ({ line, weight: inflow ? line.credit - line.debit : line.debit - line.credit }))
    .filter((c) => c.weight > 0);
  if (counters.length === 0) {
    out.set(inflow ? 2 : 6, amount);
    return out;
  }
  const shares = allocateProRata(
    amount,
    counters.map((c) => c.weight),
  );
  counters.forEach((c, i) => {
    const share = shares[i] ?? 0;
    // Cash back against an acquisition account is a refund of what was paid to acquire it, not a
    // disposal (disposals go through 1606): it reduces line 12 rather than adding to line 10.
    if (inflow && ACQUISITION_REFUND_ROOTS.includes(c.line.root)) {
      out.set(12, (out.get(12) ?? 0) - share);
      return;
    }
    const target = inflow ? inflowLine(c.line) : outflowLine(c.line);
    out.set(target, (out.get(target) ?? 0) + share);
  });
  return out;
}

interface LineDef {
  no: number | null;
  item: string;
  kind: 'heading' | 'item' | 'total';
  section: string;
}

const OP = '经营活动';
const INV = '投资活动';
const FIN = '筹资活动';

export const CASH_FLOW_LINES: readonly LineDef[] = [
  { no: null, item: '一、经营活动产生的现金流量：', kind: 'heading', section: OP },
  { no: 1, item: '销售产成品、商品、提供劳务收到的现金', kind: 'item', section: OP },
  { no: 2, item: '收到其他与经营活动有关的现金', kind: 'item', section: OP },
  { no: 3, item: '购买原材料、商品、接受劳务支付的现金', kind: 'item', section: OP },
  { no: 4, item: '支付的职工薪酬', kind: 'item', section: OP },
  { no: 5, item: '支付的税费', kind: 'item', section: OP },
  { no: 6, item: '支付其他与经营活动有关的现金', kind: 'item', section: OP },
  { no: 7, item: '经营活动产生的现金流量净额', kind: 'total', section: OP },
  { no: null, item: '二、投资活动产生的现金流量：', kind: 'heading', section: INV },
  { no: 8, item: '收回短期投资、长期债券投资和长期股权投资收到的现金', kind: 'item', section: INV },
  { no: 9, item: '取得投资收益收到的现金', kind: 'item', section: INV },
  { no: 10, item: '处置固定资产、无形资产和其他非流动资产收回的现金净额', kind: 'item', section: INV },
  { no: 11, item: '短期投资、长期债券投资和长期股权投资支付的现金', kind: 'item', section: INV },
  { no: 12, item: '购建固定资产、无形资产和其他非流动资产支付的现金', kind: 'item', section: INV },
  { no: 13, item: '投资活动产生的现金流量净额', kind: 'total', section: INV },
  { no: null, item: '三、筹资活动产生的现金流量：', kind: 'heading', section: FIN },
  { no: 14, item: '取得借款收到的现金', kind: 'item', section: FIN },
  { no: 15, item: '吸收投资者投资收到的现金', kind: 'item', section: FIN },
  { no: 16, item: '偿还借款本金支付的现金', kind: 'item', section: FIN },
  { no: 17, item: '偿还借款利息支付的现金', kind: 'item', section: FIN },
  { no: 18, item: '分配利润支付的现金', kind: 'item', section: FIN },
  { no: 19, item: '筹资活动产生的现金流量净额', kind: 'total', section: FIN },
  { no: 20, item: '四、现金净增加额', kind: 'total', section: '现金' },
  { no: 21, item: '加：期初现金余额', kind: 'item', section: '现金' },
  { no: 22, item: '五、期末现金余额', kind: 'total', section: '现金' },
];

export interface CashFlowLine {
  no: number | null;
  item: string;
  kind: LineDef['kind'];
  section: string;
  amount: Fen | null;
}

/** The 22 lines for one range: classified amounts per item line, and cash at the range's start. */
export function computeCashFlowStatement(
  classified: ReadonlyMap<number, Fen>,
  cashAtStart: Fen,
): CashFlowLine[] {
  const v = (no: number) => classified.get(no) ?? 0;
  const l7 = v(1) + v(2) - v(3) - v(4) - v(5) - v(6);
  const l13 = v(8) + v(9) + v(10) - v(11) - v(12);
  const l19 = v(14) + v(15) - v(16) - v(17) - v(18);
  const l20 = l7 + l13 + l19;
  const totals = new Map<number, Fen>([
    [7, l7],
    [13, l13],
    [19, l19],
    [20, l20],
    [21, cashAtStart],
    [22, l20 + cashAtStart],
  ]);
  return CASH_FLOW_LINES.map((def) => ({
    ...def,
    amount: def.no === null ? null : (totals.get(def.no) ?? v(def.no)),
  }));
}
