import { statementSchema, type Statement } from '../../../../shared/api/statements.js';

/** Small but real-shaped statements (parsed by the engine's schema) for the printing tests. */
export function balanceSheetFixture(setName: string): Statement {
  return statementSchema.parse({
    title: '资产负债表',
    form_no: '会小企01表',
    account_set_id: 'acc_demo',
    account_set_name: setName,
    unit: '元',
    columns: [
      { key: 'ending_balance', label: '期末余额' },
      { key: 'beginning_balance', label: '年初余额' },
    ],
    lines: [
      { line_no: null, item: '流动资产：', kind: 'heading', section: '资产', values: {} },
      {
        line_no: 1,
        item: '货币资金',
        kind: 'item',
        section: '资产',
        values: { ending_balance: 1234567.8, beginning_balance: 1000 },
      },
      {
        line_no: 10,
        item: '其中：原材料',
        kind: 'item',
        section: '资产',
        values: { ending_balance: -250.5, beginning_balance: 0 },
      },
      {
        line_no: 30,
        item: '资产总计',
        kind: 'total',
        section: '资产',
        values: { ending_balance: 1234317.3, beginning_balance: 1000 },
      },
      { line_no: null, item: '流动负债：', kind: 'heading', section: '负债和所有者权益', values: {} },
      {
        line_no: 31,
        item: '短期借款',
        kind: 'item',
        section: '负债和所有者权益',
        values: { ending_balance: 0, beginning_balance: 0 },
      },
      {
        line_no: 48,
        item: '实收资本（或股本）',
        kind: 'item',
        section: '负债和所有者权益',
        values: { ending_balance: 1234317.3, beginning_balance: 1000 },
      },
      {
        line_no: 53,
        item: '负债和所有者权益总计',
        kind: 'total',
        section: '负债和所有者权益',
        values: { ending_balance: 1234317.3, beginning_balance: 1000 },
      },
    ],
  });
}

export function profitFixture(setName: string): Statement {
  return statementSchema.parse({
    title: '利润表',
    form_no: '会小企02表',
    account_set_id: 'acc_demo',
    account_set_name: setName,
    unit: '元',
    columns: [
      { key: 'current_period', label: '本月金额' },
      { key: 'year_to_date', label: '本年累计金额' },
    ],
    lines: [
      {
        line_no: 1,
        item: '一、营业收入',
        kind: 'item',
        values: { current_period: 50000, year_to_date: 150000 },
      },
      {
        line_no: 2,
        item: '减：营业成本',
        kind: 'item',
        values: { current_period: 30000, year_to_date: 90000.25 },
      },
      { line_no: 4, item: '其中：消费税', kind: 'item', values: { current_period: 0, year_to_date: 0 } },
      {
        line_no: 32,
        item: '四、净利润',
        kind: 'total',
        values: { current_period: -1200.4, year_to_date: 59999.75 },
      },
    ],
  });
}
