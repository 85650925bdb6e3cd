import { isRealCalendarDate } from '../../../shared/api/common.js';

/** `2025年10月13日`, `2019-05-08`, `2019/5/8`, `20190508`, `2025-10-13 10:00:00` → YYYY-MM-DD. */
export function parseInvoiceDate(text: string): string | null {
  const t = text.replace(/\s/g, '');
  let match = /(\d{4})[年\-/.](\d{1,2})[月\-/.](\d{1,2})/.exec(t);
  match ??= /(?<!\d)(\d{4})(\d{2})(\d{2})(?!\d)/.exec(t);
  if (!match) return null;
  const date = `${match[1] ?? ''}-${(match[2] ?? '').padStart(2, '0')}-${(match[3] ?? '').padStart(2, '0')}`;
  return isRealCalendarDate(date) ? date : null;
}
