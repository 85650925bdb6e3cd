import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startHarness, type Harness } from './browser-harness.js';

// A key that looks real but exists nowhere: the UI only has to store it, never show it.
const USER_KEY = `sk_live_e2e${Math.random().toString(36).slice(2, 12)}Zq9j2K`;

describe('the app in headless Chromium (browser mode)', () => {
  let h: Harness;

  beforeAll(async () => {
    h = await startHarness();
  });

  afterAll(async () => {
    await h.close();
  });

  test('opens on the accounts page and lists the demo account sets from the local engine', async () => {
    await h.page.goto(h.mode.server.url);
    const table = h.page.getByTestId('accounts-table');
    await table.getByText('演示科技有限公司').waitFor({ timeout: 30_000 });
    await expect(table.getByText('演示贸易有限公司').count()).resolves.toBe(1);
    await expect(table.getByText('启用').count()).resolves.toBeGreaterThan(0);
    await expect(table.getByText('冻结').count()).resolves.toBeGreaterThan(0);
    for (const section of ['票据', '凭证', '报表', '文件夹监控', '设置']) {
      await expect(h.page.getByRole('menuitem', { name: section }).count()).resolves.toBe(1);
    }
    await h.screenshot('01-accounts');
  });

  test('the key can be set in 设置 and only its last four characters ever come back', async () => {
    await h.page.getByRole('menuitem', { name: '设置' }).click();
    const input = h.page.getByTestId('api-key-input');
    await input.fill(USER_KEY);
    await h.page.getByTestId('api-key-save').click();
    const status = h.page.getByTestId('api-key-status');
    await status.getByText(`已设置 ····${USER_KEY.slice(-4)}`).waitFor({ timeout: 10_000 });
    await expect(input.inputValue()).resolves.toBe('');
    await h.screenshot('02-settings-key-set');

    // Reload: the key persists in the store, and the page still only learns its last four.
    await h.page.reload();
    await h.page.getByRole('menuitem', { name: '设置' }).click();
    await h.page
      .getByTestId('api-key-status')
      .getByText(`····${USER_KEY.slice(-4)}`)
      .waitFor();

    const dom = await h.page.content();
    expect(dom).not.toContain(USER_KEY);
    expect(dom).not.toContain(USER_KEY.slice(0, -4));
    expect(h.ipcResponses.length).toBeGreaterThan(3);
    for (const body of h.ipcResponses) expect(body).not.toContain(USER_KEY);
    expect(h.logText()).not.toContain(USER_KEY);
  });

  test('the local engine key never reaches the page either', async () => {
    const localKey = await h.mode.services.engine.connection().then((c) => c.apiKey);
    expect(localKey).toMatch(/^sk_live_/);
    expect(await h.page.content()).not.toContain(localKey);
    for (const body of h.ipcResponses) expect(body).not.toContain(localKey);
    expect(h.logText()).not.toContain(localKey);
  });

  test('IPC over HTTP refuses a foreign origin and a foreign Host', async () => {
    const url = `${h.mode.server.origin}/__zxe/invoke/getSettings`;
    const foreign = await fetch(url, {
      method: 'POST',
      // With the session cookie, so that it is the Origin that is refused here.
      headers: { Origin: 'http://evil.example', 'Content-Type': 'application/json', Cookie: h.sessionCookie },
      body: '{}',
    });
    expect(await foreign.json()).toMatchObject({ ok: false, error: { code: 403, type: 'permission_error' } });

    // fetch() may not set Host; a raw request can, as a DNS-rebinding page effectively does.
    const rebindingStatus = await new Promise<number | undefined>((resolve, reject) => {
      const req = request(url, {
        method: 'POST',
        headers: {
          Origin: h.mode.server.origin,
          Host: 'evil.example',
          'Content-Type': 'application/json',
          Cookie: h.sessionCookie,
        },
      });
      req.on('response', (res) => {
        res.resume();
        resolve(res.statusCode);
      });
      req.on('error', reject);
      req.end('{}');
    });
    expect(rebindingStatus).toBe(403);
  });
});
