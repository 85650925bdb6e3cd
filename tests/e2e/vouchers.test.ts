import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { voucherListResponseSchema } from '../../shared/api/ledger.js';
import { startHarness, type Harness } from './browser-harness.js';

/** The 凭证 section over browser mode with the real local engine, driven like a bookkeeper would. */
describe('凭证: keyboard-only entry, the outbox, drafts (browser mode)', () => {
  let h: Harness;
  let base: string;
  let accountSetId: string;

  beforeAll(async () => {
    h = await startHarness();
    base = h.mode.server.url.split('#')[0] ?? h.mode.server.url;
    await h.page.goto(h.mode.server.url);
    await h.page.getByTestId('accounts-table').getByText('演示科技有限公司').waitFor({ timeout: 30_000 });
    const sets = await h.mode.services.router.dispatch('listAccountSets', {}, h.mode.server.origin);
    if (!sets.ok) throw new Error('no account sets');
    const data = sets.data as { data: { accounts: { id: string; name: string }[] } };
    const demo = data.data.accounts.find((s) => s.name === '演示科技有限公司');
    if (!demo) throw new Error('demo account set missing');
    accountSetId = demo.id;
  });

  afterAll(async () => {
    await h.close();
  });

  async function vouchersWithAbstract(abstract: string): Promise<string[]> {
    const answer = await h.mode.services.router.dispatch(
      'listVouchers',
      { accountSetId, search: abstract, page: 1, pageSize: 100 },
      h.mode.server.origin,
    );
    if (!answer.ok) throw new Error(answer.error.message);
    const list = voucherListResponseSchema.parse((answer.data as { data: unknown }).data);
    return list.vouchers.filter((v) => v.entries[0]?.abstract === abstract).map((v) => v.voucher_no);
  }

  async function openEditor(): Promise<void> {
    await h.page.goto(`${base}#/vouchers/new`);
    await h.page.getByLabel('第1行摘要').waitFor({ timeout: 15_000 });
    // The keyboard starts in the first 摘要 cell.
    await expect
      .poll(() => h.page.locator(':focus').getAttribute('aria-label'), { timeout: 10_000 })
      .toBe('第1行摘要');
  }

  /** 摘要 → Enter → account by pinyin → Enter → debit → Enter Enter (next line, 摘要 carried) → account → Tab → `=`. */
  async function typeVoucher(abstract: string, debitPinyin: string, creditPinyin: string, amount: string) {
    const k = h.page.keyboard;
    await k.type(abstract);
    await k.press('Enter');
    await k.type(debitPinyin);
    await h.page.getByTestId('account-picker').waitFor();
    await k.press('Enter');
    await k.type(amount);
    await k.press('Enter');
    await k.press('Enter');
    await k.press('Enter');
    await k.type(creditPinyin);
    await h.page.getByTestId('account-picker').waitFor();
    await k.press('Enter');
    await k.press('Tab');
    await k.press('=');
  }

  test('a voucher typed with the keyboard only (pinyin picker, = to balance, Ctrl+S) appears as 记-N in the list', async () => {
    await openEditor();
    await h.page
      .getByTestId('editor-number')
      .getByText(/记字第 \d+ 号/)
      .waitFor();
    const expectedNo = (await h.page.getByTestId('editor-number').innerText()).replace(
      /记字第 (\d+) 号/,
      '记-$1',
    );
    await h.page.keyboard.type('采购');
    await h.page.keyboard.press('Enter');
    await h.page.keyboard.type('bgf');
    await h.page.getByTestId('account-picker').waitFor();
    await h.screenshot('vouchers-01-picker-1280');
    await h.page.keyboard.press('Escape');
    await h.page.getByLabel('第1行摘要').focus();
    await h.page.keyboard.press('Control+a');
    await typeVoucher('键盘录入办公用品', 'bgf', 'yhck', '1234.5');
    await expect(h.page.getByLabel('第1行会计科目').inputValue()).resolves.toBe('560203 管理费用-办公费');
    await expect(h.page.getByLabel('第2行会计科目').inputValue()).resolves.toBe('1002 银行存款');
    await expect(h.page.getByLabel('第2行摘要').inputValue()).resolves.toBe('键盘录入办公用品');
    await expect(h.page.getByTestId('editor-total-credit').innerText()).resolves.toBe('1,234.50');
    await expect(h.page.getByTestId('editor-total-words').innerText()).resolves.toBe(
      '合计：壹仟贰佰叁拾肆元伍角整',
    );
    await h.screenshot('vouchers-02-editor-balanced-1280');
    await h.page.setViewportSize({ width: 1024, height: 700 });
    await h.screenshot('vouchers-02-editor-balanced-1024');
    await h.page.setViewportSize({ width: 1280, height: 800 });

    await h.page.keyboard.press('Control+s');
    await h.page.getByTestId('voucher-view').waitFor({ timeout: 15_000 });
    await expect(h.page.getByTestId('voucher-number').innerText()).resolves.toBe(
      expectedNo.replace(/记-(\d+)/, '记字第 $1 号'),
    );
    await expect(
      h.page.getByTestId('voucher-lines').getByTestId('voucher-capital').innerText(),
    ).resolves.toBe('壹仟贰佰叁拾肆元伍角整');
    await h.screenshot('vouchers-03-view-1280');

    await h.page.goto(`${base}#/vouchers`);
    const row = h.page.getByTestId('voucher-row').filter({ hasText: '键盘录入办公用品' });
    await row.waitFor({ timeout: 15_000 });
    await expect(row.innerText()).resolves.toContain(expectedNo);
    await expect(row.innerText()).resolves.toContain('1,234.50');
    await h.screenshot('vouchers-04-list-1280');
    await h.page.setViewportSize({ width: 1024, height: 700 });
    await h.screenshot('vouchers-04-list-1024');
    await h.page.setViewportSize({ width: 1280, height: 800 });
    expect(await vouchersWithAbstract('键盘录入办公用品')).toEqual([expectedNo]);
  });

  test('the list searches by 摘要 through the engine', async () => {
    await h.page.goto(`${base}#/vouchers`);
    const search = h.page.getByTestId('voucher-search').locator('input');
    await search.fill('键盘录入');
    await search.press('Enter');
    await h.page.getByTestId('voucher-list-summary').getByText('共 1 张').waitFor({ timeout: 15_000 });
    await search.fill('没有这样的摘要');
    await search.press('Enter');
    await h.page.getByText('没有符合条件的凭证').waitFor({ timeout: 15_000 });
  });

  test('红字冲销 from the view posts a linked red voucher; the original shows 已冲销', async () => {
    await h.page.goto(`${base}#/accounts`);
    await h.page.goto(`${base}#/vouchers`);
    await h.page.getByTestId('voucher-row').filter({ hasText: '键盘录入办公用品' }).first().click();
    await h.page.getByTestId('reverse-voucher').click();
    await h.page.getByTestId('reversal-preview').waitFor();
    await expect(h.page.getByTestId('reversal-preview').innerText()).resolves.toContain('-1,234.50');
    await h.screenshot('vouchers-05-reversal-1280');
    await h.page.getByRole('button', { name: '生成红字凭证' }).click();
    await h.page.getByTestId('voucher-status').getByText('红字冲销').waitFor({ timeout: 15_000 });
    await h.page.getByText('打开原凭证').click();
    await h.page.getByTestId('voucher-status').getByText('已冲销').waitFor({ timeout: 15_000 });
    await expect(h.page.getByTestId('reverse-voucher').count()).resolves.toBe(0);
  });

  test('saving while the engine is down queues the voucher (待发送); after the restart it is sent exactly once', async () => {
    await openEditor();
    await typeVoucher('断网时录入的凭证', 'kcxj', 'yhck', '88');
    await h.mode.services.engine.stop();
    await h.page.keyboard.press('Control+s');
    // Queued: the editor hands over to the list, where the voucher waits as 待发送.
    const pending = h.page.getByTestId('voucher-row-pending');
    await pending.first().waitFor({ timeout: 30_000 });
    await expect(pending.first().innerText()).resolves.toContain('待发送');
    await h.screenshot('vouchers-06-pending-1280');
    await h.page.setViewportSize({ width: 1024, height: 700 });
    await h.screenshot('vouchers-06-pending-1024');
    await h.page.setViewportSize({ width: 1280, height: 800 });

    await h.mode.services.engine.start();
    await h.page
      .getByTestId('voucher-row')
      .filter({ hasText: '断网时录入的凭证' })
      .waitFor({ timeout: 30_000 });
    await pending.first().waitFor({ state: 'detached', timeout: 15_000 });
    const sent = await vouchersWithAbstract('断网时录入的凭证');
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatch(/^记-\d+$/);
  });

  test('F4 opens the templates: 存为模板, then 从模板生成 fills a new voucher (kept per account set in main)', async () => {
    await openEditor();
    await typeVoucher('每月房租', 'zlf', 'yhck', '3000');
    await h.page.keyboard.press('F4');
    await h.page.getByTestId('template-name').fill('房租');
    await h.page.getByRole('button', { name: '存为模板' }).click();
    await h.page.getByTestId('template-list').getByText('房租').waitFor({ timeout: 10_000 });
    await h.screenshot('vouchers-08-templates-1280');
    await h.page.keyboard.press('Escape');
    await h.page.getByRole('button', { name: /保存并新增/ }).click();
    await expect.poll(() => h.page.getByLabel('第1行摘要').inputValue(), { timeout: 15_000 }).toBe('');
    await h.page.getByLabel('第1行摘要').focus();
    await h.page.keyboard.press('F4');
    await h.page
      .getByTestId('template-filter')
      .locator('input')
      .or(h.page.getByTestId('template-filter'))
      .first()
      .fill('房');
    await h.page.keyboard.press('Enter');
    await expect(h.page.getByLabel('第1行摘要').inputValue()).resolves.toBe('每月房租');
    await expect(h.page.getByLabel('第2行会计科目').inputValue()).resolves.toBe('1002 银行存款');
    await expect(h.page.getByTestId('editor-total-debit').innerText()).resolves.toBe('3,000.00');
    // The dialog hands the cursor back to the first 摘要 cell once it has closed.
    await h.page.getByTestId('template-list').waitFor({ state: 'detached', timeout: 10_000 });
    await expect
      .poll(() => h.page.locator(':focus').getAttribute('aria-label'), { timeout: 10_000 })
      .toBe('第1行摘要');
    await h.page.keyboard.press('Control+s');
    await h.page
      .getByTestId('voucher-view')
      .waitFor({ timeout: 15_000 })
      .catch(async (error: unknown) => {
        await h.screenshot('vouchers-08-templates-failed');
        throw error;
      });
    expect(await vouchersWithAbstract('每月房租')).toHaveLength(2);
  });

  test('reloading the page mid-edit offers the draft back from main’s cache', async () => {
    await openEditor();
    const k = h.page.keyboard;
    await k.type('没写完的凭证');
    await k.press('Enter');
    await k.type('bgf');
    await k.press('Enter');
    await k.type('66.6');
    // Autosave runs shortly after typing stops; wait for main to have it.
    await expect
      .poll(
        async () => {
          const answer = await h.mode.services.router.dispatch(
            'listVoucherDrafts',
            { accountSetId },
            h.mode.server.origin,
          );
          return answer.ok ? JSON.stringify(answer.data) : '';
        },
        { timeout: 10_000 },
      )
      .toContain('66.6');
    await h.page.reload();
    await h.page.getByTestId('draft-offer').waitFor({ timeout: 15_000 });
    await h.screenshot('vouchers-07-draft-offer-1280');
    await h.page.getByTestId('restore-draft').click();
    await expect(h.page.getByLabel('第1行摘要').inputValue()).resolves.toBe('没写完的凭证');
    await expect(h.page.getByLabel('第1行会计科目').inputValue()).resolves.toBe('560203 管理费用-办公费');
    await expect(h.page.getByLabel('第1行借方金额').inputValue()).resolves.toBe('66.60');
    await h.page.setViewportSize({ width: 1024, height: 700 });
    await h.screenshot('vouchers-07-draft-restored-1024');
    await h.page.setViewportSize({ width: 1280, height: 800 });
  });
});
