import { z } from 'zod';
import { accountIdSchema, isoDateSchema } from './common.js';
import { statementSchema } from './statements.js';

/** Statements cover at most ten years: longer ranges are a mistake, not a report. */
export const MAX_REPORT_RANGE_YEARS = 10;

export const reportTypeSchema = z
  .enum(['balance', 'profit', 'cashflow'], {
    error: '报表类型应为 balance、profit 或 cashflow',
  })
  .meta({ description: '报表类型：balance(资产负债表)、profit(利润表)、cashflow(现金流量表)' });

export const reportParamsSchema = z.strictObject({ type: reportTypeSchema });

export const reportQuerySchema = z
  .strictObject({
    account_id: accountIdSchema.meta({ description: '账套ID' }),
    start_date: isoDateSchema.meta({ description: '开始日期，格式：YYYY-MM-DD' }),
    end_date: isoDateSchema.meta({ description: '结束日期，格式：YYYY-MM-DD' }),
  })
  .refine((q) => q.start_date <= q.end_date, { error: '开始日期不能晚于结束日期', path: ['start_date'] })
  .refine((q) => rangeWithinYears(q.start_date, q.end_date, MAX_REPORT_RANGE_YEARS), {
    error: `报表期间不能超过${String(MAX_REPORT_RANGE_YEARS)}年`,
    path: ['end_date'],
  })
  .meta({ id: 'ReportQuery' });

/**
 * Whether end is before start + `years`. ISO dates compare as text while years have four digits; a
 * limit past 9999 is later than any date there is, so every end is within it.
 */
export function rangeWithinYears(start: string, end: string, years: number): boolean {
  const limitYear = Number(start.slice(0, 4)) + years;
  if (limitYear > 9999) return true;
  return end < `${String(limitYear).padStart(4, '0')}${start.slice(4)}`;
}

export const reportPeriodSchema = z
  .object({ start_date: isoDateSchema, end_date: isoDateSchema })
  .meta({ id: 'ReportPeriod' });

/** "报表数据，根据报表类型返回不同结构": the official format of the requested statement. */
export const reportResponseSchema = z
  .object({
    report_data: statementSchema.meta({
      description: '报表数据：报表的官方格式（表头、栏目、各行次项目与金额）',
    }),
    period: reportPeriodSchema,
  })
  .meta({ id: 'ReportResponse' });

export type ReportType = z.infer<typeof reportTypeSchema>;
export type ReportQuery = z.infer<typeof reportQuerySchema>;
export type ReportResponse = z.infer<typeof reportResponseSchema>;
