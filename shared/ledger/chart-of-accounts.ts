/**
 * The 小企业会计准则 chart (财会〔2011〕17号): the 66 first-level accounts of the standard and our
 * default second-level accounts (see docs/ledger.md). Every new account set starts with
 * this chart. Tags drive the statements' "其中" lines.
 */

export type AccountClass = '资产' | '负债' | '所有者权益' | '成本' | '损益';
export type NormalSide = 'debit' | 'credit';

export interface ChartAccount {
  code: string;
  name: string;
  class: AccountClass;
  side: NormalSide;
  /** Parent account code; undefined for first-level accounts. */
  parent?: string;
  /** Report tags (利润表 "其中" lines, VAT analysis). */
  tags?: readonly string[];
}

type Row = readonly [code: string, name: string, cls: AccountClass, side: NormalSide];

const FIRST_LEVEL: readonly Row[] = [
  ['1001', '库存现金', '资产', 'debit'],
  ['1002', '银行存款', '资产', 'debit'],
  ['1012', '其他货币资金', '资产', 'debit'],
  ['1101', '短期投资', '资产', 'debit'],
  ['1121', '应收票据', '资产', 'debit'],
  ['1122', '应收账款', '资产', 'debit'],
  ['1123', '预付账款', '资产', 'debit'],
  ['1131', '应收股利', '资产', 'debit'],
  ['1132', '应收利息', '资产', 'debit'],
  ['1221', '其他应收款', '资产', 'debit'],
  ['1401', '材料采购', '资产', 'debit'],
  ['1402', '在途物资', '资产', 'debit'],
  ['1403', '原材料', '资产', 'debit'],
  ['1404', '材料成本差异', '资产', 'debit'],
  ['1405', '库存商品', '资产', 'debit'],
  ['1407', '商品进销差价', '资产', 'credit'],
  ['1408', '委托加工物资', '资产', 'debit'],
  ['1411', '周转材料', '资产', 'debit'],
  ['1421', '消耗性生物资产', '资产', 'debit'],
  ['1501', '长期债券投资', '资产', 'debit'],
  ['1511', '长期股权投资', '资产', 'debit'],
  ['1601', '固定资产', '资产', 'debit'],
  ['1602', '累计折旧', '资产', 'credit'],
  ['1604', '在建工程', '资产', 'debit'],
  ['1605', '工程物资', '资产', 'debit'],
  ['1606', '固定资产清理', '资产', 'debit'],
  ['1621', '生产性生物资产', '资产', 'debit'],
  ['1622', '生产性生物资产累计折旧', '资产', 'credit'],
  ['1701', '无形资产', '资产', 'debit'],
  ['1702', '累计摊销', '资产', 'credit'],
  ['1801', '长期待摊费用', '资产', 'debit'],
  ['1901', '待处理财产损溢', '资产', 'debit'],
  ['2001', '短期借款', '负债', 'credit'],
  ['2201', '应付票据', '负债', 'credit'],
  ['2202', '应付账款', '负债', 'credit'],
  ['2203', '预收账款', '负债', 'credit'],
  ['2211', '应付职工薪酬', '负债', 'credit'],
  ['2221', '应交税费', '负债', 'credit'],
  ['2231', '应付利息', '负债', 'credit'],
  ['2232', '应付利润', '负债', 'credit'],
  ['2241', '其他应付款', '负债', 'credit'],
  ['2401', '递延收益', '负债', 'credit'],
  ['2501', '长期借款', '负债', 'credit'],
  ['2701', '长期应付款', '负债', 'credit'],
  ['3001', '实收资本', '所有者权益', 'credit'],
  ['3002', '资本公积', '所有者权益', 'credit'],
  ['3101', '盈余公积', '所有者权益', 'credit'],
  ['3103', '本年利润', '所有者权益', 'credit'],
  ['3104', '利润分配', '所有者权益', 'credit'],
  ['4001', '生产成本', '成本', 'debit'],
  ['4101', '制造费用', '成本', 'debit'],
  ['4301', '研发支出', '成本', 'debit'],
  ['4401', '工程施工', '成本', 'debit'],
  ['4403', '机械作业', '成本', 'debit'],
  ['5001', '主营业务收入', '损益', 'credit'],
  ['5051', '其他业务收入', '损益', 'credit'],
  ['5111', '投资收益', '损益', 'credit'],
  ['5301', '营业外收入', '损益', 'credit'],
  ['5401', '主营业务成本', '损益', 'debit'],
  ['5402', '其他业务成本', '损益', 'debit'],
  ['5403', '税金及附加', '损益', 'debit'],
  ['5601', '销售费用', '损益', 'debit'],
  ['5602', '管理费用', '损益', 'debit'],
  ['5603', '财务费用', '损益', 'debit'],
  ['5711', '营业外支出', '损益', 'debit'],
  ['5801', '所得税费用', '损益', 'debit'],
];

/** [code, name, tags?] under a parent; class and side come from the parent. */
type ChildRow = readonly [code: string, name: string, tags?: readonly string[]];

const SECOND_LEVEL: Readonly<Record<string, readonly ChildRow[]>> = {
  '2221': [
    ['222101', '应交增值税'],
    ['222102', '未交增值税'],
    ['222103', '应交企业所得税'],
    ['222104', '应交城市维护建设税'],
    ['222105', '应交教育费附加'],
    ['222106', '应交地方教育附加'],
    ['222107', '应交个人所得税'],
  ],
  '222101': [
    ['22210101', '进项税额', ['进项税额']],
    ['22210102', '销项税额', ['销项税额']],
    ['22210103', '已交税金'],
    ['22210104', '转出未交增值税'],
  ],
  '5601': [
    ['560101', '商品维修费', ['商品维修费']],
    ['560102', '广告费和业务宣传费', ['广告费和业务宣传费']],
    ['560103', '运输费'],
    ['560104', '职工薪酬'],
    ['560199', '其他'],
  ],
  '5602': [
    ['560201', '职工薪酬'],
    ['560202', '业务招待费', ['业务招待费']],
    ['560203', '办公费'],
    ['560204', '差旅费'],
    ['560205', '交通费'],
    ['560206', '通讯费'],
    ['560207', '水电费'],
    ['560208', '租赁费'],
    ['560209', '折旧费'],
    ['560210', '开办费', ['开办费']],
    ['560211', '研究费用', ['研究费用']],
    ['560212', '咨询服务费'],
    ['560213', '修理费'],
    ['560299', '其他'],
  ],
  '5603': [
    ['560301', '利息费用', ['利息费用']],
    ['560302', '手续费'],
    ['560303', '汇兑损益'],
  ],
  '5403': [
    ['540301', '城市维护建设税', ['城市维护建设税']],
    ['540302', '教育费附加', ['教育费附加']],
    ['540303', '地方教育附加', ['教育费附加']],
    ['540304', '印花税', ['印花税']],
    ['540305', '房产税', ['房产税']],
    ['540306', '城镇土地使用税', ['城镇土地使用税']],
    ['540307', '车船税', ['车船税']],
  ],
  '5301': [
    ['530101', '政府补助', ['政府补助']],
    ['530199', '其他'],
  ],
  '5711': [
    ['571101', '坏账损失', ['坏账损失']],
    ['571102', '无法收回的长期债券投资损失', ['无法收回的长期债券投资损失']],
    ['571103', '无法收回的长期股权投资损失', ['无法收回的长期股权投资损失']],
    ['571104', '自然灾害等不可抗力因素造成的损失', ['自然灾害等不可抗力因素造成的损失']],
    ['571105', '税收滞纳金', ['税收滞纳金']],
    ['571199', '其他'],
  ],
};

function buildChart(): readonly ChartAccount[] {
  const byCode = new Map<string, ChartAccount>();
  for (const [code, name, cls, side] of FIRST_LEVEL) byCode.set(code, { code, name, class: cls, side });
  // Parents are listed before their children (2221 before 222101), so one pass suffices.
  for (const [parentCode, children] of Object.entries(SECOND_LEVEL)) {
    const parent = byCode.get(parentCode);
    if (!parent) throw new Error(`chart: unknown parent ${parentCode}`);
    for (const [code, name, tags] of children) {
      byCode.set(code, {
        code,
        name,
        class: parent.class,
        side: parent.side,
        parent: parentCode,
        ...(tags ? { tags } : {}),
      });
    }
  }
  return [...byCode.values()].sort((a, b) => a.code.localeCompare(b.code));
}

/** The default chart, sorted by code. */
export const DEFAULT_CHART: readonly ChartAccount[] = buildChart();

export const FIRST_LEVEL_COUNT = FIRST_LEVEL.length;

/** Leaf = no child in the chart: only leaves take postings. */
export function leafCodes(chart: readonly Pick<ChartAccount, 'code' | 'parent'>[]): Set<string> {
  const parents = new Set(chart.map((a) => a.parent).filter((p): p is string => p !== undefined));
  return new Set(chart.map((a) => a.code).filter((code) => !parents.has(code)));
}
