import type { Fen } from '../../shared/money.js';
import { sumBalances, type AccountInfo, type Balances } from './ledger-figures.js';
import { CASH_ACCOUNTS, INVENTORY_ACCOUNTS } from '../../shared/reports/statement-accounts.js';

/**
 * 资产负债表 (会小企01表), 53 lines. Every balance-sheet account lands in exactly one line, so the
 * sheet balances by construction (Σ of all nets is 0); unclosed 损益 is netted into line 51.
 */

type Ctx = {
  /** Σ debit-positive net of the leaves under these first-level codes. */
  net(roots: readonly string[]): Fen;
  /** Σ of the leaves' debit balances only (nets > 0). */
  debitParts(roots: readonly string[]): Fen;
  /** Σ of the leaves' credit balances only, as a positive number. */
  creditParts(roots: readonly string[]): Fen;
  /** Net of every 损益 account, debit-positive. */
  profitAndLossNet(): Fen;
};

type Figure = (ctx: Ctx, line: (no: number) => Fen) => Fen;

interface LineDef {
  no: number | null;
  item: string;
  kind: 'heading' | 'item' | 'total';
  section: '资产' | '负债和所有者权益';
  figure?: Figure;
}

const A = '资产' as const;
const L = '负债和所有者权益' as const;
const net =
  (...roots: string[]): Figure =>
  (c) =>
    c.net(roots);
const credit =
  (...roots: string[]): Figure =>
  (c) =>
    -c.net(roots);
const sum =
  (...nos: number[]): Figure =>
  (_c, line) =>
    nos.reduce((total, no) => total + line(no), 0);
const range = (from: number, to: number): number[] =>
  Array.from({ length: to - from + 1 }, (_, i) => from + i);

export const BALANCE_SHEET_LINES: readonly LineDef[] = [
  { no: null, item: '流动资产：', kind: 'heading', section: A },
  { no: 1, item: '货币资金', kind: 'item', section: A, figure: net(...CASH_ACCOUNTS) },
  { no: 2, item: '短期投资', kind: 'item', section: A, figure: net('1101') },
  { no: 3, item: '应收票据', kind: 'item', section: A, figure: net('1121') },
  { no: 4, item: '应收账款', kind: 'item', section: A, figure: (c) => c.debitParts(['1122', '2203']) },
  { no: 5, item: '预付账款', kind: 'item', section: A, figure: (c) => c.debitParts(['1123', '2202']) },
  { no: 6, item: '应收股利', kind: 'item', section: A, figure: net('1131') },
  { no: 7, item: '应收利息', kind: 'item', section: A, figure: net('1132') },
  { no: 8, item: '其他应收款', kind: 'item', section: A, figure: net('1221') },
  { no: 9, item: '存货', kind: 'item', section: A, figure: net(...INVENTORY_ACCOUNTS) },
  { no: 10, item: '其中：原材料', kind: 'item', section: A, figure: net('1403') },
  { no: 11, item: '在产品', kind: 'item', section: A, figure: net('4001') },
  { no: 12, item: '库存商品', kind: 'item', section: A, figure: net('1405') },
  { no: 13, item: '周转材料', kind: 'item', section: A, figure: net('1411') },
  // 待处理财产损溢 should be settled by period end; while it is not, it is shown here.
  { no: 14, item: '其他流动资产', kind: 'item', section: A, figure: net('1901') },
  { no: 15, item: '流动资产合计', kind: 'total', section: A, figure: sum(...range(1, 9), 14) },
  { no: null, item: '非流动资产：', kind: 'heading', section: A },
  { no: 16, item: '长期债券投资', kind: 'item', section: A, figure: net('1501') },
  { no: 17, item: '长期股权投资', kind: 'item', section: A, figure: net('1511') },
  { no: 18, item: '固定资产原价', kind: 'item', section: A, figure: net('1601') },
  { no: 19, item: '减：累计折旧', kind: 'item', section: A, figure: credit('1602') },
  { no: 20, item: '固定资产账面价值', kind: 'total', section: A, figure: (_c, line) => line(18) - line(19) },
  { no: 21, item: '在建工程', kind: 'item', section: A, figure: net('1604') },
  { no: 22, item: '工程物资', kind: 'item', section: A, figure: net('1605') },
  { no: 23, item: '固定资产清理', kind: 'item', section: A, figure: net('1606') },
  { no: 24, item: '生产性生物资产', kind: 'item', section: A, figure: net('1621', '1622') },
  { no: 25, item: '无形资产', kind: 'item', section: A, figure: net('1701', '1702') },
  { no: 26, item: '开发支出', kind: 'item', section: A, figure: net('4301') },
  { no: 27, item: '长期待摊费用', kind: 'item', section: A, figure: net('1801') },
  { no: 28, item: '其他非流动资产', kind: 'item', section: A, figure: () => 0 },
  { no: 29, item: '非流动资产合计', kind: 'total', section: A, figure: sum(16, 17, ...range(20, 28)) },
  { no: 30, item: '资产总计', kind: 'total', section: A, figure: sum(15, 29) },
  { no: null, item: '流动负债：', kind: 'heading', section: L },
  { no: 31, item: '短期借款', kind: 'item', section: L, figure: credit('2001') },
  { no: 32, item: '应付票据', kind: 'item', section: L, figure: credit('2201') },
  { no: 33, item: '应付账款', kind: 'item', section: L, figure: (c) => c.creditParts(['2202', '1123']) },
  { no: 34, item: '预收账款', kind: 'item', section: L, figure: (c) => c.creditParts(['2203', '1122']) },
  { no: 35, item: '应付职工薪酬', kind: 'item', section: L, figure: credit('2211') },
  { no: 36, item: '应交税费', kind: 'item', section: L, figure: credit('2221') },
  { no: 37, item: '应付利息', kind: 'item', section: L, figure: credit('2231') },
  { no: 38, item: '应付利润', kind: 'item', section: L, figure: credit('2232') },
  { no: 39, item: '其他应付款', kind: 'item', section: L, figure: credit('2241') },
  { no: 40, item: '其他流动负债', kind: 'item', section: L, figure: () => 0 },
  { no: 41, item: '流动负债合计', kind: 'total', section: L, figure: sum(...range(31, 40)) },
  { no: null, item: '非流动负债：', kind: 'heading', section: L },
  { no: 42, item: '长期借款', kind: 'item', section: L, figure: credit('2501') },
  { no: 43, item: '长期应付款', kind: 'item', section: L, figure: credit('2701') },
  { no: 44, item: '递延收益', kind: 'item', section: L, figure: credit('2401') },
  { no: 45, item: '其他非流动负债', kind: 'item', section: L, figure: () => 0 },
  { no: 46, item: '非流动负债合计', kind: 'total', section: L, figure: sum(...range(42, 45)) },
  { no: 47, item: '负债合计', kind: 'total', section: L, figure: sum(41, 46) },
  { no: null, item: '所有者权益（或股东权益）：', kind: 'heading', section: L },
  { no: 48, item: '实收资本（或股本）', kind: 'item', section: L, figure: credit('3001') },
  { no: 49, item: '资本公积', kind: 'item', section: L, figure: credit('3002') },
  { no: 50, item: '盈余公积', kind: 'item', section: L, figure: credit('3101') },
  {
    no: 51,
    item: '未分配利润',
    kind: 'item',
    section: L,
    figure: (c) => -c.net(['3103', '3104']) - c.profitAndLossNet(),
  },
  { no: 52, item: '所有者权益（或股东权益）合计', kind: 'total', section: L, figure: sum(48, 49, 50, 51) },
  { no: 53, item: '负债和所有者权益（或股东权益）总计', kind: 'total', section: L, figure: sum(47, 52) },
];

export interface ComputedLine {
  no: number | null;
  item: string;
  kind: LineDef['kind'];
  section: string;
  /** Fen; null for headings. */
  amount: Fen | null;
}

function context(balances: Balances, accounts: readonly AccountInfo[]): Ctx {
  const leavesOf = (roots: readonly string[]) => accounts.filter((a) => roots.includes(a.root));
  const valueOf = (code: string) => balances.get(code) ?? 0;
  return {
    net: (roots) => sumBalances(balances, accounts, roots),
    debitParts: (roots) => leavesOf(roots).reduce((t, a) => t + Math.max(0, valueOf(a.code)), 0),
    creditParts: (roots) => leavesOf(roots).reduce((t, a) => t + Math.max(0, -valueOf(a.code)), 0),
    profitAndLossNet: () =>
      accounts.filter((a) => a.class === '损益').reduce((t, a) => t + valueOf(a.code), 0),
  };
}

/** The 53 lines for one set of balances (one column). `accounts` are the leaf accounts. */
export function computeBalanceSheet(balances: Balances, accounts: readonly AccountInfo[]): ComputedLine[] {
  const ctx = context(balances, accounts);
  const byNo = new Map<number, Fen>();
  const line = (no: number): Fen => {
    const value = byNo.get(no);
    if (value === undefined) throw new Error(`balance sheet: line ${String(no)} used before it is computed`);
    return value;
  };
  return BALANCE_SHEET_LINES.map((def) => {
    if (!def.figure || def.no === null) {
      return { no: def.no, item: def.item, kind: def.kind, section: def.section, amount: null };
    }
    // `+ 0` turns the −0 of negated empty sums into 0.
    const amount = def.figure(ctx, line) + 0;
    byNo.set(def.no, amount);
    return { no: def.no, item: def.item, kind: def.kind, section: def.section, amount };
  });
}
