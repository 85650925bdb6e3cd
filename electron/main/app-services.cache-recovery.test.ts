import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { startServices, type ServicesHarness } from './testing/services-harness.js';
import { logLines, tempDir } from './testing/test-support.js';

const harnesses: ServicesHarness[] = [];

afterEach(async () => {
  await Promise.all(harnesses.splice(0).map((h) => h.close()));
});

describe('the app with a cache it cannot use as is', () => {
  test('a garbage cache.db: services start, the file is moved aside, a new cache is built and used', async () => {
    const userDataDir = tempDir('garbage-cache');
    const garbage = Buffer.alloc(64 * 1024, 0x5a);
    writeFileSync(path.join(userDataDir, 'cache.db'), garbage);

    const h = await startServices({ userDataDir });
    harnesses.push(h);
    const live = await h.ok('listAccountSets', {});
    expect(live.source).toBe('live');
    await h.services.engine.stop();
    expect(await h.ok('listAccountSets', {})).toEqual({ ...live, source: 'cache' });

    const aside = readdirSync(userDataDir).filter((f) => f.startsWith('cache.db.corrupt-'));
    expect(aside).toHaveLength(1);
    expect(readFileSync(path.join(userDataDir, aside[0] ?? ''))).toEqual(garbage);
    expect(logLines(userDataDir).some((l) => l.includes('moved aside and rebuilt'))).toBe(true);
  });

  test('no usable SQLite build at all: the app still runs, live only, and says so in the log', async () => {
    const userDataDir = tempDir('no-sqlite');
    const h = await startServices({
      userDataDir,
      sqliteNativeBinding: path.join(userDataDir, 'missing-electron-build.node'),
    });
    harnesses.push(h);
    expect(h.services.cache).toBeUndefined();
    const sets = await h.ok('listAccountSets', {});
    expect(sets.source).toBe('live');
    const accountId = sets.data.accounts.find((a) => a.status === 'active')?.id ?? '';
    const created = await h.ok('createVoucher', {
      voucher: {
        account_id: accountId,
        date: '2024-03-15',
        entries: [
          { abstract: '采购', account_code: '560203', debit: 5, credit: 0 },
          { abstract: '付款', account_code: '1002', debit: 0, credit: 5 },
        ],
      },
    });
    expect(created).toMatchObject({ status: 'created', voucher_no: '记-1' });
    expect(await h.ok('listOutbox', {})).toEqual({
      items: [],
      counts: { pending: 0, sending: 0, failed: 0, unknown: 0 },
    });

    await h.services.engine.stop();
    expect(await h.call('listAccountSets', {})).toMatchObject({
      ok: false,
      error: { type: 'network_error' },
    });
    expect(logLines(userDataDir).some((l) => l.includes('cache database unavailable'))).toBe(true);
  });
});
