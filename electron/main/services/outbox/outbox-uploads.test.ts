import { readFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { accountSetId } from '../../../../server/testing/ledger-fixtures.js';
import {
  createTestEngine,
  listenOnRandomPort,
  type TestEngine,
} from '../../../../server/testing/test-engine.js';
import { ApiClient } from '../../../../shared/api/client.js';
import type { IpcEvent } from '../../../../shared/ipc.js';
import { fileLogger, tempDir } from '../../testing/test-support.js';
import { ApiProxy } from '../api-proxy/api-proxy.js';
import { SINGLE_ATTEMPT_POLICY } from '../api-proxy/retry-policy.js';
import { openCacheDb, type CacheDatabase } from '../cache/cache-db.js';
import { appliedCacheMigrations, migrateCache } from '../cache/cache-migrations.js';
import { cacheMigrations } from '../cache/migrations/index.js';
import { EventBus } from '../events/event-bus.js';
import { recognizeUpload } from '../invoices/recognize-upload.js';
import { ReachabilityTracker } from '../reachability/reachability-tracker.js';
import { OutboxActions } from './outbox-actions.js';
import { OutboxDrainer } from './outbox-drainer.js';
import { OutboxStore, type InvoiceUploadPayload } from './outbox-store.js';
import { toOutboxItemView } from './outbox-view.js';
import { uploadEventOf } from './upload-events.js';

const HOTEL_XML = path.resolve(
  import.meta.dirname,
  '../../../../resources/demo-invoices/digital-normal-hotel.xml',
);
/** Nothing listens here: a refused connection, i.e. the engine is unreachable. */
const NOBODY = 'http://127.0.0.1:9';

let engine: TestEngine;
let engineUrl: string;
beforeAll(async () => {
  engine = createTestEngine();
  engineUrl = await listenOnRandomPort(engine.app);
}, 120_000);
afterAll(async () => {
  await engine.close();
});

function openCache(dir = tempDir('outbox-uploads')): { db: CacheDatabase; dir: string } {
  return { db: openCacheDb({ file: path.join(dir, 'cache.db'), logger: fileLogger(dir) }).db, dir };
}

function invoiceCount(): number {
  return Number(engine.db.prepare('SELECT count(*) FROM invoices').pluck().get());
}

/** The proxy, its drainer and the events of one app, with the engine's address switchable. */
function rig() {
  const { db, dir } = openCache();
  let baseUrl = NOBODY;
  const attempts: string[] = [];
  const logger = fileLogger(dir);
  const proxy = new ApiProxy({
    client: () => Promise.resolve(new ApiClient({ baseUrl, apiKey: engine.tenantA.apiKey })),
    reachability: new ReachabilityTracker(),
    logger,
    policy: SINGLE_ATTEMPT_POLICY,
    honoursIdempotencyKey: () => true,
    onAttempt: (record) => attempts.push(record.outcome),
  });
  const store = new OutboxStore(db);
  const events = new EventBus();
  const seen: IpcEvent[] = [];
  events.subscribe((event) => seen.push(event));
  const drainer = new OutboxDrainer({
    store,
    proxy,
    scope: () => 'local',
    honoursIdempotencyKey: () => true,
    logger,
    onChange: () => undefined,
    onItemSettled: (item) => {
      const event = uploadEventOf(item);
      if (event) events.emit(event);
    },
    retryDelaysMs: [60_000],
  });
  const actions = new OutboxActions({
    store,
    drainer,
    onChange: () => undefined,
    onItemChanged: (item, removed) => {
      const event = uploadEventOf(item, removed);
      if (event) events.emit(event);
    },
  });
  return {
    db,
    proxy,
    store,
    drainer,
    actions,
    events,
    seen,
    attempts,
    online: () => (baseUrl = engineUrl),
    uploads: (uploadId: string) =>
      seen.flatMap((e) => (e.type === 'upload-progress' && e.uploadId === uploadId ? [e] : [])),
    async close() {
      await drainer.dispose();
      proxy.dispose();
      db.close();
    },
  };
}

function hotelArgs(uploadId: string) {
  return {
    accountSetId: accountSetId(engine, engine.tenantA),
    uploadId,
    fileName: 'digital-normal-hotel.xml',
    file: { bytesBase64: readFileSync(HOTEL_XML).toString('base64') },
  };
}

function payload(sizeBytes: number, uploadId = 'u'): InvoiceUploadPayload {
  return {
    uploadId,
    accountSetId: 'acc_demo1',
    fileName: '发票.pdf',
    mediaType: 'application/pdf',
    sizeBytes,
    sha256: 'a'.repeat(64),
  };
}

describe('cache.db migration for queued uploads', () => {
  test('a file at the previous migration gains outbox_files and the invoice read tables; its voucher still parses', () => {
    const dir = tempDir('outbox-uploads-migrate');
    const file = path.join(dir, 'cache.db');
    const old = new Database(file);
    migrateCache(
      old,
      cacheMigrations.slice(
        0,
        cacheMigrations.findIndex((m) => m.id === '20261202170000_outbox_files_and_invoice_reads'),
      ),
    );
    new OutboxStore(old).enqueue({
      scope: 'local',
      kind: 'voucher.create',
      idempotencyKey: 'k-old',
      payload: {
        account_id: 'acc_demo1',
        date: '2024-03-01',
        entries: [
          { abstract: '办公用品', account_code: '560203', debit: 5, credit: 0 },
          { abstract: '办公用品', account_code: '1002', debit: 0, credit: 5 },
        ],
      },
    });
    old.close();

    const { db } = openCacheDb({ file, logger: fileLogger(dir) });
    expect(appliedCacheMigrations(db)).toEqual(cacheMigrations.map((m) => m.id));
    const tables = db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
      .pluck()
      .all();
    expect(tables).toEqual(
      expect.arrayContaining(['outbox_files', 'invoice_records', 'invoice_pages', 'invoice_file_cache']),
    );
    const items = new OutboxStore(db).list();
    expect(items.map((i) => [i.kind, i.idempotencyKey, i.state])).toEqual([
      ['voucher.create', 'k-old', 'pending'],
    ]);
    db.close();
  });
  test('a cache rebuilt for out-of-sync migrations carries a queued upload over with its file', () => {
    const dir = tempDir('outbox-uploads-carry');
    const file = path.join(dir, 'cache.db');
    const first = openCacheDb({ file, logger: fileLogger(dir) }).db;
    const bytes = new Uint8Array(2048).fill(9);
    new OutboxStore(first).enqueueUpload({
      scope: 'local',
      payload: payload(2048, 'u-carry'),
      bytes,
      idempotencyKey: 'k-carry',
    });
    first
      .prepare("INSERT INTO cache_migrations (id, applied_at) VALUES ('29990101000000_future', 'x')")
      .run();
    first.close();

    const { db, rebuilt } = openCacheDb({ file, logger: fileLogger(dir) });
    expect(rebuilt).toEqual({ reason: 'out-of-sync' });
    const store = new OutboxStore(db);
    const [carried] = store.list();
    expect(carried).toMatchObject({ kind: 'invoice.recognize', idempotencyKey: 'k-carry', state: 'pending' });
    expect(carried?.payload).toEqual(payload(2048, 'u-carry'));
    expect(store.fileBytes(carried?.id ?? 0)).toEqual(bytes);
    db.close();
  });
});

describe('OutboxStore: invoice files', () => {
  test('keeps the bytes beside the item, shows file name and account set, and drops them once done', () => {
    const { db } = openCache();
    const store = new OutboxStore(db);
    const bytes = new Uint8Array(3000).fill(7);
    const item = store.enqueueUpload({
      scope: 'local',
      payload: payload(3000),
      bytes,
      idempotencyKey: 'k-1',
    });
    expect(store.fileBytes(item.id)).toEqual(bytes);
    expect(store.queuedFileBytes()).toBe(3000);
    const view = toOutboxItemView(item);
    expect(view).toMatchObject({ kind: 'invoice.recognize', state: 'pending', accountSetId: 'acc_demo1' });
    expect(view.title).toBe('票据 发票.pdf · 3 KB');
    expect(JSON.stringify(view)).not.toContain('k-1');

    store.markDone(item.id, {
      invoice_id: 'inv_1',
      amount: 1,
      category: '住宿费',
      entries: [],
      duplicate: null,
    });
    expect(store.fileBytes(item.id)).toBeUndefined();
    expect(store.queuedFileBytes()).toBe(0);
    expect(toOutboxItemView(store.get(item.id) ?? item).title).toBe('票据 发票.pdf · 3 KB · 已识别');
    db.close();
  });

  test('refuses a file over 10 MB, and one that would take the queued files past their budget, in Chinese', () => {
    const { db } = openCache();
    const store = new OutboxStore(db);
    const big = 10 * 1024 * 1024 + 1;
    expect(() =>
      store.enqueueUpload({
        scope: 'local',
        payload: payload(big),
        bytes: new Uint8Array(big),
        idempotencyKey: 'k-big',
      }),
    ).toThrow('文件过大，票据文件不能超过 10MB');

    const cap = 5000;
    store.enqueueUpload({
      scope: 'local',
      payload: payload(3000, 'a'),
      bytes: new Uint8Array(3000),
      idempotencyKey: 'k-a',
      maxTotalBytes: cap,
    });
    expect(() =>
      store.enqueueUpload({
        scope: 'local',
        payload: payload(3000, 'b'),
        bytes: new Uint8Array(3000),
        idempotencyKey: 'k-b',
        maxTotalBytes: cap,
      }),
    ).toThrow(/^待发送队列已满：离线时最多暂存 0\.0 MB 票据文件（已暂存 0\.0 MB）/);
    // Nothing half-written: the refused one left no row and no bytes.
    expect(store.list().map((i) => i.idempotencyKey)).toEqual(['k-a']);
    expect(store.queuedFileBytes()).toBe(3000);
    db.close();
  });
});

describe('an upload while the engine is unreachable waits in the outbox and is recognised once', () => {
  test('queued (待发送 event), then sent once by the drainer: done with the result, one invoice in the engine', async () => {
    const r = rig();
    try {
      const before = invoiceCount();
      const deps = { proxy: r.proxy, events: r.events, outbox: r, scope: () => 'local' };
      const answer = await recognizeUpload(deps, hotelArgs('u-off'), new AbortController().signal);
      expect(answer).toMatchObject({ queued: true });
      if (!('queued' in answer)) throw new Error('expected the upload to be queued');
      const stages = r.uploads('u-off').map((e) => e.stage);
      expect(stages.slice(0, 3)).toEqual(['queued', 'uploading', 'recognizing']);
      expect(stages).toContain('outbox');
      expect(stages).not.toContain('failed');
      const waiting = r.uploads('u-off').find((e) => e.stage === 'outbox');
      expect(waiting?.message).toMatch(/待发送队列/);
      expect(waiting?.outboxId).toBe(answer.outboxId);
      await r.drainer.drain();
      expect(r.store.get(answer.outboxId)?.state).toBe('pending');
      expect(invoiceCount()).toBe(before);

      r.online();
      await r.drainer.drain();
      const done = r.store.get(answer.outboxId);
      expect(done?.state).toBe('done');
      expect(r.store.fileBytes(answer.outboxId)).toBeUndefined();
      const last = r.uploads('u-off').at(-1);
      expect(last?.stage).toBe('done');
      expect(last?.result?.invoice_id).toMatch(/^inv_/);
      expect(last?.result?.duplicate).toBeNull();
      expect(invoiceCount()).toBe(before + 1);
      // Offline tries were refused connections; online, exactly one try reached the engine.
      expect(r.attempts.filter((outcome) => outcome === 'ok')).toHaveLength(1);
      expect(r.attempts.every((outcome) => outcome === 'ok' || outcome === 'unreachable')).toBe(true);
      const tries = r.attempts.length;

      // Nothing is sent again: the item is done.
      await r.drainer.drain();
      expect(r.attempts).toHaveLength(tries);
      expect(invoiceCount()).toBe(before + 1);
    } finally {
      await r.close();
    }
  });

  test('a try whose answer was lost is sent again with the same key: the engine replays, still one invoice', async () => {
    const r = rig();
    try {
      const before = invoiceCount();
      const deps = { proxy: r.proxy, events: r.events, outbox: r, scope: () => 'local' };
      const args = hotelArgs('u-lost');
      const answer = await recognizeUpload(deps, args, new AbortController().signal);
      if (!('queued' in answer)) throw new Error('expected the upload to be queued');
      const item = r.store.get(answer.outboxId);
      if (item?.kind !== 'invoice.recognize') throw new Error('queued upload missing');
      // The first try did reach the engine after all (its answer lost on the way back).
      const direct = await new ApiClient({
        baseUrl: engineUrl,
        apiKey: engine.tenantA.apiKey,
      }).recognizeInvoice(
        {
          file: readFileSync(HOTEL_XML),
          filename: item.payload.fileName,
          contentType: item.payload.mediaType,
          account_id: item.payload.accountSetId,
        },
        { idempotencyKey: item.idempotencyKey },
      );
      expect(invoiceCount()).toBe(before + 1);

      r.online();
      await r.drainer.drain();
      expect(r.store.get(answer.outboxId)?.state).toBe('done');
      const last = r.uploads('u-lost').at(-1);
      expect(last?.stage).toBe('done');
      expect(last?.result?.invoice_id).toBe(direct.invoice_id);
      expect(invoiceCount()).toBe(before + 1);
    } finally {
      await r.close();
    }
  });

  test('the cap refuses an upload it cannot keep: failed event with the Chinese reason, nothing queued', async () => {
    const r = rig();
    try {
      const deps = {
        proxy: r.proxy,
        events: r.events,
        outbox: r,
        scope: () => 'local',
        maxQueuedBytes: 100,
      };
      await expect(recognizeUpload(deps, hotelArgs('u-cap'), new AbortController().signal)).rejects.toThrow(
        '待发送队列已满',
      );
      const last = r.uploads('u-cap').at(-1);
      expect(last?.stage).toBe('failed');
      expect(last?.message).toMatch(/^待发送队列已满/);
      expect(r.store.list()).toEqual([]);
    } finally {
      await r.close();
    }
  });

  test('discarding a queued upload drops its file and tells the 票据 page; retry of a failed one queues it again', async () => {
    const r = rig();
    try {
      const deps = { proxy: r.proxy, events: r.events, outbox: r, scope: () => 'local' };
      const answer = await recognizeUpload(deps, hotelArgs('u-gone'), new AbortController().signal);
      if (!('queued' in answer)) throw new Error('expected the upload to be queued');
      r.store.markFailed(answer.outboxId, '识别失败：测试');
      const again = r.actions.resend(answer.outboxId);
      expect(again.state).toBe('pending');
      expect(r.uploads('u-gone').some((e) => e.stage === 'outbox' && e.message !== undefined)).toBe(true);
      await r.drainer.drain();
      expect(r.actions.discard(answer.outboxId)).toEqual({ discarded: true });
      expect(r.store.get(answer.outboxId)).toBeUndefined();
      expect(r.store.fileBytes(answer.outboxId)).toBeUndefined();
      const last = r.uploads('u-gone').at(-1);
      expect(last).toMatchObject({ stage: 'failed', message: '已从待发送队列中放弃，未上传' });
    } finally {
      await r.close();
    }
  });

  test('an answer from the engine itself (a refusal) is not queued: the upload fails as before', async () => {
    const r = rig();
    try {
      r.online();
      const deps = { proxy: r.proxy, events: r.events, outbox: r, scope: () => 'local' };
      await expect(
        recognizeUpload(
          deps,
          { ...hotelArgs('u-refused'), accountSetId: 'acc_nosuchset1' },
          new AbortController().signal,
        ),
      ).rejects.toThrow();
      expect(r.store.list()).toEqual([]);
      expect(r.uploads('u-refused').at(-1)?.stage).toBe('failed');
    } finally {
      await r.close();
    }
  });
});
