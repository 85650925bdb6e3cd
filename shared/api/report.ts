import { z } from 'zod';
import { accountIdSchema, isoDateSchema } from './common.js';

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
  .meta({ id: 'ReportQuery' });

export const reportPeriodSchema = z
  .object({ start_date: isoDateSchema, end_date: isoDateSchema })
  .meta({ id: 'ReportPeriod' });

/**
 * "报表数据，根据报表类型返回不同结构": the per-statement line structure is pinned down by the
 * statements issue; until then the contract only promises an object.
 */
export const reportResponseSchema = z
  .object({
    report_data: z.record(z.string(), z.unknown()).meta({ description: '报表数据' }),
    period: reportPeriodSchema,
  })
  .meta({ id: 'ReportResponse' });

export type ReportType = z.infer<typeof reportTypeSchema>;
export type ReportQuery = z.infer<typeof reportQuerySchema>;
export type ReportResponse = z.infer<typeof reportResponseSchema>;
