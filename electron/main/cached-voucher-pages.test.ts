import { afterEach, describe, expect, test } from 'vitest';
import type { VoucherCreateRequest } from '../../shared/api/voucher.js';
import { startServices, type ServicesHarness } from './testing/services-harness.js';

/**
 * Offline pages must not lie: against the real local engine (a child process) and the real
 * cache.db, a voucher page read online is served offline exactly as it was, with the engine's total.
 */
let h: ServicesHarness | undefined;

afterEach(async () => {
  await h?.close();
  h = undefined;
});

function voucher(accountId: string, n: number): VoucherCreateRequest {
  return {
    account_id: accountId,
    date: '2024-03-15',
    entries: [
      { abstract: `采购 ${String(n)}`, account_code: '560203', debit: n, credit: 0 },
      { abstract: `付款 ${String(n)}`, account_code: '1002', debit: 0, credit: n },
    ],
  };
}

describe('offline voucher pages', () => {
  test('page 2 read online is page 2 offline — its vouchers and the engine’s total, never an empty page', async () => {
    h = await startServices();
    const sets = await h.ok('listAccountSets', {});
    const accountId = sets.data.accounts.find((a) => a.status === 'active')?.id ?? '';
    for (let n = 1; n <= 25; n += 1) {
      expect((await h.ok('createVoucher', { voucher: voucher(accountId, n) })).status).toBe('created');
    }

    const page2 = await h.ok('listVouchers', { accountSetId: accountId, page: 2, pageSize: 10 });
    expect(page2.source).toBe('live');
    expect(page2.data.total).toBe(25);
    expect(page2.data.vouchers.map((v) => v.voucher_no)).toEqual(
      Array.from({ length: 10 }, (_, i) => `记-${String(11 + i)}`),
    );
    const page3 = await h.ok('listVouchers', { accountSetId: accountId, page: 3, pageSize: 10 });
    expect(page3.data.vouchers).toHaveLength(5);

    await h.services.engine.stop();
    const offline2 = await h.ok('listVouchers', { accountSetId: accountId, page: 2, pageSize: 10 });
    expect(offline2).toEqual({ ...page2, source: 'cache' });
    const offline3 = await h.ok('listVouchers', { accountSetId: accountId, page: 3, pageSize: 10 });
    expect(offline3).toEqual({ ...page3, source: 'cache' });

    // A page never read online is not made up from other pages' rows: the offline error comes back.
    expect(await h.call('listVouchers', { accountSetId: accountId, page: 1, pageSize: 10 })).toMatchObject({
      ok: false,
      error: { code: 503, type: 'network_error' },
    });
    expect(await h.call('listVouchers', { accountSetId: accountId, page: 1, pageSize: 20 })).toMatchObject({
      ok: false,
    });
  }, 60_000);
});
