import { z } from 'zod';
import { accountIdSchema, isoDateSchema } from './common.js';
import { MAX_REPORT_RANGE_YEARS, rangeWithinYears, reportPeriodSchema } from './report.js';

/** 明细账 (detail ledger) of one account: opening, every posting with running balance, monthly lines. */

export const DETAIL_LEDGER_PAGE_SIZE_MAX = 500;

const positiveInt = (description: string, max: number, fallback: number) =>
  z.coerce
    .number({ error: '应为正整数' })
    .int({ error: '应为正整数' })
    .min(1, { error: '应为正整数' })
    .max(max, { error: `不能超过 ${String(max)}` })
    .default(fallback)
    .meta({ description });

export const detailLedgerQuerySchema = z
  .strictObject({
    account_id: accountIdSchema.meta({ description: '账套ID' }),
    account_code: z
      .string({ error: '必须是字符串' })
      .regex(/^\d{4,12}$/, { error: '科目编码应为4至12位数字' })
      .meta({ description: '科目编码；上级科目含全部下级科目的分录', example: '1002' }),
    start_date: isoDateSchema.meta({ description: '开始日期，格式：YYYY-MM-DD' }),
    end_date: isoDateSchema.meta({ description: '结束日期，格式：YYYY-MM-DD' }),
    page: positiveInt('页码，从 1 开始（按行分页，含期初、本月合计、本年累计与期末行）', 1_000_000, 1),
    page_size: positiveInt(
      `每页行数，最大 ${String(DETAIL_LEDGER_PAGE_SIZE_MAX)}`,
      DETAIL_LEDGER_PAGE_SIZE_MAX,
      100,
    ),
  })
  .refine((q) => q.start_date <= q.end_date, { error: '开始日期不能晚于结束日期', path: ['start_date'] })
  .refine((q) => rangeWithinYears(q.start_date, q.end_date, MAX_REPORT_RANGE_YEARS), {
    error: `期间不能超过${String(MAX_REPORT_RANGE_YEARS)}年`,
    path: ['end_date'],
  })
  .meta({ id: 'DetailLedgerQuery' });

/** 借 / 贷 / 平: the side of a balance (平 when it is zero). */
export const balanceDirectionSchema = z
  .enum(['借', '贷', '平'])
  .meta({ description: '余额方向：借、贷；余额为零时为平' });

export const detailLedgerRowKindSchema = z
  .enum(['opening', 'posting', 'month_total', 'year_total', 'closing'])
  .meta({
    description:
      '行类型：opening(期初余额)、posting(分录)、month_total(本月合计)、year_total(本年累计)、closing(期末余额)',
  });

export const detailLedgerRowSchema = z
  .object({
    kind: detailLedgerRowKindSchema,
    /** Posting date; for summary lines the last day they cover. */
    date: isoDateSchema.meta({ description: '日期；汇总行为所汇总期间的最后一天' }),
    voucher_id: z.string().nullable().meta({ description: '凭证ID（仅分录行）' }),
    voucher_no: z.string().nullable().meta({ description: '凭证字号，如 记-3（仅分录行）' }),
    account_code: z
      .string()
      .nullable()
      .meta({ description: '分录所记科目（上级科目的明细账中为其下级科目）' }),
    abstract: z.string().meta({ description: '摘要；汇总行为“期初余额”“本月合计”等' }),
    debit: z.number().meta({ description: '借方金额（元）' }),
    credit: z.number().meta({ description: '贷方金额（元）' }),
    direction: balanceDirectionSchema,
    /** Always ≥ 0; its side is `direction`. */
    balance: z.number().min(0).meta({ description: '余额（元，非负，方向见 direction）' }),
  })
  .meta({ id: 'DetailLedgerRow' });

export const ledgerBalanceSchema = z
  .object({ direction: balanceDirectionSchema, balance: z.number().min(0) })
  .meta({ id: 'LedgerBalance' });

export const detailLedgerResponseSchema = z
  .object({
    account_id: z.string(),
    account_code: z.string(),
    account_name: z.string(),
    period: reportPeriodSchema,
    opening: ledgerBalanceSchema.meta({ description: '期初余额（开始日期前一天）' }),
    closing: ledgerBalanceSchema.meta({ description: '期末余额（结束日期）' }),
    rows: z.array(detailLedgerRowSchema).meta({ description: '本页的行，按日期、凭证号排序' }),
    total_rows: z.number().int().min(0).meta({ description: '全部行数（含汇总行）' }),
    posting_count: z.number().int().min(0).meta({ description: '期间内的分录数' }),
    page: z.number().int().min(1),
    page_size: z.number().int().min(1),
  })
  .meta({ id: 'DetailLedgerResponse' });

/** What a caller passes; the engine fills in `page` 1 and `page_size` 100. */
export interface DetailLedgerQuery {
  account_id: string;
  account_code: string;
  start_date: string;
  end_date: string;
  page?: number;
  page_size?: number;
}
export type DetailLedgerRow = z.infer<typeof detailLedgerRowSchema>;
export type DetailLedgerResponse = z.infer<typeof detailLedgerResponseSchema>;
export type BalanceDirection = z.infer<typeof balanceDirectionSchema>;
