import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startHarness, type Harness } from './browser-harness.js';

describe('offline badge, cached data, and the way to 设置 (browser mode)', () => {
  let h: Harness;

  beforeAll(async () => {
    h = await startHarness();
  });

  afterAll(async () => {
    await h.close();
  });

  test('with the engine stopped the page keeps its data, marked as cache, and the header says 离线', async () => {
    await h.page.goto(h.mode.server.url);
    const table = h.page.getByTestId('accounts-table');
    await table.getByText('演示科技有限公司').waitFor({ timeout: 30_000 });
    await expect(h.page.getByTestId('offline-badge').count()).resolves.toBe(0);

    await h.mode.services.engine.stop();
    await h.page.getByRole('button', { name: '刷新' }).click();
    await h.page.getByTestId('offline-badge').waitFor({ timeout: 15_000 });
    await h.page.getByTestId('cache-source-tag').waitFor();
    await expect(table.getByText('演示科技有限公司').count()).resolves.toBe(1);
    await h.screenshot('03-offline-cache');

    // Back: the reachability event refetches, the badges go.
    await h.mode.services.engine.start();
    await h.page.getByRole('button', { name: '刷新' }).click();
    await h.page.getByTestId('offline-badge').waitFor({ state: 'detached', timeout: 15_000 });
    await h.page.getByTestId('cache-source-tag').waitFor({ state: 'detached', timeout: 15_000 });
  });

  test('cloud mode without a key sends the user to 设置, saying why', async () => {
    const origin = h.mode.server.origin;
    const answer = await h.mode.services.router.dispatch('setConnection', { mode: 'cloud' }, origin);
    expect(answer.ok).toBe(true);
    await h.page.goto(`${h.mode.server.url}#/accounts`);
    await h.page.getByTestId('api-key-notice').waitFor({ timeout: 15_000 });
    expect(await h.page.getByTestId('api-key-notice').innerText()).toContain('云端模式需要 API Key');
    expect(new URL(h.page.url()).hash).toBe('#/settings');
    await h.screenshot('04-settings-key-needed');
  });
});
