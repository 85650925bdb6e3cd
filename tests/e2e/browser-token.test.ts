import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startHarness, type Harness } from './browser-harness.js';

describe('browser mode opens only with the printed address (Chromium)', () => {
  let h: Harness;

  beforeAll(async () => {
    h = await startHarness();
  });

  afterAll(async () => {
    await h.close();
  });

  test('without the token the page says how to open it, and no call gets through', async () => {
    const context = await h.browser.newContext();
    const page = await context.newPage();
    const response = await page.goto(`${h.mode.server.origin}/`);
    expect(response?.status()).toBe(403);
    expect(await page.locator('body').innerText()).toContain('含 ?token=');
    const call = await page.evaluate(async () => {
      const answer = await fetch('/__zxe/invoke/listAccountSets', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: '{}',
      });
      return { status: answer.status, body: await answer.json() };
    });
    expect(call).toMatchObject({ status: 403, body: { ok: false, error: { code: 403 } } });
    await context.close();
  });

  test('with it, the app loads, the token leaves the address bar, and scripts cannot read the cookie', async () => {
    await h.page.goto(h.mode.server.url);
    await h.page.getByTestId('accounts-table').getByText('演示科技有限公司').waitFor({ timeout: 30_000 });
    expect(h.page.url()).not.toContain('token=');
    expect(await h.page.evaluate<string>('document.cookie')).not.toContain(h.mode.server.session.token);
    const [cookie] = await h.page.context().cookies(h.mode.server.origin);
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict' });
  });
});
