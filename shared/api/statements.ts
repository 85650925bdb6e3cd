import { z } from 'zod';

/**
 * The official statement formats of 小企业会计准则 (会小企01/02/03表) as the engine returns them in
 * `report_data`: title, form number, account-set name, unit 元, the statement's columns, and every
 * line with its 行次 and 项目. Amounts are 2-decimal numbers (yuan).
 */

export const statementColumnKeySchema = z.enum([
  'ending_balance',
  'beginning_balance',
  'current_period',
  'year_to_date',
]);
export type StatementColumnKey = z.infer<typeof statementColumnKeySchema>;

export const statementLineSchema = z
  .object({
    /** 行次; headings without a number have null. */
    line_no: z.number().int().positive().nullable(),
    /** 项目, exactly as printed on the form (e.g. "其中：原材料"). */
    item: z.string(),
    /** `heading` rows carry no amounts; `total` rows are sums of other lines. */
    kind: z.enum(['heading', 'item', 'total']),
    /** 资产 or 负债和所有者权益 on the balance sheet; activity group on the cash-flow statement. */
    section: z.string().optional(),
    values: z.partialRecord(statementColumnKeySchema, z.number()),
  })
  .meta({ id: 'StatementLine' });

export const statementSchema = z
  .object({
    title: z.enum(['资产负债表', '利润表', '现金流量表']),
    form_no: z.enum(['会小企01表', '会小企02表', '会小企03表']),
    account_set_id: z.string(),
    account_set_name: z.string(),
    unit: z.literal('元'),
    columns: z.array(z.object({ key: statementColumnKeySchema, label: z.string() })),
    lines: z.array(statementLineSchema),
  })
  .meta({ id: 'Statement' });

export type StatementLine = z.infer<typeof statementLineSchema>;
export type Statement = z.infer<typeof statementSchema>;
