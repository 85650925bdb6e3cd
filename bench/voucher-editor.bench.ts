/**
 * The 凭证 section's budgets, printed as figures (nothing asserted):
 *   1. the account picker answering a query over a 2,000-account chart (budget ≤ 10 ms), in Node
 *      with the renderer's own index (pinyin initials built once per chart);
 *   2. keystroke to paint in the editor with 50 lines (budget ≤ 16 ms), in headless Chromium over
 *      browser mode with the real engine: keydown (capture) → the frame after React's commit, read
 *      with the Performance API (performance.now in a requestAnimationFrame, then a message-channel
 *      task that runs once the frame is painted);
 *   3. the voucher list with 10,000 vouchers of one month: time to the first rows, and frame times
 *      while scrolling from top to bottom (pages of 100 load as it scrolls); frames over 50 ms count
 *      as jank.
 */
import { rmSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import dayjs from 'dayjs';
import type { ChartAccountView } from '../shared/api/ledger.js';
import { buildAccountIndex, searchAccounts } from '../renderer/src/pages/vouchers/editor/accountIndex.js';
import { defaultChartView } from '../renderer/src/pages/vouchers/testing/chartFixture.js';
import { startHarness } from '../tests/e2e/browser-harness.js';

const PICKER_RUNS = Number(process.env.BENCH_RUNS ?? 300);
const LIST_VOUCHERS = Number(process.env.BENCH_LIST_VOUCHERS ?? 10_000);
const ONLY_EDITOR = process.env.BENCH_ONLY_EDITOR === '1';

function stats(samples: readonly number[]): { median: number; p95: number; max: number } {
  const sorted = samples.toSorted((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
  return { median: at(0.5), p95: at(0.95), max: sorted[sorted.length - 1] ?? NaN };
}

function report(label: string, samples: readonly number[], budgetMs: number): void {
  const { median, p95, max } = stats(samples);
  console.log(
    `${label.padEnd(30)} 中位数 ${median.toFixed(3).padStart(8)} ms   p95 ${p95.toFixed(3).padStart(8)} ms   最大 ${max.toFixed(3).padStart(8)} ms   （N=${String(samples.length)}，预算 ${String(budgetMs)} ms，${p95 <= budgetMs ? '达标' : '未达标'}）`,
  );
}

// ——— 1. picker over 2,000 accounts ———

const NAME_CHARS = '华东南北星辰海天金银泰和信达兴盛宏伟科技贸易实业发展恒通远大中联安康利民顺丰永嘉明辉';

function syntheticChart(size: number): ChartAccountView[] {
  const chart = defaultChartView();
  const parents = ['1122', '2202', '1405', '2241', '1221', '5001', '5401'];
  for (const parent of parents) {
    const at = chart.findIndex((a) => a.code === parent);
    if (at >= 0) chart[at] = { ...chart[at], is_leaf: false } as ChartAccountView;
  }
  let i = 0;
  while (chart.length < size) {
    const parent = parents[i % parents.length] ?? '1122';
    const n = Math.floor(i / parents.length) + 1;
    const name = Array.from(
      { length: 4 },
      (_, k) => NAME_CHARS[(i * 7 + k * 13 + n) % NAME_CHARS.length],
    ).join('');
    chart.push({
      code: `${parent}${String(n).padStart(4, '0')}`,
      name: `${name}有限公司`,
      class: '资产',
      side: 'debit',
      parent,
      is_leaf: true,
      tags: [],
    });
    i += 1;
  }
  return chart;
}

function benchPicker(): void {
  const chart = syntheticChart(2_000);
  const t0 = performance.now();
  const index = buildAccountIndex(chart);
  const buildMs = performance.now() - t0;
  console.log(`科目表 ${String(chart.length)} 个科目，建立拼音索引 ${buildMs.toFixed(1)} ms（每个账套一次）`);
  const queries = ['bgf', '1122', '11220042', '有限公司', 'hdnb', '办公', 'yhck', '5602', 'x', 'kj'];
  const samples: number[] = [];
  for (let run = 0; run < PICKER_RUNS; run += 1) {
    for (const q of queries) {
      const start = performance.now();
      searchAccounts(index, q);
      samples.push(performance.now() - start);
    }
  }
  report('科目选择器查询（2,000 科目）', samples, 10);
}

// ——— 2 and 3: in Chromium ———

const KEYSTROKE_PROBE = `
  window.__zxeKeySamples = [];
  window.__zxeWorkSamples = [];
  window.addEventListener('keydown', () => {
    const t0 = performance.now();
    // A task after the key's own: its keydown, input and React's synchronous render are done.
    setTimeout(() => window.__zxeWorkSamples.push(performance.now() - t0), 0);
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => window.__zxeKeySamples.push(performance.now() - t0);
      channel.port2.postMessage(0);
    });
  }, true);
`;

const FRAME_PROBE = `
  window.__zxeFrames = [];
  let last = performance.now();
  const tick = (now) => { window.__zxeFrames.push(now - last); last = now; if (!window.__zxeStop) requestAnimationFrame(tick); };
  requestAnimationFrame(tick);
`;

/** The part of an HTML element the scroll loop uses (this file compiles without the DOM's types). */
interface ScrollBox {
  scrollTop: number;
  clientHeight: number;
  scrollHeight: number;
  scrollBy(x: number, y: number): void;
}

async function benchBrowser(): Promise<void> {
  const h = await startHarness();
  try {
    const base = h.mode.server.url.split('#')[0] ?? h.mode.server.url;
    await h.page.goto(h.mode.server.url);
    await h.page.getByTestId('accounts-table').getByText('演示科技有限公司').waitFor({ timeout: 30_000 });
    const sets = await h.mode.services.router.dispatch('listAccountSets', {}, h.mode.server.origin);
    if (!sets.ok) throw new Error('无法读取账套');
    const accounts = (sets.data as { data: { accounts: { id: string; name: string }[] } }).data.accounts;
    const accountSetId = accounts.find((s) => s.name === '演示科技有限公司')?.id;
    if (!accountSetId) throw new Error('没有演示账套');

    // A 50-line draft, restored into the editor.
    const lines = Array.from({ length: 50 }, (_, i) => ({
      abstract: `第${String(i + 1)}行摘要`,
      accountCode: i % 2 === 0 ? '560203' : '1002',
      debit: i % 2 === 0 ? String(100 + i) : '',
      credit: i % 2 === 0 ? '' : String(99 + i),
    }));
    const saved = await h.mode.services.router.dispatch(
      'saveVoucherDraft',
      {
        accountSetId,
        draftKey: 'new',
        draft: { date: dayjs().format('YYYY-MM-DD'), attachmentCount: 0, attachments: [], lines },
      },
      h.mode.server.origin,
    );
    if (!saved.ok) throw new Error(saved.error.message);
    await h.page.goto(`${base}#/vouchers/new`);
    await h.page.getByTestId('restore-draft').click();
    await h.page.getByLabel('第50行摘要').waitFor();
    await h.page.evaluate(KEYSTROKE_PROBE);
    await h.page.getByLabel('第25行摘要').click();
    await h.page.keyboard.press('End');
    await h.page.keyboard.type('baoxiaochailvfei', { delay: 30 });
    await h.page.getByLabel('第26行贷方金额').click();
    await h.page.keyboard.press('End');
    await h.page.keyboard.type('1234567', { delay: 30 });
    for (let i = 0; i < 10; i += 1) await h.page.keyboard.press('Backspace', { delay: 30 });
    await h.page.waitForTimeout(300);
    const keySamples = await h.page.evaluate<number[]>('window.__zxeKeySamples');
    const workSamples = await h.page.evaluate<number[]>('window.__zxeWorkSamples');
    report('按键处理（50 行，到渲染完成）', workSamples, 16);
    report('按键到绘制（50 行分录）', keySamples, 16);

    if (ONLY_EDITOR) return;
    // 10,000 vouchers of this month, posted straight to the engine (concurrently, with the app's key).
    const connection = await h.mode.services.engine.connection();
    const date = dayjs().format('YYYY-MM-DD');
    const t0 = performance.now();
    let next = 0;
    const post = async (): Promise<void> => {
      while (next < LIST_VOUCHERS) {
        const n = (next += 1);
        const amount = (n % 997) + 1;
        const body = JSON.stringify({
          account_id: accountSetId,
          date,
          entries: [
            { abstract: `批量凭证${String(n)}`, account_code: '560203', debit: amount, credit: 0 },
            { abstract: `批量凭证${String(n)}`, account_code: '1002', debit: 0, credit: amount },
          ],
        });
        for (;;) {
          const response = await fetch(`${connection.baseUrl}/api/v2/voucher/create`, {
            method: 'POST',
            headers: { Authorization: `Bearer ${connection.apiKey}`, 'Content-Type': 'application/json' },
            body,
          });
          await response.arrayBuffer();
          if (response.ok) break;
          if (response.status !== 429) throw new Error(`凭证写入失败：HTTP ${String(response.status)}`);
          // The local key's rate limit: wait as told and send again.
          await new Promise((resolve) =>
            setTimeout(resolve, Number(response.headers.get('retry-after') ?? '1') * 1000),
          );
        }
      }
    };
    await Promise.all(Array.from({ length: 8 }, post));
    console.log(`写入 ${String(LIST_VOUCHERS)} 张凭证用时 ${((performance.now() - t0) / 1000).toFixed(1)} s`);

    await h.page.goto(`${base}#/accounts`);
    const open = performance.now();
    await h.page.goto(`${base}#/vouchers`);
    await h.page.getByTestId('voucher-row').first().waitFor({ timeout: 30_000 });
    console.log(
      `凭证列表首屏（${String(LIST_VOUCHERS)} 张中的第 1 页）${(performance.now() - open).toFixed(0)} ms`,
    );
    await h.page.evaluate(FRAME_PROBE);
    const scroller = h.page.getByTestId('voucher-list').locator('div[style*="overflow-y"]');
    const scrollStart = performance.now();
    for (let step = 0; step < 400; step += 1) {
      await scroller.evaluate((el: ScrollBox) => el.scrollBy(0, 1200));
      await h.page.waitForTimeout(16);
      const done = await scroller.evaluate(
        (el: ScrollBox) => el.scrollTop + el.clientHeight >= el.scrollHeight - 2,
      );
      const rows = await h.page.getByTestId('voucher-list-summary').innerText();
      if (done && step > 10 && !rows.includes('共 0')) {
        const last = await h.page.getByTestId('voucher-row').last().innerText();
        if (last.includes(`记-${String(LIST_VOUCHERS)}`)) break;
      }
    }
    const scrollMs = performance.now() - scrollStart;
    const frames = await h.page.evaluate<number[]>('window.__zxeStop = true, window.__zxeFrames.slice(1)');
    const jank = frames.filter((f) => f > 50).length;
    const rendered = await h.page.getByTestId('voucher-row').count();
    console.log(
      `滚动到第 ${String(LIST_VOUCHERS)} 张用时 ${(scrollMs / 1000).toFixed(1)} s；DOM 中同时只有 ${String(rendered)} 行`,
    );
    report('滚动时每帧间隔', frames, 50);
    console.log(`超过 50 ms 的帧：${String(jank)} / ${String(frames.length)}`);
  } finally {
    const dir = h.userDataDir;
    await h.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

benchPicker();
await benchBrowser();
