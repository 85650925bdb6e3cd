import { z } from 'zod';
import { isPeriod } from '../ledger/periods.js';
import { decimalToFen } from '../money.js';
import { accountIdSchema, isoDateSchema, timestampSchema } from './common.js';

/**
 * Schemas of the engine's ledger extensions (chart, voucher reading, reversal, period close). The
 * provider's four endpoints are untouched; these are what the voucher editor and lists need.
 */

export const periodSchema = z
  .string({ error: '必须是字符串' })
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, { error: '格式应为 YYYY-MM' })
  .refine(isPeriod, { error: '格式应为 YYYY-MM' })
  .meta({ description: '会计期间（月），格式：YYYY-MM', example: '2024-03' });

/** Voucher ids are ours (`vch_…`); anything else simply does not exist, hence no format rule. */
export const voucherIdSchema = z
  .string({ error: '必须是字符串' })
  .min(1, { error: '不能为空' })
  .max(64, { error: '过长' })
  .meta({ description: '凭证ID', example: 'vch_0Hn4s2Lk9fK2a9Qm3LxP' });

// ——— chart of accounts ———

export const accountClassSchema = z
  .enum(['资产', '负债', '所有者权益', '成本', '损益'])
  .meta({ description: '科目类别' });

export const normalSideSchema = z
  .enum(['debit', 'credit'])
  .meta({ description: '余额方向：debit(借)、credit(贷)' });

export const chartAccountSchema = z
  .object({
    code: z.string().meta({ description: '科目编码', example: '560203' }),
    name: z.string().meta({ description: '科目名称', example: '办公费' }),
    class: accountClassSchema,
    side: normalSideSchema,
    parent: z.string().nullable().meta({ description: '上级科目编码，一级科目为 null' }),
    is_leaf: z.boolean().meta({ description: '是否末级科目（只有末级科目可以记账）' }),
    tags: z.array(z.string()).meta({ description: '报表标签（利润表“其中”项等）' }),
  })
  .meta({ id: 'ChartAccount' });

export const chartParamsSchema = z.strictObject({
  account_id: accountIdSchema.meta({ description: '账套ID' }),
});

export const chartResponseSchema = z
  .object({
    account_id: z.string().meta({ description: '账套ID' }),
    accounts: z.array(chartAccountSchema).meta({ description: '科目表，按编码排序' }),
  })
  .meta({ id: 'ChartResponse' });

// ——— vouchers as stored ———

/**
 * An amount as the ledger holds it: at most two decimals, and negative on red reversal lines
 * (红字冲销), which voucher/create itself never accepts.
 */
export const ledgerAmountSchema = z
  .number()
  .refine((v) => decimalToFen(v) !== undefined, { error: '最多两位小数' })
  .meta({ description: '金额（元），最多两位小数；红字冲销凭证为负数' });

export const voucherKindSchema = z
  .enum(['normal', 'reversal', 'closing'])
  .meta({ description: '凭证类型：normal(普通)、reversal(红字冲销)、closing(结转损益)' });

export const voucherStatusSchema = z.enum(['posted', 'reversed', 'voided']).meta({
  description: '凭证状态：posted(已记账)、reversed(已被冲销)、voided(已作废，仅反结账作废的结转凭证)',
});

export const voucherLineSchema = z
  .object({
    abstract: z.string().meta({ description: '摘要' }),
    account_code: z.string().meta({ description: '科目编码' }),
    account_name: z.string().meta({ description: '科目名称' }),
    debit: ledgerAmountSchema.meta({ description: '借方金额' }),
    credit: ledgerAmountSchema.meta({ description: '贷方金额' }),
  })
  .meta({ id: 'VoucherLine' });

export const voucherSchema = z
  .object({
    voucher_id: z.string().meta({ description: '凭证唯一标识' }),
    voucher_no: z.string().meta({ description: '凭证号', example: '记-1' }),
    account_id: z.string().meta({ description: '账套ID' }),
    date: isoDateSchema.meta({ description: '凭证日期' }),
    period: periodSchema,
    kind: voucherKindSchema,
    status: voucherStatusSchema,
    reverses_voucher_id: z.string().nullable().meta({ description: '红字冲销凭证所冲销的原凭证ID' }),
    reversed_by_voucher_id: z.string().nullable().meta({ description: '冲销本凭证的红字凭证ID' }),
    entries: z.array(voucherLineSchema).meta({ description: '分录' }),
    attachments: z.array(z.string()).meta({ description: '附件ID数组（票据ID）' }),
    debit_total: ledgerAmountSchema.meta({ description: '借方合计' }),
    credit_total: ledgerAmountSchema.meta({ description: '贷方合计' }),
    created_at: timestampSchema.meta({ description: '创建时间' }),
    voided_at: timestampSchema.nullable().meta({ description: '作废时间' }),
  })
  .meta({ id: 'Voucher' });

export const voucherParamsSchema = z.strictObject({ voucher_id: voucherIdSchema });

function positiveInt(description: string, max: number, fallback: number) {
  return z.coerce
    .number({ error: '应为正整数' })
    .int({ error: '应为正整数' })
    .min(1, { error: '应为正整数' })
    .max(max, { error: `不能超过 ${String(max)}` })
    .default(fallback)
    .meta({ description });
}

export const VOUCHER_PAGE_SIZE_MAX = 100;

/** What the voucher list's search box sends; how it matches is described in `meta`. */
export const voucherSearchSchema = z
  .string({ error: '必须是字符串' })
  .trim()
  .min(1, { error: '不能为空' })
  .max(100, { error: '不能超过100个字符' })
  .meta({
    description:
      '搜索：任一分录的摘要或科目名称包含该文字、科目编码以其开头、借贷金额等于该数（元），或凭证号（记-5）',
  });

export const voucherListQuerySchema = z
  .strictObject({
    account_id: accountIdSchema.meta({ description: '账套ID' }),
    period: periodSchema.optional().meta({ description: '会计期间 YYYY-MM；不填则列出全部期间' }),
    start_date: isoDateSchema.optional().meta({ description: '凭证日期不早于（含），YYYY-MM-DD' }),
    end_date: isoDateSchema.optional().meta({ description: '凭证日期不晚于（含），YYYY-MM-DD' }),
    q: voucherSearchSchema.optional(),
    page: positiveInt('页码，从 1 开始', 1_000_000, 1),
    page_size: positiveInt(`每页条数，最大 ${String(VOUCHER_PAGE_SIZE_MAX)}`, VOUCHER_PAGE_SIZE_MAX, 20),
  })
  .refine((q) => q.start_date === undefined || q.end_date === undefined || q.start_date <= q.end_date, {
    error: '开始日期不能晚于结束日期',
    path: ['end_date'],
  })
  .meta({ id: 'VoucherListQuery' });

export const voucherListResponseSchema = z
  .object({
    vouchers: z.array(voucherSchema).meta({ description: '凭证，按期间、凭证号排序' }),
    total: z.number().int().min(0).meta({ description: '符合条件的凭证总数' }),
    page: z.number().int().min(1),
    page_size: z.number().int().min(1),
  })
  .meta({ id: 'VoucherListResponse' });

// ——— reversal ———

export const voucherReverseRequestSchema = z
  .strictObject({
    date: isoDateSchema
      .optional()
      .meta({ description: '红字凭证日期，默认与原凭证相同；原凭证所在期间已结账时必须给出' }),
  })
  .meta({ id: 'VoucherReverseRequest' });

export const voucherReverseResponseSchema = z
  .object({
    voucher_id: z.string().meta({ description: '红字冲销凭证ID' }),
    voucher_no: z.string().meta({ description: '红字冲销凭证号', example: '记-7' }),
    reverses_voucher_id: z.string().meta({ description: '被冲销的原凭证ID' }),
  })
  .meta({ id: 'VoucherReverseResponse' });

// ——— periods ———

export const periodStatusSchema = z.enum(['open', 'closed']).meta({ description: '期间状态' });

export const periodRequestSchema = z
  .strictObject({
    account_id: accountIdSchema.meta({ description: '账套ID' }),
    period: periodSchema,
  })
  .meta({ id: 'PeriodRequest' });

export const periodCloseResponseSchema = z
  .object({
    account_id: z.string(),
    period: periodSchema,
    status: z.literal('closed'),
    closing_voucher_id: z.string().nullable().meta({ description: '结转损益凭证ID；无损益发生额时为 null' }),
    closing_voucher_no: z.string().nullable().meta({ description: '结转损益凭证号' }),
    net_profit: ledgerAmountSchema.meta({ description: '本期净利润（亏损为负）' }),
  })
  .meta({ id: 'PeriodCloseResponse' });

export const periodReopenResponseSchema = z
  .object({
    account_id: z.string(),
    period: periodSchema,
    status: z.literal('open'),
    voided_voucher_id: z
      .string()
      .nullable()
      .meta({ description: '被作废的结转损益凭证ID（凭证号不再使用）' }),
    voided_voucher_no: z.string().nullable(),
  })
  .meta({ id: 'PeriodReopenResponse' });

export const periodListQuerySchema = z.strictObject({
  account_id: accountIdSchema.meta({ description: '账套ID' }),
});

export const periodInfoSchema = z
  .object({
    period: periodSchema,
    status: periodStatusSchema,
    voucher_count: z.number().int().min(0).meta({ description: '本期凭证数（含已作废）' }),
    last_voucher_no: z.string().nullable().meta({ description: '本期已用到的最大凭证号' }),
    closed_at: timestampSchema.nullable(),
    closing_voucher_id: z.string().nullable(),
  })
  .meta({ id: 'PeriodInfo' });

export const periodListResponseSchema = z
  .object({
    account_id: z.string(),
    periods: z.array(periodInfoSchema).meta({ description: '有凭证或结过账的期间，按时间排序' }),
  })
  .meta({ id: 'PeriodListResponse' });

export type ChartAccountView = z.infer<typeof chartAccountSchema>;
export type ChartResponse = z.infer<typeof chartResponseSchema>;
export type VoucherKind = z.infer<typeof voucherKindSchema>;
export type VoucherStatus = z.infer<typeof voucherStatusSchema>;
export type VoucherLine = z.infer<typeof voucherLineSchema>;
export type Voucher = z.infer<typeof voucherSchema>;
/** What a caller passes; the engine fills in `page` 1 and `page_size` 20. */
export interface VoucherListQuery {
  account_id: string;
  period?: string;
  start_date?: string;
  end_date?: string;
  q?: string;
  page?: number;
  page_size?: number;
}
export type VoucherListResponse = z.infer<typeof voucherListResponseSchema>;
export type VoucherReverseRequest = z.infer<typeof voucherReverseRequestSchema>;
export type VoucherReverseResponse = z.infer<typeof voucherReverseResponseSchema>;
export type PeriodRequest = z.infer<typeof periodRequestSchema>;
export type PeriodCloseResponse = z.infer<typeof periodCloseResponseSchema>;
export type PeriodReopenResponse = z.infer<typeof periodReopenResponseSchema>;
export type PeriodInfo = z.infer<typeof periodInfoSchema>;
export type PeriodListResponse = z.infer<typeof periodListResponseSchema>;
