import { z } from 'zod';

/** Account-set ids look like the provider's example `acc_123456`. */
export const accountIdSchema = z
  .string({ error: '必须是字符串' })
  .trim()
  .min(1, { error: '不能为空' })
  .max(64, { error: '过长' })
  .regex(/^acc_[A-Za-z0-9]+$/, { error: '格式应为 acc_ 开头的账套ID' });

/** A real calendar date written YYYY-MM-DD (2024-02-30 is refused). */
export const isoDateSchema = z
  .string({ error: '必须是字符串' })
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: '格式应为 YYYY-MM-DD' })
  .refine(isRealCalendarDate, { error: '不是有效的日期' });

export function isRealCalendarDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (year < 1900 || month < 1 || month > 12 || day < 1) return false;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day <= daysInMonth;
}

/** ISO-8601 UTC timestamp as in `created_at: "2023-06-15T08:30:00Z"`. */
export const timestampSchema = z.iso.datetime({ offset: true });
