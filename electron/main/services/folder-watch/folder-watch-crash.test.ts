import { fork, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { folderWatchSnapshotSchema, type FolderWatchSnapshot } from '../../../../shared/folder-watch.js';
import { tempDir } from '../../testing/test-support.js';
import { startInvoiceStandIn, type InvoiceStandIn } from './testing/invoice-stand-in.js';
import { samplePdf } from './testing/sample-invoice-files.js';

const CHILD = path.join(import.meta.dirname, 'testing/watcher-child.ts');

const children: ChildProcess[] = [];
let standIn: InvoiceStandIn | undefined;

afterEach(async () => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
  await standIn?.close();
});

interface Watcher {
  child: ChildProcess;
  snapshot(): Promise<Omit<FolderWatchSnapshot, 'nativeDialog'>>;
  exited: Promise<void>;
}

async function startWatcher(config: object): Promise<Watcher> {
  const child = fork(CHILD, [JSON.stringify(config)], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    env: { ...process.env, NODE_OPTIONS: '' },
  });
  children.push(child);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  await new Promise<void>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`watcher exited early (${String(code)})`)));
    child.on('message', (message: { type?: string }) => {
      if (message.type === 'ready') resolve();
    });
  });
  return {
    child,
    exited,
    snapshot: () =>
      new Promise((resolve) => {
        const onMessage = (message: { type?: string; snapshot?: unknown }) => {
          if (message.type !== 'snapshot') return;
          child.off('message', onMessage);
          resolve(folderWatchSnapshotSchema.omit({ nativeDialog: true }).parse(message.snapshot));
        };
        child.on('message', onMessage);
        child.send({ type: 'snapshot' });
      }),
  };
}

describe('folder watch survives a crash of the process running it', () => {
  test('SIGKILL in the middle of 300 uploads, then a restart: still exactly 300 invoices, none twice', async () => {
    const stand = await startInvoiceStandIn({ delayMs: 15 });
    standIn = stand;
    const userDataDir = tempDir('crash-user-data');
    const inbox = tempDir('crash-inbox');
    const config = { userDataDir, baseUrl: stand.baseUrl, apiKey: stand.apiKey };

    const first = await startWatcher({ ...config, addFolder: inbox });
    const expected = new Set<string>();
    for (let n = 1; n <= 300; n += 1) {
      const bytes = samplePdf(n);
      expected.add(createHash('sha256').update(bytes).digest('hex'));
      writeFileSync(path.join(inbox, `invoice-${String(n)}.pdf`), bytes);
    }
    // Kill it while uploads are going out (not before the first, not after the last).
    await expect
      .poll(() => stand.received.length, { timeout: 60_000, interval: 20 })
      .toBeGreaterThanOrEqual(100);
    first.child.kill('SIGKILL');
    await first.exited;
    const atCrash = stand.invoices().length;
    expect(atCrash).toBeGreaterThanOrEqual(100);
    expect(atCrash).toBeLessThan(300);

    const second = await startWatcher(config);
    await expect.poll(() => stand.invoices().length, { timeout: 90_000, interval: 100 }).toBe(300);
    await expect
      .poll(async () => (await second.snapshot()).folders[0]?.counts, { timeout: 30_000, interval: 200 })
      .toEqual({ pending: 0, uploading: 0, done: 300, failed: 0 });

    const invoices = stand.invoices();
    expect(invoices).toHaveLength(300);
    expect(new Set(invoices.map((i) => i.sha256))).toEqual(expected);
    // Each content went out under exactly one key; resends of it were answered as replays.
    const keysByContent = new Map<string, Set<string | undefined>>();
    for (const r of stand.received)
      keysByContent.set(r.sha256, (keysByContent.get(r.sha256) ?? new Set()).add(r.idempotencyKey));
    expect([...keysByContent.values()].every((keys) => keys.size === 1)).toBe(true);
    expect(stand.received.filter((r) => !r.replayed)).toHaveLength(300);
    second.child.send({ type: 'stop' });
    await second.exited;
  }, 180_000);
});
