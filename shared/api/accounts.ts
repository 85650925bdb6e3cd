import { z } from 'zod';
import { timestampSchema } from './common.js';

export const accountSetStatusSchema = z.enum(['active', 'frozen']).meta({
  description: '账套状态：active(启用)、frozen(冻结)',
});

export const accountSetSchema = z
  .object({
    id: z.string().meta({ description: '账套ID', example: 'acc_123456' }),
    name: z.string().meta({ description: '账套名称' }),
    status: accountSetStatusSchema,
    created_at: timestampSchema.meta({ description: '创建时间' }),
  })
  .meta({ id: 'AccountSet' });

export const accountsListResponseSchema = z
  .object({ accounts: z.array(accountSetSchema) })
  .meta({ id: 'AccountsListResponse' });

export type AccountSetStatus = z.infer<typeof accountSetStatusSchema>;
export type AccountSet = z.infer<typeof accountSetSchema>;
export type AccountsListResponse = z.infer<typeof accountsListResponseSchema>;
