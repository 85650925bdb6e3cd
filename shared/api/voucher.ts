import { z } from 'zod';
import { decimalToFen } from '../money.js';
import { accountIdSchema, isoDateSchema } from './common.js';

/** A JSON amount ≥ 0 with at most two decimals (0 marks the unused side of a line). */
export const amountSchema = z
  .number({ error: '必须是数字' })
  .refine((v) => Number.isFinite(v), { error: '必须是有限数字' })
  .refine((v) => v >= 0, { error: '不能为负数' })
  .refine((v) => decimalToFen(v) !== undefined, { error: '最多两位小数且不超过 999999999999.99' })
  .meta({ description: '金额（元），最多两位小数', example: 500 });

export const voucherEntrySchema = z
  .strictObject({
    abstract: z
      .string({ error: '必须是字符串' })
      .trim()
      .min(1, { error: '摘要不能为空' })
      .max(200, { error: '摘要不能超过200个字符' })
      .meta({ description: '摘要' }),
    account_code: z
      .string({ error: '必须是字符串' })
      .regex(/^\d{4,12}$/, { error: '科目编码应为4至12位数字' })
      .meta({ description: '科目编码', example: '560203' }),
    debit: amountSchema.meta({ description: '借方金额' }),
    credit: amountSchema.meta({ description: '贷方金额' }),
  })
  .meta({ id: 'VoucherEntry' });

export const voucherCreateRequestSchema = z
  .strictObject({
    account_id: accountIdSchema.meta({ description: '账套ID' }),
    date: isoDateSchema.meta({ description: '凭证日期，格式：YYYY-MM-DD' }),
    entries: z
      .array(voucherEntrySchema, { error: '必须是数组' })
      .min(2, { error: '至少需要两条分录' })
      .max(500, { error: '分录不能超过500条' })
      .meta({ description: '分录数组' }),
    attachments: z
      .array(z.string().min(1).max(64), { error: '必须是数组' })
      .max(100, { error: '附件不能超过100个' })
      .optional()
      .meta({ description: '附件ID数组（票据ID）' }),
  })
  .meta({ id: 'VoucherCreateRequest' });

export const voucherCreateResponseSchema = z
  .object({
    voucher_id: z.string().meta({ description: '凭证唯一标识' }),
    voucher_no: z.string().meta({ description: '凭证号', example: '记-1' }),
  })
  .meta({ id: 'VoucherCreateResponse' });

export type VoucherEntry = z.infer<typeof voucherEntrySchema>;
export type VoucherCreateRequest = z.infer<typeof voucherCreateRequestSchema>;
export type VoucherCreateResponse = z.infer<typeof voucherCreateResponseSchema>;
