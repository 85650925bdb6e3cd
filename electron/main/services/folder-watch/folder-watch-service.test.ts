import { createHash } from 'node:crypto';
import {
  chmodSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { open } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { PROCESSED_FOLDER_NAME } from '../../../../shared/folder-watch.js';
import { tempDir } from '../../testing/test-support.js';
import { UserFacingError } from '../user-facing-error.js';
import { FILE_PROBLEMS } from './file-intake.js';
import { FOLDER_PROBLEMS } from './folder-watcher.js';
import { startInvoiceStandIn, type InvoiceStandIn } from './testing/invoice-stand-in.js';
import { sampleExe, samplePdf, samplePng } from './testing/sample-invoice-files.js';
import { startWatchHarness, type WatchHarness } from './testing/watch-harness.js';

let standIn: InvoiceStandIn;
const harnesses: WatchHarness[] = [];

beforeEach(async () => {
  standIn = await startInvoiceStandIn();
});

afterEach(async () => {
  await Promise.all(harnesses.splice(0).map((h) => h.close()));
  await standIn.close();
});

async function start(options: Partial<Parameters<typeof startWatchHarness>[0]> = {}): Promise<WatchHarness> {
  const h = await startWatchHarness({ baseUrl: standIn.baseUrl, apiKey: standIn.apiKey, ...options });
  harnesses.push(h);
  return h;
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

function uploadedHashes(): string[] {
  return standIn.invoices().map((i) => i.sha256);
}

describe('folder watch: exactly one upload per invoice', () => {
  test('300 distinct invoices dropped at once: 300 uploads, no duplicates, progress 300/300, at most 2 at a time', async () => {
    const h = await start();
    const inbox = tempDir('inbox');
    const folder = await h.service.addFolder({
      path: inbox,
      accountSetId: 'acc_demo1',
      recursive: false,
      afterUpload: 'leave',
    });
    expect(folder.status).toBe('watching');
    standIn.setDelayMs(5);

    const expected = new Set<string>();
    for (let n = 1; n <= 300; n += 1) {
      const bytes = n % 3 === 0 ? samplePng(n) : samplePdf(n);
      expected.add(sha256(bytes));
      writeFileSync(
        path.join(inbox, `发票-${String(n).padStart(3, '0')}.${n % 3 === 0 ? 'png' : 'pdf'}`),
        bytes,
      );
    }

    await expect.poll(() => standIn.invoices().length, { timeout: 120_000, interval: 100 }).toBe(300);
    await h.service.whenIdle();
    expect(new Set(uploadedHashes())).toEqual(expected);
    expect(standIn.received.length).toBe(300);
    expect(new Set(standIn.received.map((r) => r.idempotencyKey)).size).toBe(300);
    expect(standIn.maxConcurrent()).toBeLessThanOrEqual(2);

    const last = h.progress.at(-1);
    expect(last).toMatchObject({ done: 300, total: 300, failed: 0, active: false });
    expect(last?.folders).toEqual([
      { folderId: folder.id, counts: { pending: 0, uploading: 0, done: 300, failed: 0 } },
    ]);
    expect(h.progress.some((p) => p.active && p.current !== null)).toBe(true);
    expect(h.batches.at(-1)).toMatchObject({ uploaded: 300, failed: 0 });
    // Files are left where they were (the folder's choice).
    expect(readdirSync(inbox)).toHaveLength(300);
  }, 150_000);

  test('the same file under three names and in a second folder of the same account set: one upload', async () => {
    const h = await start();
    const a = tempDir('inbox-a');
    const b = tempDir('inbox-b');
    await h.service.addFolder({ path: a, accountSetId: 'acc_demo1', recursive: false, afterUpload: 'leave' });
    await h.service.addFolder({ path: b, accountSetId: 'acc_demo1', recursive: true, afterUpload: 'leave' });
    const bytes = samplePdf(7);
    for (const name of ['发票.pdf', '发票 - 副本.pdf', 'copy.pdf']) writeFileSync(path.join(a, name), bytes);
    mkdirSync(path.join(b, '三月'));
    writeFileSync(path.join(b, '三月', 'scan.pdf'), bytes);

    await expect.poll(() => standIn.invoices().length, { timeout: 20_000 }).toBe(1);
    await h.service.whenIdle();
    expect(standIn.received).toHaveLength(1);
    expect(standIn.received[0]?.sha256).toBe(sha256(bytes));

    // Renamed and moved between watched folders: still nothing new.
    renameSync(path.join(a, 'copy.pdf'), path.join(a, '改名.pdf'));
    renameSync(path.join(a, '发票.pdf'), path.join(b, '发票.pdf'));
    await waitQuiet(h);
    expect(standIn.received).toHaveLength(1);
  });

  test('one upload per account set: the same invoice in folders of two account sets is uploaded to each', async () => {
    const h = await start();
    const a = tempDir('inbox-a');
    const b = tempDir('inbox-b');
    await h.service.addFolder({ path: a, accountSetId: 'acc_demo1', recursive: false, afterUpload: 'leave' });
    await h.service.addFolder({ path: b, accountSetId: 'acc_demo2', recursive: false, afterUpload: 'leave' });
    const bytes = samplePdf(8);
    writeFileSync(path.join(a, 'x.pdf'), bytes);
    writeFileSync(path.join(b, 'x.pdf'), bytes);
    await expect.poll(() => standIn.invoices().length, { timeout: 20_000 }).toBe(2);
    await h.service.whenIdle();
    expect(
      standIn
        .invoices()
        .map((i) => i.accountId)
        .sort(),
    ).toEqual(['acc_demo1', 'acc_demo2']);
  });

  test('a file whose content changes is a new upload; the old content is not sent again', async () => {
    const h = await start();
    const inbox = tempDir('inbox');
    await h.service.addFolder({
      path: inbox,
      accountSetId: 'acc_demo1',
      recursive: false,
      afterUpload: 'leave',
    });
    const file = path.join(inbox, '发票.pdf');
    writeFileSync(file, samplePdf(1));
    await expect.poll(() => standIn.invoices().length, { timeout: 20_000 }).toBe(1);
    writeFileSync(file, samplePdf(2));
    await expect.poll(() => standIn.invoices().length, { timeout: 20_000 }).toBe(2);
    await h.service.whenIdle();
    expect(uploadedHashes()).toEqual([sha256(samplePdf(1)), sha256(samplePdf(2))]);
    expect(standIn.received).toHaveLength(2);
  });

  test('a file written in chunks over 3 s is uploaded once, complete', async () => {
    const h = await start({ service: { settleMs: 400 } });
    const inbox = tempDir('inbox');
    await h.service.addFolder({
      path: inbox,
      accountSetId: 'acc_demo1',
      recursive: false,
      afterUpload: 'leave',
    });
    const bytes = samplePdf(42, 200_000);
    const handle = await open(path.join(inbox, '扫描件.pdf'), 'w');
    const chunks = 12;
    const size = Math.ceil(bytes.length / chunks);
    for (let i = 0; i < chunks; i += 1) {
      await handle.write(bytes.subarray(i * size, (i + 1) * size));
      await handle.sync();
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    await handle.close();
    await expect.poll(() => standIn.invoices().length, { timeout: 20_000 }).toBe(1);
    await waitQuiet(h);
    expect(standIn.received).toHaveLength(1);
    expect(standIn.received[0]).toMatchObject({ sha256: sha256(bytes), sizeBytes: bytes.length });
  });

  test('hidden, temporary and partial-download files are never read; a .crdownload renamed to .pdf is', async () => {
    const h = await start();
    const inbox = tempDir('inbox');
    await h.service.addFolder({
      path: inbox,
      accountSetId: 'acc_demo1',
      recursive: true,
      afterUpload: 'leave',
    });
    writeFileSync(path.join(inbox, '.hidden.pdf'), samplePdf(1));
    writeFileSync(path.join(inbox, '~$发票.pdf'), samplePdf(2));
    writeFileSync(path.join(inbox, '发票.pdf.part'), samplePdf(3));
    writeFileSync(path.join(inbox, '下载.pdf.crdownload'), samplePdf(4));
    mkdirSync(path.join(inbox, '.git'));
    writeFileSync(path.join(inbox, '.git', 'x.pdf'), samplePdf(5));
    writeFileSync(path.join(inbox, 'notes.txt'), 'not an invoice');
    await waitQuiet(h);
    expect(standIn.received).toHaveLength(0);
    expect(h.service.snapshot().items).toEqual([]);
    renameSync(path.join(inbox, '下载.pdf.crdownload'), path.join(inbox, '下载.pdf'));
    await expect.poll(() => uploadedHashes(), { timeout: 20_000 }).toEqual([sha256(samplePdf(4))]);
  });

  test('bad files get clear errors on their rows and the rest of the batch goes through', async () => {
    const h = await start();
    const inbox = tempDir('inbox');
    const gone = tempDir('inbox-gone');
    const root = process.getuid?.() === 0;
    const folder = await h.service.addFolder({
      path: inbox,
      accountSetId: 'acc_demo1',
      recursive: true,
      afterUpload: 'leave',
    });
    const goneFolder = await h.service.addFolder({
      path: gone,
      accountSetId: 'acc_demo1',
      recursive: false,
      afterUpload: 'leave',
    });

    const good = [samplePdf(1), samplePng(2), samplePdf(3)];
    good.forEach((bytes, i) =>
      writeFileSync(path.join(inbox, `good-${String(i)}.${i === 1 ? 'png' : 'pdf'}`), bytes),
    );
    writeFileSync(path.join(inbox, 'empty.pdf'), '');
    writeFileSync(path.join(inbox, 'setup.pdf'), sampleExe());
    writeFileSync(path.join(inbox, 'huge.pdf'), samplePdf(9, 11 * 1024 * 1024));
    symlinkSync('loop.pdf', path.join(inbox, 'loop.pdf'));
    mkdirSync(path.join(inbox, 'sub'));
    symlinkSync('..', path.join(inbox, 'sub', 'up'));
    const locked = path.join(inbox, 'locked.pdf');
    writeFileSync(locked, samplePdf(10));
    chmodSync(locked, 0o000);
    // Root reads a 0000 file anyway (CAP_DAC_OVERRIDE): there the file is simply uploaded (the
    // permission error itself is checked as an unprivileged user in file-intake.test.ts).
    const lockedIsReadable = root;
    writeFileSync(path.join(gone, 'first.pdf'), samplePdf(20));

    const expectedUploads = lockedIsReadable ? 5 : 4;
    await expect.poll(() => standIn.invoices().length, { timeout: 30_000 }).toBe(expectedUploads);
    rmSync(gone, { recursive: true, force: true });
    await expect
      .poll(() => h.service.snapshot().folders.find((f) => f.id === goneFolder.id)?.message, {
        timeout: 20_000,
      })
      .toBe(FOLDER_PROBLEMS.missing);
    await waitQuiet(h);

    const snapshot = h.service.snapshot();
    const problems = Object.fromEntries(
      snapshot.items.filter((i) => i.kind === 'file').map((i) => [i.fileName, i.message]),
    );
    expect(problems).toEqual({
      'empty.pdf': FILE_PROBLEMS.empty,
      'setup.pdf': FILE_PROBLEMS.notInvoice,
      'huge.pdf': FILE_PROBLEMS.tooBig,
      'loop.pdf': FILE_PROBLEMS.symlinkLoop,
      ...(lockedIsReadable ? {} : { 'locked.pdf': FILE_PROBLEMS.noPermission }),
    });
    expect(new Set(uploadedHashes())).toEqual(
      new Set([...good, samplePdf(20), ...(lockedIsReadable ? [samplePdf(10)] : [])].map(sha256)),
    );
    expect(standIn.received).toHaveLength(expectedUploads);
    const view = snapshot.folders.find((f) => f.id === folder.id);
    expect(view?.counts).toEqual({
      pending: 0,
      uploading: 0,
      done: lockedIsReadable ? 4 : 3,
      failed: lockedIsReadable ? 4 : 5,
    });
    expect(snapshot.folders.find((f) => f.id === goneFolder.id)?.status).toBe('error');

    // The vanished folder comes back with a new file: watched again, the new file uploaded.
    mkdirSync(gone);
    writeFileSync(path.join(gone, 'second.pdf'), samplePdf(21));
    await expect.poll(() => uploadedHashes().includes(sha256(samplePdf(21))), { timeout: 20_000 }).toBe(true);
    expect(h.service.snapshot().folders.find((f) => f.id === goneFolder.id)?.status).toBe('watching');
  });

  test('no verdict (5xx) is retried with backoff under the same key; the engine refusing a file fails it for good', async () => {
    const h = await start();
    const inbox = tempDir('inbox');
    await h.service.addFolder({
      path: inbox,
      accountSetId: 'acc_demo1',
      recursive: false,
      afterUpload: 'leave',
    });
    standIn.failNext(3);
    standIn.refuseContent(sha256(samplePdf(2)), '参数错误：无法识别票据内容');
    writeFileSync(path.join(inbox, 'a.pdf'), samplePdf(1));
    await expect.poll(() => standIn.invoices().length, { timeout: 20_000 }).toBe(1);
    writeFileSync(path.join(inbox, 'b.pdf'), samplePdf(2));
    await waitQuiet(h);
    const items = Object.fromEntries(h.service.snapshot().items.map((i) => [i.fileName, i]));
    // The proxy tries twice per send: 500, 500 — the item waits — then 500, 200.
    expect(items['a.pdf']).toMatchObject({ state: 'done', attempts: 2, message: null });
    expect(items['b.pdf']).toMatchObject({
      state: 'failed',
      attempts: 1,
      message: '参数错误：无法识别票据内容',
    });
    expect(standIn.received).toHaveLength(1);
    expect(standIn.invoices()).toHaveLength(1);
  });

  test('「重试失败项」 sends a failed upload again with its key', async () => {
    const h = await start({ service: { maxAttempts: 1 } });
    const inbox = tempDir('inbox');
    await h.service.addFolder({
      path: inbox,
      accountSetId: 'acc_demo1',
      recursive: false,
      afterUpload: 'leave',
    });
    standIn.failNext(2);
    writeFileSync(path.join(inbox, 'a.pdf'), samplePdf(1));
    await expect
      .poll(() => h.service.snapshot().items.find((i) => i.kind === 'upload')?.state, { timeout: 20_000 })
      .toBe('failed');
    expect(h.service.snapshot().items[0]?.message).toMatch(/^多次重试仍未成功：/);
    expect(h.service.retryFailed()).toBe(1);
    await expect.poll(() => standIn.invoices().length, { timeout: 20_000 }).toBe(1);
    await h.service.whenIdle();
    expect(h.service.snapshot().items[0]?.state).toBe('done');
  });

  test('move into 已处理 after success: every copy moved, nothing deleted, nothing uploaded again', async () => {
    const h = await start();
    const inbox = tempDir('inbox');
    await h.service.addFolder({
      path: inbox,
      accountSetId: 'acc_demo1',
      recursive: true,
      afterUpload: 'move',
    });
    writeFileSync(path.join(inbox, 'a.pdf'), samplePdf(1));
    writeFileSync(path.join(inbox, 'a 副本.pdf'), samplePdf(1));
    writeFileSync(path.join(inbox, 'b.pdf'), samplePdf(2));
    const processed = path.join(inbox, PROCESSED_FOLDER_NAME);
    await expect
      .poll(() => (existsSync(processed) ? readdirSync(processed).sort() : []), { timeout: 20_000 })
      .toEqual(['a 副本.pdf', 'a.pdf', 'b.pdf']);
    // A name already taken in 已处理 gets a number; the same content again is moved, not sent.
    writeFileSync(path.join(inbox, 'a.pdf'), samplePdf(1));
    await expect.poll(() => readdirSync(processed).length, { timeout: 20_000 }).toBe(4);
    await waitQuiet(h);
    expect(readdirSync(processed).sort()).toEqual(['a (2).pdf', 'a 副本.pdf', 'a.pdf', 'b.pdf']);
    expect(readFileSync(path.join(processed, 'a (2).pdf'))).toEqual(samplePdf(1));
    expect(readdirSync(inbox)).toEqual([PROCESSED_FOLDER_NAME]);
    expect(standIn.received).toHaveLength(2);
  });

  test('at start, files that arrived while closed are found by content; uploaded ones are not sent again', async () => {
    const userDataDir = tempDir('user-data');
    const inbox = tempDir('inbox');
    const first = await start({ userDataDir });
    await first.service.addFolder({
      path: inbox,
      accountSetId: 'acc_demo1',
      recursive: false,
      afterUpload: 'leave',
    });
    writeFileSync(path.join(inbox, 'a.pdf'), samplePdf(1));
    await expect.poll(() => standIn.invoices().length, { timeout: 20_000 }).toBe(1);
    await first.service.whenIdle();
    await first.close();
    harnesses.splice(harnesses.indexOf(first), 1);

    // While closed: a new invoice, a renamed old one, and the old one touched (mtime changes, content not).
    writeFileSync(path.join(inbox, 'b.pdf'), samplePdf(2));
    copyFileSync(path.join(inbox, 'a.pdf'), path.join(inbox, 'a-改名.pdf'));
    writeFileSync(path.join(inbox, 'a.pdf'), samplePdf(1));

    const second = await start({ userDataDir });
    expect(second.service.snapshot().folders.map((f) => f.path)).toEqual([inbox]);
    await expect.poll(() => standIn.invoices().length, { timeout: 20_000 }).toBe(2);
    await waitQuiet(second);
    expect(uploadedHashes()).toEqual([sha256(samplePdf(1)), sha256(samplePdf(2))]);
    expect(standIn.received).toHaveLength(2);
  });

  test('pause stops uploads of the folder, resume continues; remove forgets it but never touches its files', async () => {
    const h = await start();
    const inbox = tempDir('inbox');
    const folder = await h.service.addFolder({
      path: inbox,
      accountSetId: 'acc_demo1',
      recursive: false,
      afterUpload: 'leave',
    });
    const paused = await h.service.updateFolder({ id: folder.id, paused: true });
    expect(paused.status).toBe('paused');
    writeFileSync(path.join(inbox, 'a.pdf'), samplePdf(1));
    await waitQuiet(h);
    expect(standIn.received).toHaveLength(0);
    await h.service.updateFolder({ id: folder.id, paused: false });
    await expect.poll(() => standIn.invoices().length, { timeout: 20_000 }).toBe(1);
    await h.service.removeFolder(folder.id);
    expect(h.service.snapshot().folders).toEqual([]);
    expect(h.settings.get().watchedFolders).toEqual([]);
    expect(readdirSync(inbox)).toEqual(['a.pdf']);
    writeFileSync(path.join(inbox, 'b.pdf'), samplePdf(2));
    await waitQuiet(h);
    expect(standIn.received).toHaveLength(1);
  });

  test('another engine (scope) has its own queue: after a switch the folder is uploaded there once, under another key', async () => {
    let scope = 'local';
    const h = await start({ service: { scope: () => scope } });
    const inbox = tempDir('inbox');
    await h.service.addFolder({
      path: inbox,
      accountSetId: 'acc_demo1',
      recursive: false,
      afterUpload: 'leave',
    });
    writeFileSync(path.join(inbox, 'a.pdf'), samplePdf(1));
    await expect.poll(() => standIn.invoices().length, { timeout: 20_000 }).toBe(1);
    scope = 'cloud:https://books.example.cn';
    h.service.connectionChanged();
    await expect.poll(() => standIn.invoices().length, { timeout: 20_000 }).toBe(2);
    h.service.connectionChanged();
    await waitQuiet(h);
    expect(standIn.received).toHaveLength(2);
    expect(new Set(standIn.received.map((r) => r.idempotencyKey)).size).toBe(2);
  });

  test('folders are checked before they are watched: missing, a file, relative, the app data folder, overlapping', async () => {
    const h = await start();
    const inbox = tempDir('inbox');
    const add = (p: string) =>
      h.service.addFolder({ path: p, accountSetId: 'acc_demo1', recursive: true, afterUpload: 'leave' });
    const refusal = async (p: string) => {
      const error = await add(p).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(UserFacingError);
      return (error as UserFacingError).message;
    };
    expect(await refusal(path.join(inbox, 'nope'))).toBe('文件夹不存在');
    writeFileSync(path.join(inbox, 'file.pdf'), samplePdf(1));
    expect(await refusal(path.join(inbox, 'file.pdf'))).toBe('该路径不是文件夹');
    expect(await refusal('relative/folder')).toBe('请输入文件夹的完整路径（绝对路径）');
    expect(await refusal(h.userDataDir)).toBe('不能监控应用自己的数据文件夹');
    expect(await refusal(path.join(h.userDataDir, 'logs'))).toBe('不能监控应用自己的数据文件夹');
    expect(await refusal(path.dirname(h.userDataDir))).toBe(
      '该文件夹包含应用自己的数据文件夹，不能监控；请选择存放票据的子文件夹',
    );
    expect(await refusal('/')).toBe('不能监控整个磁盘的根目录');
    mkdirSync(path.join(inbox, '.ssh'));
    expect(await refusal(path.join(inbox, '.ssh'))).toBe('不能监控隐藏文件夹（名称以 . 开头）');
    await add(inbox);
    mkdirSync(path.join(inbox, 'sub'));
    expect(await refusal(path.join(inbox, 'sub'))).toMatch(/^该文件夹与已监控的文件夹重叠/);
    expect(h.settings.get().watchedFolders).toHaveLength(1);
  });
});

/** Lets events settle: two settle periods with nothing to read or send. */
async function waitQuiet(h: WatchHarness): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 700));
  await h.service.whenIdle();
  await new Promise((resolve) => setTimeout(resolve, 300));
  await h.service.whenIdle();
}
