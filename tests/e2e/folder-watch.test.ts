import { createHash } from 'node:crypto';
import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { z } from 'zod';
import { startHarness, type Harness } from './browser-harness.js';

const DEMO_INVOICES = path.resolve(import.meta.dirname, '../../resources/demo-invoices');

/** 文件夹监控 over browser mode with the real local engine: a typed folder, files copied in, rows filling. */
describe('文件夹监控: add a folder on the page, copy invoices in, the rows fill and the engine holds each invoice once', () => {
  let h: Harness;
  let base: string;
  let inbox: string;

  beforeAll(async () => {
    h = await startHarness();
    base = h.mode.server.url.split('#')[0] ?? h.mode.server.url;
    inbox = mkdtempSync(path.join(os.tmpdir(), 'zxe-e2e-inbox-'));
    await h.page.goto(h.mode.server.url);
    // The local engine starts with the page; on a busy machine that takes a while.
    await h.page.getByTestId('accounts-table').getByText('演示科技有限公司').waitFor({ timeout: 80_000 });
  });

  afterAll(async () => {
    await h.close();
    rmSync(inbox, { recursive: true, force: true });
  });

  test('a path that is not a folder is refused with a reason; nothing is watched', async () => {
    await h.page.goto(`${base}#/folder-watch`);
    const pathInput = h.page.getByLabel('文件夹路径');
    await pathInput.fill(path.join(inbox, '不存在'));
    await h.page.getByRole('button', { name: '开始监控' }).click();
    await h.page.getByText('文件夹不存在').waitFor();
    await pathInput.fill(h.userDataDir);
    await h.page.getByRole('button', { name: '开始监控' }).click();
    await h.page.getByText('不能监控应用自己的数据文件夹').waitFor();
    await h.page.getByText('还没有监控的文件夹').waitFor();
  });

  test('typed folder watched; five demo invoices and an exe named .pdf copied in: five recognized, one clear error', async () => {
    await h.page.goto(`${base}#/folder-watch`);
    await h.page.getByLabel('文件夹路径').fill(inbox);
    await h.page.getByRole('button', { name: '开始监控' }).click();
    const folders = h.page.locator('.ant-card', { hasText: '监控中的文件夹' });
    await folders.getByText(inbox).waitFor();
    await folders.locator('.ant-tag', { hasText: '监控中' }).waitFor();
    await h.screenshot('folder-watch-added');

    const demo = readdirSync(DEMO_INVOICES).filter((f) => f !== 'index.json');
    expect(demo).toHaveLength(5);
    for (const file of demo) copyFileSync(path.join(DEMO_INVOICES, file), path.join(inbox, file));
    const exe = Buffer.alloc(4096);
    exe.write('MZ', 0, 'latin1');
    writeFileSync(path.join(inbox, '报销单.pdf'), exe);

    const files = h.page.locator('.ant-card', { hasText: '重试失败项' });
    await files.getByText('报销单.pdf').waitFor({ timeout: 30_000 });
    await expect
      .poll(async () => files.locator('.ant-tag', { hasText: '已识别' }).count(), { timeout: 120_000 })
      .toBe(5);
    await files.getByText('文件内容不是支持的票据格式（jpg、png、pdf、OFD、XML），未上传').waitFor();
    await h.page.getByText('本批已完成：6 / 6').waitFor();
    await folders.getByText('已识别 5 · 排队 0').waitFor();
    await h.screenshot('folder-watch-filled');

    // The same invoice again under another name: nothing new is uploaded.
    copyFileSync(path.join(DEMO_INVOICES, demo[0] ?? ''), path.join(inbox, '副本.pdf'));
    await h.page.waitForTimeout(3_000);
    await folders.getByText('已识别 5 · 排队 0').waitFor();
    expect(await files.locator('.ant-tag', { hasText: '已识别' }).count()).toBe(5);
  });

  test('a watched folder deleted from disk shows 出错 with its reason, and is watched again when it is back', async () => {
    const second = mkdtempSync(path.join(os.tmpdir(), 'zxe-e2e-second-'));
    await h.page.goto(`${base}#/folder-watch`);
    await h.page.getByLabel('文件夹路径').fill(second);
    await h.page.getByRole('button', { name: '开始监控' }).click();
    const row = h.page.locator('.ant-table-row', { hasText: second });
    await row.locator('.ant-tag', { hasText: '监控中' }).waitFor();
    rmSync(second, { recursive: true, force: true });
    await row.getByText('文件夹不存在或已被移走，正在等待它恢复').waitFor({ timeout: 30_000 });
    await row.locator('.ant-tag', { hasText: '出错' }).waitFor();
    await h.screenshot('folder-watch-folder-gone');
    mkdirSync(second);
    await row.locator('.ant-tag', { hasText: '监控中' }).waitFor({ timeout: 30_000 });
    await row.getByRole('button', { name: /移除/ }).click();
    await h.page.getByRole('button', { name: '移除', exact: true }).click();
    await row.waitFor({ state: 'detached' });
    rmSync(second, { recursive: true, force: true });
  });

  test('the engine holds each of the five invoices once, in the account set of the folder', async () => {
    const sets = await h.mode.services.router.dispatch('listAccountSets', {}, h.mode.server.origin);
    if (!sets.ok) throw new Error(sets.error.message);
    const demoSet = (sets.data as { data: { accounts: { id: string; name: string }[] } }).data.accounts.find(
      (set) => set.name === '演示科技有限公司',
    );
    const db = new Database(path.join(h.userDataDir, 'engine', 'engine.db'), { readonly: true });
    try {
      const rows = z
        .array(z.object({ file_sha256: z.string() }))
        .parse(db.prepare('SELECT file_sha256 FROM invoices WHERE account_set_id = ?').all(demoSet?.id));
      const expected = readdirSync(DEMO_INVOICES)
        .filter((f) => f !== 'index.json')
        .map((f) =>
          createHash('sha256')
            .update(readFileSync(path.join(DEMO_INVOICES, f)))
            .digest('hex'),
        );
      expect(rows.map((r) => r.file_sha256).sort()).toEqual(expected.sort());
    } finally {
      db.close();
    }
  });

  test('the 票据 list shows what the folder uploaded, in the month of each invoice', async () => {
    const sets = await h.mode.services.router.dispatch('listAccountSets', {}, h.mode.server.origin);
    if (!sets.ok) throw new Error(sets.error.message);
    const demoSet = (sets.data as { data: { accounts: { id: string; name: string }[] } }).data.accounts.find(
      (set) => set.name === '演示科技有限公司',
    );
    // The office-supplies demo invoice is dated 2024-06-08: open that month in the workspace.
    const period = { kind: 'month', startDate: '2024-06-01', endDate: '2024-06-30' };
    const chosen = await h.mode.services.router.dispatch(
      'setUiState',
      { accountSetId: demoSet?.id, period },
      h.mode.server.origin,
    );
    if (!chosen.ok) throw new Error(chosen.error.message);
    await h.page.goto(`${base}#/invoices`);
    const row = h.page.locator('tr.ant-table-row', { hasText: '上海朗润办公用品股份有限公司' }).first();
    await row.waitFor({ timeout: 30_000 });
    expect(await row.innerText()).toMatch(/2,?143\.62/);
    await h.screenshot('folder-watch-invoices-list');
  });
});
