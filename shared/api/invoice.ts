import { z } from 'zod';
import { accountIdSchema, timestampSchema } from './common.js';
import { amountSchema, voucherEntrySchema } from './voucher.js';

export const INVOICE_MAX_BYTES = 10 * 1024 * 1024;
export const INVOICE_MEDIA_TYPES = ['image/jpeg', 'image/png', 'application/pdf'] as const;
/** Beyond the provider's three: 数电票 also come as OFD (a zip of XML) and as XML. */
export const INVOICE_EXTRA_MEDIA_TYPES = ['application/ofd', 'application/xml'] as const;

export const invoiceTypeSchema = z
  .enum(['vat', 'normal', 'receipt'])
  .meta({ description: '票据类型：vat(专票)、normal(普票)、receipt(收据)' });

/** The text fields of the multipart form; `file` travels beside them. */
export const invoiceRecognizeFieldsSchema = z
  .strictObject({
    account_id: accountIdSchema.meta({ description: '账套ID' }),
    invoice_type: invoiceTypeSchema.optional(),
    page: z
      .string({ error: '必须是字符串' })
      .regex(/^[1-9]\d{0,2}$/, { error: '应为从 1 开始的页码' })
      .optional()
      .meta({ description: '扩展：多张发票合在一个 PDF/OFD 里时，识别第几页（从 1 开始，默认 1）' }),
  })
  .meta({ id: 'InvoiceRecognizeFields' });

/** Signed amounts as printed (discount rows and red invoices are negative), two decimals. */
const signedAmountSchema = z.number().meta({ description: '金额（元），两位小数，红字/折扣为负' });

export const invoiceFieldSourceSchema = z
  .enum(['pdf-text', 'ofd', 'xml', 'qr', 'ocr', 'computed'])
  .meta({ description: '字段来源：PDF 文字层、OFD、XML、二维码、OCR，或由其他字段计算' });

export const invoiceFieldInfoSchema = z
  .object({
    confidence: z.number().min(0).max(1).meta({ description: '置信度 0–1' }),
    source: invoiceFieldSourceSchema,
  })
  .meta({ id: 'InvoiceFieldInfo' });

export const invoicePartySchema = z
  .object({
    name: z.string().nullable().meta({ description: '名称' }),
    tax_id: z.string().nullable().meta({ description: '统一社会信用代码/纳税人识别号' }),
  })
  .meta({ id: 'InvoiceParty' });

export const invoiceItemSchema = z
  .object({
    name: z.string().meta({ description: '项目名称（含 *税收分类简称*）' }),
    tax_category: z.string().nullable().meta({ description: '税收分类简称，如 办公用品' }),
    spec: z.string().meta({ description: '规格型号' }),
    unit: z.string().meta({ description: '单位' }),
    quantity: z.string().nullable().meta({ description: '数量（按票面）' }),
    unit_price: z.string().nullable().meta({ description: '单价（按票面，最多 10 位小数）' }),
    amount: signedAmountSchema.meta({ description: '金额（不含税）' }),
    tax_rate: z.string().meta({ description: '税率/征收率，如 13%、免税、不征税、***' }),
    tax: signedAmountSchema.meta({ description: '税额' }),
    tax_note: z.enum(['免税', '不征税', '***']).nullable().meta({ description: '税额不是数字时的原因' }),
    discount: z.boolean().meta({ description: '折扣行' }),
  })
  .meta({ id: 'InvoiceItem' });

export const invoiceCheckSchema = z
  .object({
    name: z
      .enum([
        'items_sum',
        'items_tax_sum',
        'amount_plus_tax',
        'amount_in_words',
        'qr_amount',
        'qr_fields',
        'buyer_tax_id',
        'seller_tax_id',
      ])
      .meta({ description: '校验项' }),
    passed: z.boolean(),
    detail: z.string().meta({ description: '中文说明' }),
  })
  .meta({ id: 'InvoiceCheck' });

export const invoiceDuplicateSchema = z
  .object({
    invoice_id: z.string().meta({ description: '先前识别的同一张票据' }),
    matched_by: z
      .enum(['number', 'code_number', 'file_hash'])
      .meta({ description: '按发票号码、代码+号码或文件哈希判定' }),
    created_at: timestampSchema,
  })
  .meta({ id: 'InvoiceDuplicate' });

export const invoiceDirectionSchema = z
  .enum(['purchase', 'sale'])
  .meta({ description: '进项(purchase：本账套公司是购买方) 或 销项(sale：本账套公司是销售方)' });

/** Everything the engine reads and decides about one invoice (the documented additions). */
const invoiceDetailsShape = {
  account_id: z.string().meta({ description: '账套ID' }),
  kind: invoiceTypeSchema,
  kind_name: z.string().nullable().meta({ description: '票面名称，如 电子发票（普通发票）' }),
  type_code: z.string().nullable().meta({ description: '发票种类代码（二维码第 2 段），如 10、31、32' }),
  type_hint: z
    .object({ given: invoiceTypeSchema, matches: z.boolean() })
    .nullable()
    .meta({ description: '调用方传入的 invoice_type 与识别结果是否一致（不一致时两者都保留）' }),
  invoice_code: z.string().nullable().meta({ description: '发票代码（数电票没有）' }),
  invoice_number: z.string().nullable().meta({ description: '发票号码（数电票 20 位）' }),
  issue_date: z.string().nullable().meta({ description: '开票日期 YYYY-MM-DD' }),
  check_code: z.string().nullable().meta({ description: '校验码' }),
  buyer: invoicePartySchema,
  seller: invoicePartySchema,
  items: z.array(invoiceItemSchema),
  total_amount: signedAmountSchema.nullable().meta({ description: '合计金额（不含税）' }),
  total_tax: signedAmountSchema.nullable().meta({ description: '合计税额' }),
  total_with_tax: signedAmountSchema.nullable().meta({ description: '价税合计' }),
  amount_in_words: z.string().nullable().meta({ description: '价税合计（大写）' }),
  direction: invoiceDirectionSchema,
  category_account_code: z.string().meta({ description: '费用（或收入）科目编码' }),
  category_reason: z
    .object({
      source: z.enum(['learned', 'rule', 'default']),
      detail: z.string(),
    })
    .meta({ description: '分类依据：本账套学到的对应关系、税收分类/销售方规则，或默认（低置信度）' }),
  confidence: z.number().min(0).max(1).meta({ description: '整体置信度' }),
  fields: z.record(z.string(), invoiceFieldInfoSchema).meta({ description: '每个字段的置信度与来源' }),
  checks: z.array(invoiceCheckSchema).meta({ description: '交叉校验结果（失败会降低置信度，不会隐藏）' }),
  duplicate: invoiceDuplicateSchema.nullable().meta({ description: '本账套中已有的同一张票据' }),
  source: z.enum(['pdf-text', 'ofd', 'xml', 'ocr']).meta({ description: '读取路径' }),
  qr_payload: z.string().nullable().meta({ description: '二维码内容' }),
  file: z
    .object({
      sha256: z.string(),
      media_type: z.string(),
      size: z.number().int(),
    })
    .meta({ description: '原始文件（按哈希保存，可用 /api/v2/invoice/{invoice_id}/file 取回）' }),
  page: z.number().int().min(1).meta({ description: '识别的页码' }),
  page_count: z.number().int().min(1).meta({ description: '文件页数' }),
  pages: z
    .object({ invoice_pages: z.number().int(), warning: z.string() })
    .nullable()
    .meta({ description: '文件含多张发票时的提示：本次只识别了 page 指定的一页' }),
  warnings: z.array(z.string()).meta({ description: '其他提示（中文）' }),
  created_at: timestampSchema,
};

const seedShape = {
  invoice_id: z.string().meta({ description: '票据唯一标识' }),
  amount: amountSchema.meta({ description: '票据金额（价税合计）' }),
  category: z.string().meta({ description: '票据分类' }),
  entries: z
    .array(voucherEntrySchema)
    .meta({ description: '会计分录数组（本账套末级科目，借贷平衡，可直接用于 voucher/create）' }),
};

/**
 * The provider documents four fields; the local engine adds the rest (each optional here, so the
 * same schema reads the cloud's answer and the engine's).
 */
export const invoiceRecognizeResponseSchema = z
  .object({
    ...seedShape,
    ...Object.fromEntries(
      Object.entries(invoiceDetailsShape).map(([key, schema]) => [key, schema.optional()]),
    ),
  } as typeof seedShape & {
    [K in keyof typeof invoiceDetailsShape]: z.ZodOptional<(typeof invoiceDetailsShape)[K]>;
  })
  .meta({ id: 'InvoiceRecognizeResponse' });

/** One recognised invoice as the engine keeps it (recognize's answer with every addition). */
export const invoiceRecordSchema = z.object({ ...seedShape, ...invoiceDetailsShape }).meta({ id: 'Invoice' });

export const invoiceParamsSchema = z.strictObject({
  invoice_id: z.string().min(1).max(64).meta({ description: '票据ID' }),
});

const pageNumber = (fallback: number, max: number) =>
  z
    .string()
    .regex(/^\d{1,6}$/, { error: '应为正整数' })
    .transform(Number)
    .pipe(
      z
        .number()
        .int()
        .min(1, { error: '应为正整数' })
        .max(max, { error: `不能超过 ${String(max)}` }),
    )
    .optional()
    .transform((value) => value ?? fallback);

export const invoiceListQuerySchema = z.strictObject({
  account_id: accountIdSchema.meta({ description: '账套ID' }),
  period: z
    .string()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/, { error: '格式应为 YYYY-MM' })
    .optional()
    .meta({ description: '开票日期所在期间 YYYY-MM' }),
  direction: invoiceDirectionSchema.optional(),
  duplicate: z
    .enum(['true', 'false'])
    .optional()
    .meta({ description: 'true 只列重复票据，false 排除重复票据' }),
  page: pageNumber(1, 100_000).meta({ description: '页码，从 1 开始' }),
  page_size: pageNumber(20, 100).meta({ description: '每页条数，最多 100' }),
});

export const invoiceListResponseSchema = z
  .object({
    invoices: z.array(invoiceRecordSchema),
    total: z.number().int(),
    page: z.number().int(),
    page_size: z.number().int(),
  })
  .meta({ id: 'InvoiceListResponse' });

export const invoiceFileResponseSchema = z.string().meta({
  description: '原始文件字节（Content-Type 为文件类型）',
  contentMediaType: 'application/octet-stream',
});

export type InvoiceType = z.infer<typeof invoiceTypeSchema>;
export type InvoiceRecognizeFields = z.infer<typeof invoiceRecognizeFieldsSchema>;
export type InvoiceRecognizeResponse = z.infer<typeof invoiceRecognizeResponseSchema>;
export type InvoiceRecord = z.infer<typeof invoiceRecordSchema>;
export type InvoiceItem = z.infer<typeof invoiceItemSchema>;
export type InvoiceCheck = z.infer<typeof invoiceCheckSchema>;
export type InvoiceFieldInfo = z.infer<typeof invoiceFieldInfoSchema>;
export type InvoiceListQuery = z.infer<typeof invoiceListQuerySchema>;
export type InvoiceListResponse = z.infer<typeof invoiceListResponseSchema>;
export type InvoiceDirection = z.infer<typeof invoiceDirectionSchema>;
