import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { generateApiKey } from '../../shared/api/api-key-format.js';
import { createTestEngine, listenOnRandomPort, type TestEngine } from '../../server/testing/test-engine.js';
import { IPC_CALLS, type IpcCallName } from '../../shared/ipc-channels.js';
import type { IpcArgs, IpcEvent } from '../../shared/ipc.js';
import { startServices, type ServicesHarness } from './testing/services-harness.js';
import { logLines, waitUntil } from './testing/test-support.js';

/**
 * The key lives only in main: never in the renderer, a log line or an IPC answer. Drives every IPC call in local mode (engine as a child
 * process), offline, and in cloud mode (a second engine on loopback standing in for the cloud),
 * then looks for the text of every key in every IPC answer, every push event, every log line,
 * every column of every table of cache.db, and every byte of every file under the user-data folder.
 */
let h: ServicesHarness;
let cloud: TestEngine;
let cloudUrl: string;
const keys: Record<string, string> = {};
const called = new Set<IpcCallName>();

async function drive<K extends IpcCallName>(name: K, args: IpcArgs<K>) {
  called.add(name);
  return h.call(name, args);
}

function voucher(accountId: string, n: number) {
  return {
    account_id: accountId,
    date: '2024-03-15',
    entries: [
      { abstract: `采购 ${String(n)}`, account_code: '560203', debit: n, credit: 0 },
      { abstract: `付款 ${String(n)}`, account_code: '1002', debit: 0, credit: n },
    ],
  };
}

beforeAll(async () => {
  cloud = createTestEngine();
  cloudUrl = await listenOnRandomPort(cloud.app);
  h = await startServices();
  keys.local = (await h.secrets.readForRequest('local-engine')) ?? '';
  keys.cloud = cloud.tenantA.apiKey;
  keys.wrongCloud = generateApiKey('live');
  expect(keys.local).toMatch(/^sk_live_/);

  // Local mode, online.
  const sets = await drive('listAccountSets', {});
  if (!sets.ok) throw new Error('listAccountSets failed');
  const local = sets.data.data.accounts.find((a) => a.status === 'active')?.id ?? '';
  await drive('getSettings', {});
  await drive('testConnection', {});
  await drive('getChart', { accountSetId: local });
  await drive('listVouchers', { accountSetId: local, page: 1, pageSize: 5 });
  await drive('getReport', {
    accountSetId: local,
    type: 'profit',
    startDate: '2024-01-01',
    endDate: '2024-03-31',
  });
  await drive('createVoucher', { voucher: voucher(local, 1) });
  await drive('listOutbox', {});

  // The workspace, the ledger books, the voucher editor's calls and folder watch.
  const created = await drive('createVoucher', { voucher: voucher(local, 5) });
  const voucherId = created.ok && created.data.status === 'created' ? created.data.voucher_id : 'vch_none';
  await drive('getUiState', {});
  await drive('setUiState', { accountSetId: local });
  await drive('listPeriods', { accountSetId: local });
  await drive('closePeriod', { accountSetId: local, period: '2024-03' });
  await drive('reopenPeriod', { accountSetId: local, period: '2024-03' });
  await drive('getVoucher', { voucherId });
  await drive('reverseVoucher', { voucherId });
  await drive('printVoucher', { voucherId });
  await drive('printStatement', {
    accountSetId: local,
    type: 'balance',
    startDate: '2024-03-01',
    endDate: '2024-03-31',
  });
  const line = { abstract: '备用金', accountCode: '1001', debit: '10.00', credit: '' };
  const draft = { date: '2024-03-15', attachmentCount: 0, attachments: [], lines: [line] };
  await drive('saveVoucherDraft', { accountSetId: local, draftKey: 'new', draft });
  await drive('listVoucherDrafts', { accountSetId: local });
  await drive('deleteVoucherDraft', { accountSetId: local, draftKey: 'new' });
  const template = await drive('saveVoucherTemplate', { accountSetId: local, name: '备用金', lines: [line] });
  await drive('listVoucherTemplates', { accountSetId: local });
  await drive('deleteVoucherTemplate', { accountSetId: local, id: template.ok ? template.data.id : 1 });
  await drive('getTrialBalance', { accountSetId: local, startDate: '2024-01-01', endDate: '2024-03-31' });
  await drive('getDetailLedger', {
    accountSetId: local,
    accountCode: '1002',
    startDate: '2024-01-01',
    endDate: '2024-03-31',
  });
  // A real upload (the demo 数电 XML: no OCR needed), so upload-progress events are produced too.
  const demoInvoice = readFileSync(
    new URL('../../resources/demo-invoices/digital-normal-hotel.xml', import.meta.url),
  );
  await drive('recognizeInvoice', {
    accountSetId: local,
    uploadId: 'up_key_isolation',
    fileName: 'digital-normal-hotel.xml',
    file: { bytesBase64: demoInvoice.toString('base64') },
  });
  await drive('listInvoices', { accountSetId: local });
  await drive('getInvoice', { invoiceId: 'inv_none' });
  await drive('getInvoiceFile', { invoiceId: 'inv_none' });
  await drive('pickWatchedFolder', {});
  const watched = await drive('addWatchedFolder', { path: h.userDataDir, accountSetId: local });
  const folderId = watched.ok ? watched.data.id : 'wf_0000000000000000';
  await drive('getFolderWatch', {});
  await drive('updateWatchedFolder', { id: folderId, paused: true });
  await drive('retryFolderWatchFailures', {});
  await drive('removeWatchedFolder', { id: folderId });

  // Local mode, offline: cached reads, a queued write, then the drain.
  await h.services.engine.stop();
  await drive('listAccountSets', {});
  await drive('createVoucher', { voucher: voucher(local, 2) });
  await h.services.engine.start();
  await waitUntil(async () => (await h.ok('listOutbox', {})).counts.pending === 0);
  // The outbox's actions, on a delivered item (refused: 409) and on one that does not exist (404).
  const delivered = (await h.ok('listOutbox', {})).items[0]?.id ?? 1;
  await drive('retryOutboxItem', { id: delivered });
  await drive('confirmOutboxItem', { id: delivered });
  await drive('discardOutboxItem', { id: 987654 });

  // Cloud mode: no key, the right key, a wrong key (401), the right key again, then cleared.
  await drive('setConnection', { mode: 'cloud', cloudBaseUrl: cloudUrl });
  await drive('listAccountSets', {});
  await drive('setApiKey', { key: keys.cloud });
  const cloudSets = await drive('listAccountSets', {});
  if (!cloudSets.ok) throw new Error('cloud listAccountSets failed');
  const cloudSet = cloudSets.data.data.accounts.find((a) => a.status === 'active')?.id ?? '';
  await drive('getChart', { accountSetId: cloudSet });
  await drive('createVoucher', { voucher: voucher(cloudSet, 3) });
  await drive('testConnection', {});
  await drive('setApiKey', { key: keys.wrongCloud });
  await drive('listAccountSets', {});
  await drive('createVoucher', { voucher: voucher(cloudSet, 4) });
  await drive('setApiKey', { key: keys.cloud });
  await drive('listVouchers', { accountSetId: cloudSet });
  await drive('clearApiKey', {});
  await drive('setConnection', { mode: 'local' });
  await drive('getSettings', {});
  await h.close();
}, 120_000);

afterAll(async () => {
  await cloud.close();
});

function everyFile(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? everyFile(full) : [full];
  });
}

describe('no key ever leaves main', () => {
  test('every IPC call was driven, and every kind of event main produces was seen', () => {
    expect([...called].sort()).toEqual([...IPC_CALLS].sort());
    const kinds = new Set(h.events.map((e: IpcEvent) => e.type));
    expect([...kinds].sort()).toEqual([
      'engine-status',
      'folder-watch-progress',
      'outbox-changed',
      'reachability',
      'settings-changed',
      'upload-progress',
    ]);
    expect(h.answers.some((a) => a.includes('"authentication_error"'))).toBe(true);
    expect(h.answers.some((a) => a.includes('"source":"cache"'))).toBe(true);
  });

  test('in no IPC answer and no push event', () => {
    const payloads = [...h.answers, ...h.events.map((e) => JSON.stringify(e))];
    expect(payloads.length).toBeGreaterThan(40);
    for (const [name, key] of Object.entries(keys)) {
      for (const payload of payloads) expect(payload, name).not.toContain(key);
      // Not even the key without its last four, which the renderer may know.
      for (const payload of payloads) expect(payload, name).not.toContain(key.slice(0, -4));
    }
  });

  test('in no log line', () => {
    const lines = logLines(h.userDataDir);
    expect(lines.length).toBeGreaterThan(10);
    for (const [name, key] of Object.entries(keys)) {
      for (const line of lines) expect(line, name).not.toContain(key.slice(8));
    }
  });

  test('in no column of any table of cache.db', () => {
    const db = new Database(path.join(h.userDataDir, 'cache.db'), { readonly: true });
    try {
      const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as {
        name: string;
      }[];
      expect(tables.map((t) => t.name)).toEqual(
        expect.arrayContaining([
          'account_sets',
          'chart_accounts',
          'vouchers',
          'invoices',
          'reports',
          'outbox',
        ]),
      );
      let values = 0;
      for (const { name } of tables) {
        for (const row of db.prepare(`SELECT * FROM "${name}"`).all() as Record<string, unknown>[]) {
          for (const value of Object.values(row)) {
            values += 1;
            const text = Buffer.isBuffer(value) ? value.toString('latin1') : String(value);
            for (const key of Object.values(keys)) expect(text).not.toContain(key.slice(8));
          }
        }
      }
      expect(values).toBeGreaterThan(100);
    } finally {
      db.close();
    }
  });

  test('in no byte of any file main wrote (cache, WAL, settings, logs, invoices)', () => {
    const files = everyFile(h.userDataDir);
    expect(files.some((f) => f.endsWith('cache.db'))).toBe(true);
    for (const file of files) {
      const bytes = readFileSync(file).toString('latin1');
      for (const [name, key] of Object.entries(keys))
        expect(bytes, `${name} in ${file}`).not.toContain(key.slice(8));
    }
  });
});
