import { lastDayOfPeriod } from '../../shared/ledger/periods.js';

/**
 * A deterministic, realistic year of a small trading company: sales and purchases with VAT on
 * named customers and suppliers, payroll with many lines, expenses, financing, assets and
 * depreciation, cash transfers. Amounts in fen.
 */

export interface SyntheticLine {
  code: string;
  debitFen: number;
  creditFen: number;
}

export interface SyntheticVoucher {
  date: string;
  lines: SyntheticLine[];
}

export interface SubAccount {
  code: string;
  name: string;
  parent: string;
}

/** 4 banks, 60 customers, 60 suppliers, 40 goods, 10 other payables: with the default chart, 280+ accounts. */
export function subAccounts(): SubAccount[] {
  const make = (parent: string, count: number, name: string) =>
    Array.from({ length: count }, (_, i) => ({
      code: `${parent}${String(i + 1).padStart(3, '0')}`,
      name: `${name}${String(i + 1)}`,
      parent,
    }));
  return [
    ...make('1002', 4, '银行账户'),
    ...make('1122', 60, '客户'),
    ...make('2202', 60, '供应商'),
    ...make('1405', 40, '商品'),
    ...make('2241', 10, '其他应付单位'),
  ];
}

/** mulberry32: small, fast, and the same sequence on every machine. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function* syntheticYear(year: number, targetLines: number, seed = 20_24): Generator<SyntheticVoucher> {
  const rnd = random(seed);
  const int = (min: number, max: number) => min + Math.floor(rnd() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => items[int(0, items.length - 1)] as T;
  const sub = (parent: string, count: number) => `${parent}${String(int(1, count)).padStart(3, '0')}`;
  const bank = () => sub('1002', 4);
  const amount = () => int(100, 2_000_000);
  const expenses = [
    '560103',
    '560199',
    '560203',
    '560204',
    '560205',
    '560206',
    '560207',
    '560208',
    '560212',
    '560213',
    '560302',
  ];

  let lines = 0;
  while (lines < targetLines) {
    const month = int(1, 12);
    const period = `${String(year)}-${String(month).padStart(2, '0')}`;
    const day = int(1, Number(lastDayOfPeriod(period).slice(8)));
    const date = `${period}-${String(day).padStart(2, '0')}`;
    const kind = rnd();
    let voucher: SyntheticLine[];
    if (kind < 0.25) {
      const net = amount();
      const tax = Math.round(net * 0.13);
      voucher = [
        { code: sub('1122', 60), debitFen: net + tax, creditFen: 0 },
        { code: '5001', debitFen: 0, creditFen: net },
        { code: '22210102', debitFen: 0, creditFen: tax },
      ];
    } else if (kind < 0.45) {
      const items = Array.from({ length: int(1, 6) }, () => ({ code: sub('1405', 40), net: amount() }));
      const total = items.reduce((t, i) => t + i.net, 0);
      const tax = Math.round(total * 0.13);
      voucher = [
        ...items.map((i) => ({ code: i.code, debitFen: i.net, creditFen: 0 })),
        { code: '22210101', debitFen: tax, creditFen: 0 },
        { code: sub('2202', 60), debitFen: 0, creditFen: total + tax },
      ];
    } else if (kind < 0.6) {
      const x = amount();
      voucher = [
        { code: bank(), debitFen: x, creditFen: 0 },
        { code: sub('1122', 60), debitFen: 0, creditFen: x },
      ];
    } else if (kind < 0.72) {
      const x = amount();
      voucher = [
        { code: sub('2202', 60), debitFen: x, creditFen: 0 },
        { code: bank(), debitFen: 0, creditFen: x },
      ];
    } else if (kind < 0.8) {
      const x = amount();
      voucher = [
        { code: '5401', debitFen: x, creditFen: 0 },
        { code: sub('1405', 40), debitFen: 0, creditFen: x },
      ];
    } else if (kind < 0.88) {
      const x = int(100, 50_000);
      voucher = [
        { code: pick(expenses), debitFen: x, creditFen: 0 },
        { code: pick([bank(), '1001']), debitFen: 0, creditFen: x },
      ];
    } else if (kind < 0.92) {
      // Payroll: one line per department, paid from the bank.
      const parts = Array.from({ length: int(4, 9) }, () => ({
        code: pick(['560201', '560104']),
        x: int(300_000, 1_500_000),
      }));
      const total = parts.reduce((t, p) => t + p.x, 0);
      voucher = [
        ...parts.map((p) => ({ code: p.code, debitFen: p.x, creditFen: 0 })),
        { code: '2211', debitFen: 0, creditFen: total },
      ];
    } else if (kind < 0.95) {
      const x = int(1_000_000, 50_000_000);
      voucher = [
        { code: bank(), debitFen: x, creditFen: 0 },
        { code: pick(['2001', '2501', '3001']), debitFen: 0, creditFen: x },
      ];
    } else if (kind < 0.97) {
      const x = int(10_000, 300_000);
      voucher = [
        { code: '560209', debitFen: x, creditFen: 0 },
        { code: '1602', debitFen: 0, creditFen: x },
      ];
    } else {
      const x = int(10_000, 500_000);
      voucher = [
        { code: '1001', debitFen: x, creditFen: 0 },
        { code: bank(), debitFen: 0, creditFen: x },
      ];
    }
    lines += voucher.length;
    yield { date, lines: voucher };
  }
}
