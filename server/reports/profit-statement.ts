import type { Fen } from '../../shared/money.js';
import type { AccountInfo, Turnovers } from './ledger-figures.js';

/**
 * 利润表 (会小企02表), 32 lines, from 损益 turnover with closing vouchers excluded. Revenue-type
 * accounts count credit − debit, expense-type debit − credit; "其中" lines come from tagged
 * second-level accounts.
 */

type Figure = (
  f: { revenue(roots: string[], tag?: string): Fen; expense(roots: string[], tag?: string): Fen },
  line: (no: number) => Fen,
) => Fen;

interface LineDef {
  no: number;
  item: string;
  kind: 'item' | 'total';
  figure: Figure;
}

const rev =
  (roots: string[], tag?: string): Figure =>
  (f) =>
    f.revenue(roots, tag);
const exp =
  (roots: string[], tag?: string): Figure =>
  (f) =>
    f.expense(roots, tag);
const expTags =
  (root: string, ...tags: string[]): Figure =>
  (f) =>
    tags.reduce((t, tag) => t + f.expense([root], tag), 0);

export const PROFIT_STATEMENT_LINES: readonly LineDef[] = [
  { no: 1, item: '一、营业收入', kind: 'item', figure: rev(['5001', '5051']) },
  { no: 2, item: '减：营业成本', kind: 'item', figure: exp(['5401', '5402']) },
  { no: 3, item: '税金及附加', kind: 'item', figure: exp(['5403']) },
  { no: 4, item: '其中：消费税', kind: 'item', figure: expTags('5403', '消费税') },
  { no: 5, item: '营业税', kind: 'item', figure: expTags('5403', '营业税') },
  { no: 6, item: '城市维护建设税', kind: 'item', figure: expTags('5403', '城市维护建设税') },
  { no: 7, item: '资源税', kind: 'item', figure: expTags('5403', '资源税') },
  { no: 8, item: '土地增值税', kind: 'item', figure: expTags('5403', '土地增值税') },
  {
    no: 9,
    item: '城镇土地使用税、房产税、车船税、印花税',
    kind: 'item',
    figure: expTags('5403', '城镇土地使用税', '房产税', '车船税', '印花税'),
  },
  {
    no: 10,
    item: '教育费附加、矿产资源补偿费、排污费',
    kind: 'item',
    figure: expTags('5403', '教育费附加', '矿产资源补偿费', '排污费'),
  },
  { no: 11, item: '销售费用', kind: 'item', figure: exp(['5601']) },
  { no: 12, item: '其中：商品维修费', kind: 'item', figure: expTags('5601', '商品维修费') },
  { no: 13, item: '广告费和业务宣传费', kind: 'item', figure: expTags('5601', '广告费和业务宣传费') },
  { no: 14, item: '管理费用', kind: 'item', figure: exp(['5602']) },
  { no: 15, item: '其中：开办费', kind: 'item', figure: expTags('5602', '开办费') },
  { no: 16, item: '业务招待费', kind: 'item', figure: expTags('5602', '业务招待费') },
  { no: 17, item: '研究费用', kind: 'item', figure: expTags('5602', '研究费用') },
  { no: 18, item: '财务费用', kind: 'item', figure: exp(['5603']) },
  { no: 19, item: '其中：利息费用（收入以"-"号填列）', kind: 'item', figure: expTags('5603', '利息费用') },
  { no: 20, item: '加：投资收益（损失以"-"号填列）', kind: 'item', figure: rev(['5111']) },
  {
    no: 21,
    item: '二、营业利润（亏损以"-"号填列）',
    kind: 'total',
    figure: (_f, l) => l(1) - l(2) - l(3) - l(11) - l(14) - l(18) + l(20),
  },
  { no: 22, item: '加：营业外收入', kind: 'item', figure: rev(['5301']) },
  { no: 23, item: '其中：政府补助', kind: 'item', figure: (f) => f.revenue(['5301'], '政府补助') },
  { no: 24, item: '减：营业外支出', kind: 'item', figure: exp(['5711']) },
  { no: 25, item: '其中：坏账损失', kind: 'item', figure: expTags('5711', '坏账损失') },
  {
    no: 26,
    item: '无法收回的长期债券投资损失',
    kind: 'item',
    figure: expTags('5711', '无法收回的长期债券投资损失'),
  },
  {
    no: 27,
    item: '无法收回的长期股权投资损失',
    kind: 'item',
    figure: expTags('5711', '无法收回的长期股权投资损失'),
  },
  {
    no: 28,
    item: '自然灾害等不可抗力因素造成的损失',
    kind: 'item',
    figure: expTags('5711', '自然灾害等不可抗力因素造成的损失'),
  },
  { no: 29, item: '税收滞纳金', kind: 'item', figure: expTags('5711', '税收滞纳金') },
  {
    no: 30,
    item: '三、利润总额（亏损总额以"-"号填列）',
    kind: 'total',
    figure: (_f, l) => l(21) + l(22) - l(24),
  },
  { no: 31, item: '减：所得税费用', kind: 'item', figure: exp(['5801']) },
  { no: 32, item: '四、净利润（净亏损以"-"号填列）', kind: 'total', figure: (_f, l) => l(30) - l(31) },
];

export interface ProfitLine {
  no: number;
  item: string;
  kind: LineDef['kind'];
  amount: Fen;
}

/** The 32 lines for one range of turnover (one column). `accounts` are the leaf accounts. */
export function computeProfitStatement(turnovers: Turnovers, accounts: readonly AccountInfo[]): ProfitLine[] {
  const pick = (roots: string[], tag: string | undefined) =>
    accounts.filter((a) => roots.includes(a.root) && (tag === undefined || a.tags.includes(tag)));
  const figures = {
    revenue: (roots: string[], tag?: string) =>
      pick(roots, tag).reduce((t, a) => {
        const turnover = turnovers.get(a.code);
        return t + (turnover ? turnover.credit - turnover.debit : 0);
      }, 0),
    expense: (roots: string[], tag?: string) =>
      pick(roots, tag).reduce((t, a) => {
        const turnover = turnovers.get(a.code);
        return t + (turnover ? turnover.debit - turnover.credit : 0);
      }, 0),
  };
  const byNo = new Map<number, Fen>();
  const line = (no: number): Fen => byNo.get(no) ?? 0;
  return PROFIT_STATEMENT_LINES.map((def) => {
    const amount = def.figure(figures, line);
    byNo.set(def.no, amount);
    return { no: def.no, item: def.item, kind: def.kind, amount };
  });
}
