import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, test } from 'vitest';
import { fileLogger, tempDir } from '../../testing/test-support.js';
import { OutboxStore } from '../outbox/outbox-store.js';
import { appliedCacheMigrations, CacheOutOfSyncError, migrateCache } from './cache-migrations.js';
import { openCacheDb } from './cache-db.js';
import { cacheMigrations } from './migrations/index.js';

const voucher = {
  account_id: 'acc_demo1',
  date: '2024-03-01',
  entries: [
    { abstract: '购买办公用品', account_code: '560203', debit: 500, credit: 0 },
    { abstract: '购买办公用品', account_code: '1002', debit: 0, credit: 500 },
  ],
};

function open(dir: string, extra: Partial<Parameters<typeof openCacheDb>[0]> = {}) {
  return openCacheDb({ file: path.join(dir, 'cache.db'), logger: fileLogger(dir), ...extra });
}

describe('cache.db', () => {
  test('opens in WAL mode with every migration recorded in order', () => {
    const dir = tempDir('cache');
    const { db, rebuilt } = open(dir);
    expect(rebuilt).toBeUndefined();
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(appliedCacheMigrations(db)).toEqual(cacheMigrations.map((m) => m.id));
    db.close();
    // Opening again applies nothing new and changes nothing.
    const again = open(dir);
    expect(appliedCacheMigrations(again.db)).toEqual(cacheMigrations.map((m) => m.id));
    expect(again.rebuilt).toBeUndefined();
    again.db.close();
  });

  test('the out-of-sync check refuses a file with a migration it does not know, or in another order', () => {
    const db = new Database(':memory:');
    migrateCache(db, [{ id: '20200101000000_a', sql: 'CREATE TABLE a (x INTEGER) STRICT' }]);
    expect(() => migrateCache(db, [{ id: '20200101000000_b', sql: '' }])).toThrow(CacheOutOfSyncError);
    expect(() => migrateCache(db, [])).toThrow(/不认识的迁移 20200101000000_a/);
    db.close();
  });

  test('a file written with other migrations is rebuilt, keeping its unsent outbox items', () => {
    const dir = tempDir('cache-sync');
    const first = open(dir);
    const store = new OutboxStore(first.db);
    const waiting = store.enqueue({
      scope: 'local',
      kind: 'voucher.create',
      payload: voucher,
      idempotencyKey: 'k-1',
    });
    store.markSending(waiting.id);
    const sent = store.enqueue({
      scope: 'local',
      kind: 'voucher.create',
      payload: voucher,
      idempotencyKey: 'k-2',
    });
    store.markDone(sent.id, { voucher_id: 'vch_1', voucher_no: '记-1' });
    first.db
      .prepare("INSERT INTO cache_migrations (id, applied_at) VALUES ('29990101000000_future', 'x')")
      .run();
    first.db.prepare("INSERT INTO reports VALUES ('local', 'acc_1', 'profit', 'a', 'b', '{}', 'now')").run();
    first.db.close();

    const { db, rebuilt } = open(dir);
    expect(rebuilt).toEqual({ reason: 'out-of-sync' });
    expect(appliedCacheMigrations(db)).toEqual(cacheMigrations.map((m) => m.id));
    expect(db.prepare('SELECT count(*) AS n FROM reports').get()).toEqual({ n: 0 });
    const carried = new OutboxStore(db).list();
    // Still `sending`: the outbox decides at start-up whether it may go again (see OutboxDrainer).
    expect(carried.map((i) => [i.idempotencyKey, i.state])).toEqual([['k-1', 'sending']]);
    expect(carried[0]?.payload).toEqual(voucher);
    db.close();
  });

  test('a garbage file is moved aside as cache.db.corrupt-<time> and a new cache built, no crash', () => {
    const dir = tempDir('cache-corrupt');
    const garbage = Buffer.from('this is not an sqlite database at all '.repeat(200));
    writeFileSync(path.join(dir, 'cache.db'), garbage);
    writeFileSync(path.join(dir, 'cache.db-wal'), 'stale wal');

    const { db, rebuilt } = open(dir);
    expect(rebuilt?.reason).toBe('corrupt');
    const aside = readdirSync(dir).filter((f) => /^cache\.db\.corrupt-[^-]+(-[^-]+)*Z$/.test(f));
    expect(aside).toHaveLength(1);
    const mainAside = aside[0];
    // The old WAL never sits beside the new file, where SQLite would replay it.
    const wal = path.join(dir, 'cache.db-wal');
    if (existsSync(wal)) expect(readFileSync(wal, 'utf8')).not.toContain('stale wal');
    expect(mainAside).toMatch(/^cache\.db\.corrupt-\d{4}-\d{2}-\d{2}T[\d-]+Z$/);
    expect(rebuilt?.movedAsideTo).toBe(path.join(dir, mainAside ?? ''));
    expect(readFileSync(path.join(dir, mainAside ?? ''))).toEqual(garbage);
    expect(appliedCacheMigrations(db)).toEqual(cacheMigrations.map((m) => m.id));
    db.close();
    expect(readFileSync(path.join(dir, 'logs/main.log'), 'utf8')).toContain('moved aside and rebuilt');
  });

  test('takes an injected better-sqlite3 native binding (how Electron gets its own ABI build)', () => {
    const dir = tempDir('cache-binding');
    const require = createRequire(import.meta.url);
    const packageDir = path.dirname(require.resolve('better-sqlite3/package.json'));
    const binding = path.join(packageDir, 'build/Release/better_sqlite3.node');
    expect(existsSync(binding)).toBe(true);
    const { db } = open(dir, { nativeBinding: binding });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    db.close();
    // A binding that does not exist is an error for the caller (services then run without a cache).
    expect(() =>
      open(tempDir('cache-binding-missing'), { nativeBinding: path.join(dir, 'nope.node') }),
    ).toThrow();
  });
});
