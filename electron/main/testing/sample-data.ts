import type { ReportResponse } from '../../../shared/api/report.js';

/** A 利润表 in the engine's format with `lines` item lines (the real form has about 40). */
export function sampleProfitReport(lines = 40, accountSetId = 'acc_demo1'): ReportResponse {
  return {
    report_data: {
      title: '利润表',
      form_no: '会小企02表',
      account_set_id: accountSetId,
      account_set_name: '演示科技有限公司',
      unit: '元',
      columns: [
        { key: 'year_to_date', label: '本年累计金额' },
        { key: 'current_period', label: '本月金额' },
      ],
      lines: Array.from({ length: lines }, (_, i) => ({
        line_no: i + 1,
        item: i === 0 ? '一、营业收入' : `项目${String(i + 1)}`,
        kind: 'item' as const,
        values: { year_to_date: 1000 + i + 0.25, current_period: 100 + i + 0.5 },
      })),
    },
    period: { start_date: '2024-01-01', end_date: '2024-03-31' },
  };
}
