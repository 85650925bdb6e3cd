import dayjs, { type Dayjs } from 'dayjs';
import type { PeriodKind, UiPeriod } from '../../../shared/ipc';

/** The period every page shares, as dates (inclusive) plus how it was chosen. */
export type WorkspacePeriod = UiPeriod;

const ISO = 'YYYY-MM-DD';

/** The month, quarter or year that contains `anchor`. */
export function periodContaining(kind: Exclude<PeriodKind, 'custom'>, anchor: Dayjs): WorkspacePeriod {
  let start: Dayjs;
  let end: Dayjs;
  if (kind === 'month') {
    start = anchor.startOf('month');
    end = anchor.endOf('month');
  } else if (kind === 'quarter') {
    const firstMonth = Math.floor(anchor.month() / 3) * 3;
    start = anchor.month(firstMonth).startOf('month');
    end = start.add(2, 'month').endOf('month');
  } else {
    start = anchor.startOf('year');
    end = anchor.endOf('year');
  }
  return { kind, startDate: start.format(ISO), endDate: end.format(ISO) };
}

export function customPeriod(start: Dayjs, end: Dayjs): WorkspacePeriod {
  const [a, b] = start.isAfter(end) ? [end, start] : [start, end];
  return { kind: 'custom', startDate: a.format(ISO), endDate: b.format(ISO) };
}

/** This month: what a fresh install shows. */
export function defaultPeriod(today: Dayjs = dayjs()): WorkspacePeriod {
  return periodContaining('month', today);
}

/** The same kind of period, `step` periods earlier or later (custom ranges move by their length in days). */
export function shiftPeriod(period: WorkspacePeriod, step: number): WorkspacePeriod {
  const start = dayjs(period.startDate);
  if (period.kind === 'custom') {
    const days = dayjs(period.endDate).diff(start, 'day') + 1;
    return customPeriod(start.add(days * step, 'day'), dayjs(period.endDate).add(days * step, 'day'));
  }
  const unit = period.kind === 'month' ? 1 : period.kind === 'quarter' ? 3 : 12;
  return periodContaining(period.kind, start.add(unit * step, 'month'));
}

/** 「2024年3月」「2024年第1季度」「2024年度」「2024-01-05 至 2024-02-10」. */
export function periodLabel(period: WorkspacePeriod): string {
  const start = dayjs(period.startDate);
  switch (period.kind) {
    case 'month':
      return `${String(start.year())}年${String(start.month() + 1)}月`;
    case 'quarter':
      return `${String(start.year())}年第${String(Math.floor(start.month() / 3) + 1)}季度`;
    case 'year':
      return `${String(start.year())}年度`;
    case 'custom':
      return `${period.startDate} 至 ${period.endDate}`;
  }
}

/** Every accounting month (YYYY-MM) the period touches, in order. */
export function monthsOf(period: WorkspacePeriod): string[] {
  const months: string[] = [];
  let cursor = dayjs(period.startDate).startOf('month');
  const last = dayjs(period.endDate).startOf('month');
  while (!cursor.isAfter(last)) {
    months.push(cursor.format('YYYY-MM'));
    cursor = cursor.add(1, 'month');
  }
  return months;
}

/** The month a closing (结账) acts on: the period's last month. */
export function lastMonthOf(period: WorkspacePeriod): string {
  return period.endDate.slice(0, 7);
}
