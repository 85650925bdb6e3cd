const amountFormat = new Intl.NumberFormat('zh-CN', {
  minimumFractionDigits: 2,
  maximumFractionDigits: 2,
  useGrouping: true,
});

/**
 * An amount the accountant's way: thousands separators, two decimals, a leading minus for a
 * negative figure (shown in red by the table). Zero is left blank unless `showZero`, as on the
 * printed forms.
 */
export function formatAmount(value: number | undefined, showZero = false): string {
  if (value === undefined) return '';
  if (value === 0 && !showZero) return '';
  // -0 and rounding noise never print as "-0.00".
  const rounded = Math.round(value * 100) / 100;
  return amountFormat.format(rounded === 0 ? 0 : rounded);
}

export function isNegative(value: number | undefined): boolean {
  return value !== undefined && Math.round(value * 100) < 0;
}

export { chineseDate } from '../../../../shared/reports/statement-form';
