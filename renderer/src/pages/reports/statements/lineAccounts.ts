import type { ReportType } from '../../../../../shared/api/report';
import { CASH_ACCOUNTS, INVENTORY_ACCOUNTS } from '../../../../../shared/reports/statement-accounts';

/**
 * The first-level accounts behind each statement line (the same rules the engine computes the
 * lines with), for the drill-down statement line → accounts → 明细账. Totals are not listed: a
 * bookkeeper drills into the lines they add up.
 */
const INVENTORY: readonly string[] = INVENTORY_ACCOUNTS;
const CASH: readonly string[] = CASH_ACCOUNTS;
const PROFIT_AND_LOSS = [
  '5001',
  '5051',
  '5111',
  '5301',
  '5401',
  '5402',
  '5403',
  '5601',
  '5602',
  '5603',
  '5711',
  '5801',
];

const BALANCE: Record<number, readonly string[]> = {
  1: CASH,
  2: ['1101'],
  3: ['1121'],
  4: ['1122', '2203'],
  5: ['1123', '2202'],
  6: ['1131'],
  7: ['1132'],
  8: ['1221'],
  9: INVENTORY,
  10: ['1403'],
  11: ['4001'],
  12: ['1405'],
  13: ['1411'],
  14: ['1901'],
  16: ['1501'],
  17: ['1511'],
  18: ['1601'],
  19: ['1602'],
  20: ['1601', '1602'],
  21: ['1604'],
  22: ['1605'],
  23: ['1606'],
  24: ['1621', '1622'],
  25: ['1701', '1702'],
  26: ['4301'],
  27: ['1801'],
  31: ['2001'],
  32: ['2201'],
  33: ['2202', '1123'],
  34: ['2203', '1122'],
  35: ['2211'],
  36: ['2221'],
  37: ['2231'],
  38: ['2232'],
  39: ['2241'],
  42: ['2501'],
  43: ['2701'],
  44: ['2401'],
  48: ['3001'],
  49: ['3002'],
  50: ['3101'],
  51: ['3103', '3104', ...PROFIT_AND_LOSS],
};

const PROFIT: Record<number, readonly string[]> = {
  1: ['5001', '5051'],
  2: ['5401', '5402'],
  11: ['5601'],
  14: ['5602'],
  18: ['5603'],
  20: ['5111'],
  22: ['5301'],
  24: ['5711'],
  31: ['5801'],
};
for (let no = 3; no <= 10; no += 1) PROFIT[no] = ['5403'];
for (const no of [12, 13]) PROFIT[no] = ['5601'];
for (const no of [15, 16, 17]) PROFIT[no] = ['5602'];
PROFIT[19] = ['5603'];
PROFIT[23] = ['5301'];
for (let no = 25; no <= 29; no += 1) PROFIT[no] = ['5711'];

/** Every cash-flow line is a movement of 货币资金: its drill-down is the cash accounts' ledgers. */
const CASH_FLOW: Record<number, readonly string[]> = Object.fromEntries(
  [1, 2, 3, 4, 5, 6, 8, 9, 10, 11, 12, 14, 15, 16, 17, 18, 21, 22].map((no) => [no, CASH]),
);

const BY_TYPE: Record<ReportType, Record<number, readonly string[]>> = {
  balance: BALANCE,
  profit: PROFIT,
  cashflow: CASH_FLOW,
};

export function accountsBehindLine(type: ReportType, lineNo: number | null): readonly string[] {
  if (lineNo === null) return [];
  return BY_TYPE[type][lineNo] ?? [];
}
