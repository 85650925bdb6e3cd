import { z } from 'zod';
import { accountIdSchema } from './common.js';
import { reportPeriodSchema } from './report.js';

/** 科目余额表 (trial balance): the accountant's check behind every statement. */
export const trialBalanceRowSchema = z
  .object({
    code: z.string().meta({ description: '科目编码' }),
    name: z.string().meta({ description: '科目名称' }),
    level: z.number().int().min(1).meta({ description: '科目级次，一级科目为 1' }),
    is_leaf: z.boolean(),
    opening_debit: z.number().meta({ description: '期初借方余额' }),
    opening_credit: z.number().meta({ description: '期初贷方余额' }),
    period_debit: z.number().meta({ description: '本期借方发生额' }),
    period_credit: z.number().meta({ description: '本期贷方发生额' }),
    year_debit: z.number().meta({ description: '本年累计借方发生额（期末所在年度 1 月 1 日起）' }),
    year_credit: z.number().meta({ description: '本年累计贷方发生额' }),
    closing_debit: z.number().meta({ description: '期末借方余额' }),
    closing_credit: z.number().meta({ description: '期末贷方余额' }),
  })
  .meta({ id: 'TrialBalanceRow' });

export const trialBalanceTotalsSchema = trialBalanceRowSchema
  .pick({
    opening_debit: true,
    opening_credit: true,
    period_debit: true,
    period_credit: true,
    year_debit: true,
    year_credit: true,
    closing_debit: true,
    closing_credit: true,
  })
  .meta({ id: 'TrialBalanceTotals' });

export const trialBalanceResponseSchema = z
  .object({
    account_id: accountIdSchema,
    account_set_name: z.string(),
    period: reportPeriodSchema,
    /** Accounts with a balance or turnover, parents rolled up, in code order. */
    rows: z.array(trialBalanceRowSchema),
    /** Over first-level accounts: debit and credit columns agree pairwise. */
    totals: trialBalanceTotalsSchema,
  })
  .meta({ id: 'TrialBalanceResponse' });

export type TrialBalanceResponse = z.infer<typeof trialBalanceResponseSchema>;
