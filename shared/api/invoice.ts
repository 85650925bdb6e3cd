import { z } from 'zod';
import { accountIdSchema } from './common.js';
import { amountSchema, voucherEntrySchema } from './voucher.js';

export const INVOICE_MAX_BYTES = 10 * 1024 * 1024;
export const INVOICE_MEDIA_TYPES = ['image/jpeg', 'image/png', 'application/pdf'] as const;

export const invoiceTypeSchema = z
  .enum(['vat', 'normal', 'receipt'])
  .meta({ description: '票据类型：vat(专票)、normal(普票)、receipt(收据)' });

/** The text fields of the multipart form; `file` travels beside them. */
export const invoiceRecognizeFieldsSchema = z
  .strictObject({
    account_id: accountIdSchema.meta({ description: '账套ID' }),
    invoice_type: invoiceTypeSchema.optional(),
  })
  .meta({ id: 'InvoiceRecognizeFields' });

export const invoiceRecognizeResponseSchema = z
  .object({
    invoice_id: z.string().meta({ description: '票据唯一标识' }),
    amount: amountSchema.meta({ description: '票据金额（价税合计）' }),
    category: z.string().meta({ description: '票据分类' }),
    entries: z.array(voucherEntrySchema).meta({ description: '会计分录数组' }),
  })
  .meta({ id: 'InvoiceRecognizeResponse' });

export type InvoiceType = z.infer<typeof invoiceTypeSchema>;
export type InvoiceRecognizeFields = z.infer<typeof invoiceRecognizeFieldsSchema>;
export type InvoiceRecognizeResponse = z.infer<typeof invoiceRecognizeResponseSchema>;
