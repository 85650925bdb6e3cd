import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import type { Voucher } from '../../../../shared/api/ledger.js';
import { sampleProfitReport } from '../../testing/sample-data.js';
import { fileLogger, tempDir } from '../../testing/test-support.js';
import { AppCache } from './app-cache.js';

const T1 = '2026-01-02T03:04:05.000Z';
const T2 = '2026-02-03T04:05:06.000Z';
const caches: AppCache[] = [];

function openCache() {
  const dir = tempDir('cache-stores');
  const { cache } = AppCache.open({ userDataDir: dir, logger: fileLogger(dir) });
  caches.push(cache);
  return { cache, dir };
}

afterEach(() => {
  for (const cache of caches.splice(0)) cache.close();
});

function voucher(no: number, period = '2024-03'): Voucher {
  return {
    voucher_id: `vch_${String(no)}`,
    voucher_no: `记-${String(no)}`,
    account_id: 'acc_demo1',
    date: `${period}-05`,
    period,
    kind: 'normal',
    status: 'posted',
    reverses_voucher_id: null,
    reversed_by_voucher_id: null,
    entries: [
      { abstract: '报销', account_code: '560203', account_name: '办公费', debit: 10, credit: 0 },
      { abstract: '报销', account_code: '1001', account_name: '库存现金', debit: 0, credit: 10 },
    ],
    attachments: [],
    debit_total: 10,
    credit_total: 10,
    created_at: '2024-03-05T08:00:00Z',
    voided_at: null,
  };
}

describe('cache stores', () => {
  test('account sets: a live list replaces the last one, per scope, with its own fetchedAt', () => {
    const { cache } = openCache();
    const a = { id: 'acc_1', name: '甲', status: 'active' as const, created_at: '2023-06-15T08:30:00Z' };
    const b = { id: 'acc_2', name: '乙', status: 'frozen' as const, created_at: '2023-06-16T08:30:00Z' };
    expect(cache.accountSets.load('local')).toBeUndefined();
    cache.accountSets.store('local', { accounts: [b, a] }, T1);
    cache.accountSets.store('cloud:https://api.zhangxiaoer.com', { accounts: [a] }, T2);
    expect(cache.accountSets.load('local')).toEqual({ data: { accounts: [b, a] }, fetchedAt: T1 });
    cache.accountSets.store('local', { accounts: [] }, T2);
    expect(cache.accountSets.load('local')).toEqual({ data: { accounts: [] }, fetchedAt: T2 });
    expect(cache.accountSets.load('cloud:https://api.zhangxiaoer.com')?.data.accounts).toEqual([a]);
    // A row that no longer fits the schema is a miss, not a wrong answer.
    cache.db.prepare("UPDATE account_sets SET status = 'deleted'").run();
    expect(cache.accountSets.load('cloud:https://api.zhangxiaoer.com')).toBeUndefined();
  });

  test('a row that no longer parses reads as not cached, never as wrong data', () => {
    const { cache } = openCache();
    const key = {
      accountSetId: 'acc_1',
      type: 'profit' as const,
      startDate: '2024-01-01',
      endDate: '2024-03-31',
    };
    const report = sampleProfitReport(3);
    cache.reports.store('local', key, report, T1);
    expect(cache.reports.load('local', key)).toEqual({ data: report, fetchedAt: T1 });
    expect(cache.reports.load('local', { ...key, type: 'balance' })).toBeUndefined();
    cache.db.prepare('UPDATE reports SET payload = \'{"report_data": 5}\'').run();
    expect(cache.reports.load('local', key)).toBeUndefined();
    cache.db.prepare("UPDATE reports SET payload = 'not json'").run();
    expect(cache.reports.load('local', key)).toBeUndefined();
  });

  test('vouchers: pages come back as the engine served them, with its total', () => {
    const { cache } = openCache();
    const page = { accountSetId: 'acc_demo1', page: 1, pageSize: 2 };
    cache.vouchers.storePage(
      'local',
      page,
      { vouchers: [voucher(2), voucher(10)], total: 3, page: 1, page_size: 2 },
      T1,
    );
    cache.vouchers.storePage(
      'local',
      { ...page, page: 2 },
      { vouchers: [voucher(1, '2024-04')], total: 3, page: 2, page_size: 2 },
      T2,
    );
    const first = cache.vouchers.loadPage('local', page);
    expect(first?.fetchedAt).toBe(T1);
    expect(first?.data.vouchers.map((v) => v.voucher_no)).toEqual(['记-2', '记-10']);
    expect(first?.data.total).toBe(3);
    expect(cache.vouchers.loadPage('local', { ...page, page: 2 })?.data.vouchers[0]?.period).toBe('2024-04');
    expect(cache.vouchers.loadPage('local', { ...page, period: '2024-04' })).toBeUndefined();
  });

  test('chart: one row per account in order, per account set', () => {
    const { cache } = openCache();
    const chart = {
      account_id: 'acc_demo1',
      accounts: [
        {
          code: '1001',
          name: '库存现金',
          class: '资产' as const,
          side: 'debit' as const,
          parent: null,
          is_leaf: true,
          tags: [],
        },
        {
          code: '5602',
          name: '管理费用',
          class: '损益' as const,
          side: 'debit' as const,
          parent: null,
          is_leaf: false,
          tags: ['x'],
        },
      ],
    };
    cache.chart.store('local', chart, T1);
    expect(cache.chart.load('local', 'acc_demo1')).toEqual({ data: chart, fetchedAt: T1 });
    expect(cache.chart.load('local', 'acc_other')).toBeUndefined();
  });

  test('invoices: result + file hash, and a copy of the file under <userData>/invoices named by content', () => {
    const { cache, dir } = openCache();
    const file = Buffer.from('%PDF-1.7 fake invoice bytes');
    const result = { invoice_id: 'inv_1', amount: 113, category: '办公用品', entries: [] };
    const stored = cache.invoices.store(
      'local',
      { accountSetId: 'acc_demo1', file, fileName: '../../etc/发票.PDF' },
      result,
      T1,
    );
    expect(stored.fileSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(stored.storedFile).toBe(path.join(dir, 'invoices', `${stored.fileSha256}.pdf`));
    expect(readFileSync(stored.storedFile)).toEqual(file);
    expect(stored.fileName).toBe('发票.PDF');
    expect(cache.invoices.findByFileHash('local', 'acc_demo1', stored.fileSha256)).toEqual(stored);
    expect(cache.invoices.findByFileHash('local', 'acc_other', stored.fileSha256)).toBeUndefined();
  });

  test('clearScope forgets one engine’s data and nothing else', () => {
    const { cache } = openCache();
    const list = {
      accounts: [{ id: 'acc_1', name: '甲', status: 'active' as const, created_at: '2023-06-15T08:30:00Z' }],
    };
    cache.accountSets.store('local', list, T1);
    cache.accountSets.store('cloud:x', list, T1);
    cache.clearScope('cloud:x');
    expect(cache.accountSets.load('cloud:x')).toBeUndefined();
    expect(cache.accountSets.load('local')?.data).toEqual(list);
  });
});
