import { z } from 'zod';
import { accountIdSchema, isoDateSchema } from '../api/common.js';

/**
 * Typed work of the voucher editor as main keeps it in cache.db: drafts (offered back after a crash
 * or restart) and templates (存为模板 / 从模板生成, per account set). Cells are kept as the user typed
 * them — a half-typed amount is work too — but bounded and shaped, since they cross IPC and are read
 * back from disk.
 */

/** An amount cell: digits with at most two decimals, a leading minus for a red figure, or empty. */
export const amountCellSchema = z
  .string()
  .max(20, { error: '金额过长' })
  .regex(/^-?\d{0,15}(\.\d{0,2})?$/, { error: '金额格式不正确' });

export const draftLineSchema = z.strictObject({
  abstract: z.string().max(200, { error: '摘要不能超过200个字符' }),
  /** Empty while no account is chosen. */
  accountCode: z.string().regex(/^(\d{4,12})?$/, { error: '科目编码应为4至12位数字' }),
  debit: amountCellSchema,
  credit: amountCellSchema,
});
export type DraftLine = z.infer<typeof draftLineSchema>;

export const voucherDraftSchema = z.strictObject({
  /** Empty while the date cell is cleared. */
  date: z.union([isoDateSchema, z.literal('')]),
  /** 附单据 N 张 */
  attachmentCount: z.number().int().min(0).max(9999),
  /** Invoice ids attached (from 票据 → 生成凭证). */
  attachments: z.array(z.string().min(1).max(64)).max(100),
  lines: z.array(draftLineSchema).max(501, { error: '分录不能超过500条' }),
});
export type VoucherDraft = z.infer<typeof voucherDraftSchema>;

/** Which editor the draft belongs to: `new` for the blank editor; others as callers need. */
export const draftKeySchema = z
  .string()
  .regex(/^[A-Za-z0-9_:-]{1,64}$/, { error: '草稿标识只能是1至64位字母、数字、_、:、-' });

export const storedDraftSchema = z.object({
  accountSetId: z.string(),
  draftKey: z.string(),
  draft: voucherDraftSchema,
  savedAt: z.iso.datetime(),
});
export type StoredDraft = z.infer<typeof storedDraftSchema>;

export const templateNameSchema = z
  .string()
  .trim()
  .min(1, { error: '模板名称不能为空' })
  .max(40, { error: '模板名称不能超过40个字符' });

export const voucherTemplateSchema = z.object({
  id: z.number().int().positive(),
  accountSetId: z.string(),
  name: z.string(),
  lines: z.array(draftLineSchema).min(1).max(500),
  createdAt: z.iso.datetime(),
});
export type VoucherTemplate = z.infer<typeof voucherTemplateSchema>;

export const saveDraftArgsSchema = z.strictObject({
  accountSetId: accountIdSchema,
  draftKey: draftKeySchema,
  draft: voucherDraftSchema,
});

export const draftRefArgsSchema = z.strictObject({
  accountSetId: accountIdSchema,
  draftKey: draftKeySchema,
});

export const saveTemplateArgsSchema = z.strictObject({
  accountSetId: accountIdSchema,
  name: templateNameSchema,
  lines: z
    .array(draftLineSchema)
    .min(1, { error: '模板至少需要一条分录' })
    .max(500, { error: '分录不能超过500条' }),
});

export const templateRefArgsSchema = z.strictObject({
  accountSetId: accountIdSchema,
  id: z.number().int().positive(),
});
