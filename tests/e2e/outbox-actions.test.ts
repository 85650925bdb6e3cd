import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  passThrough,
  startStandIn,
  type StandInServer,
} from '../../electron/main/testing/stand-in-server.js';
import { createTestEngine, listenOnRandomPort, type TestEngine } from '../../server/testing/test-engine.js';
import type { IpcCallName } from '../../shared/ipc-channels.js';
import type { IpcArgs, IpcData } from '../../shared/ipc.js';
import type { VoucherCreateRequest } from '../../shared/api/voucher.js';
import { startHarness, type Harness } from './browser-harness.js';

/**
 * 设置 → 待发送队列 and the header popover in Chromium, against a cloud stand-in on 127.0.0.1 that
 * does not honour Idempotency-Key: one write whose answer is lost after it committed (结果未知), one
 * the server first turns away (503) and then rejects (失败), one it keeps turning away (待发送 with
 * its next try), and the user's 确认已入账 and 放弃 on them.
 */
let h: Harness;
let cloud: TestEngine;
let server: StandInServer;
let rejectNow = false;

beforeAll(async () => {
  cloud = createTestEngine();
  const cloudUrl = await listenOnRandomPort(cloud.app);
  server = await startStandIn({
    upstream: cloudUrl,
    async handle(context) {
      const { url, body } = context.request;
      if (url === '/api/v2/voucher/create' && body.includes('结果未知')) {
        await context.forward({ dropIdempotencyKey: true });
        context.hangUp();
      } else if (url === '/api/v2/voucher/create' && body.includes('驳回') && rejectNow) {
        context.reply(
          400,
          JSON.stringify({
            error: { code: 400, message: '参数错误：科目 560203 已停用', type: 'invalid_request_error' },
          }),
        );
      } else if (url === '/api/v2/voucher/create' && (body.includes('驳回') || body.includes('稍后'))) {
        context.reply(503, '<html>Service Unavailable</html>', { 'content-type': 'text/html' });
      } else {
        passThrough(context, await context.forward({ dropIdempotencyKey: true }));
      }
    },
  });
  h = await startHarness();
});

afterAll(async () => {
  await h.close();
  await server.close();
  await cloud.close();
});

async function call<K extends IpcCallName>(name: K, args: IpcArgs<K>): Promise<IpcData<K>> {
  const answer = await h.mode.services.router.dispatch(name, args, h.mode.server.origin);
  if (!answer.ok) throw new Error(`${name}: ${JSON.stringify(answer.error)}`);
  return answer.data as IpcData<K>;
}

function voucher(accountId: string, abstract: string, amount: number): VoucherCreateRequest {
  return {
    account_id: accountId,
    date: '2024-03-15',
    entries: [
      { abstract, account_code: '560203', debit: amount, credit: 0 },
      { abstract: `付 ${abstract}`, account_code: '1002', debit: 0, credit: amount },
    ],
  };
}

const cloudVouchers = () => cloud.db.prepare('SELECT count(*) FROM vouchers').pluck().get() as number;

describe('the outbox in 设置 and in the header (browser mode)', () => {
  test('结果未知, 失败 and a write waiting out its backoff, each with its actions', async () => {
    await call('setConnection', { mode: 'cloud', cloudBaseUrl: server.url });
    await call('setApiKey', { key: cloud.tenantA.apiKey });
    const sets = await call('listAccountSets', {});
    const accountId = sets.data.accounts.find((a) => a.status === 'active')?.id ?? '';

    expect((await call('createVoucher', { voucher: voucher(accountId, '办公用品', 88) })).status).toBe(
      'created',
    );
    expect(
      (await call('createVoucher', { voucher: voucher(accountId, '结果未知 咨询费', 300) })).status,
    ).toBe('unknown');
    expect((await call('createVoucher', { voucher: voucher(accountId, '驳回 差旅费', 120) })).status).toBe(
      'queued',
    );
    rejectNow = true;
    expect((await call('createVoucher', { voucher: voucher(accountId, '稍后 快递费', 45) })).status).toBe(
      'queued',
    );
    expect(cloudVouchers()).toBe(2);

    await h.page.goto(`${h.mode.server.url}#/settings`);
    const card = h.page.getByTestId('outbox-card');
    await card.waitFor({ timeout: 30_000 });
    await expect(h.page.getByTestId('api-key-origin-note').innerText()).resolves.toBe(
      '更换服务器地址后需要重新输入 API Key',
    );
    await card.locator('[data-state="unknown"]').waitFor();
    // The rejected write fails once its backoff is over and the server answers 400.
    await card.locator('[data-state="failed"]').waitFor({ timeout: 45_000 });
    await expect(card.locator('[data-state="failed"]').innerText()).resolves.toContain('科目 560203 已停用');
    await expect(card.locator('[data-state="pending"]').innerText()).resolves.toContain('下次尝试');
    await expect(card.locator('[data-state="unknown"] [data-testid="outbox-confirm"]').count()).resolves.toBe(
      1,
    );
    await expect(card.locator('[data-state="unknown"] [data-testid="outbox-resend"]').count()).resolves.toBe(
      1,
    );
    await expect(card.locator('[data-state="failed"] [data-testid="outbox-retry"]').count()).resolves.toBe(1);
    await h.screenshot('10-settings-outbox');

    // The header popover lists the same items with the same actions.
    await h.page.getByTestId('outbox-status').click();
    const popover = h.page.locator('.ant-popover');
    await popover.locator('[data-state="unknown"]').waitFor();
    await h.screenshot('11-outbox-popover');
    await h.page.getByTestId('outbox-status').click();
    await popover.waitFor({ state: 'hidden' });

    // 确认已入账: done, nothing sent again.
    await card.locator('[data-state="unknown"] [data-testid="outbox-confirm"]').click();
    await card.locator('[data-state="unknown"]').waitFor({ state: 'detached', timeout: 15_000 });
    await expect(card.getByText('已确认入账（由用户核对）').count()).resolves.toBe(1);

    // 放弃 the failed one (asks first).
    await card.locator('[data-state="failed"] [data-testid="outbox-discard"]').click();
    await h.page.locator('.ant-popconfirm').getByRole('button', { name: '放弃' }).click();
    await card.locator('[data-state="failed"]').waitFor({ state: 'detached', timeout: 15_000 });
    await expect(card.getByTestId('outbox-counts').innerText()).resolves.toBe(
      '待发送 1 · 失败 0 · 结果未知 0',
    );
    expect(cloudVouchers()).toBe(2);
    await h.screenshot('12-settings-outbox-settled');
  });
});
