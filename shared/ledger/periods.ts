/**
 * Accounting periods are calendar months written `YYYY-MM`. The text form sorts in time order, so
 * SQLite and the editor compare periods as plain strings.
 */

export type Period = string;

const PERIOD = /^(\d{4})-(0[1-9]|1[0-2])$/;

export function isPeriod(value: string): boolean {
  const match = PERIOD.exec(value);
  return match !== null && Number(match[1]) >= 1900;
}

/** `2024-03-15` → `2024-03` (the date is assumed to be a valid `YYYY-MM-DD`). */
export function periodOfDate(date: string): Period {
  return date.slice(0, 7);
}

function parts(period: Period): [year: number, month: number] {
  return [Number(period.slice(0, 4)), Number(period.slice(5, 7))];
}

function format(year: number, month: number): Period {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}`;
}

export function nextPeriod(period: Period): Period {
  const [year, month] = parts(period);
  return month === 12 ? format(year + 1, 1) : format(year, month + 1);
}

export function previousPeriod(period: Period): Period {
  const [year, month] = parts(period);
  return month === 1 ? format(year - 1, 12) : format(year, month - 1);
}

/** `2024-02` → `2024-02-29`: the date a closing voucher carries. */
export function lastDayOfPeriod(period: Period): string {
  const [year, month] = parts(period);
  const day = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${period}-${String(day).padStart(2, '0')}`;
}

/** December closes the year: 本年利润 is carried into 利润分配. */
export function isYearEnd(period: Period): boolean {
  return period.endsWith('-12');
}
