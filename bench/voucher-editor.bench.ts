/**
 * The 凭证 section's budgets, printed as figures (nothing asserted); every figure carries the 1-minute
 * load average it was taken at (the machine is shared):
 *   1. the account picker answering a query over a 2,000-account chart (budget ≤ 10 ms), in Node
 *      with the renderer's own index (pinyin initials built once per chart);
 *   2. keystroke to paint in the editor with 50 lines (budget ≤ 16 ms), in headless Chromium over
 *      browser mode with the real engine, read two ways: from the key event's own timestamp to the
 *      frame after it (a requestAnimationFrame, then a message-channel task that runs once that frame
 *      is painted), and the Event Timing API's `duration` of each keydown (timestamp → next paint, as
 *      the browser measures it; it reports only entries of 16 ms or more, so the rest count as
 *      "under 16"). The same keys typed into a bare <input> on the same page give the floor of that
 *      measurement on this machine (waiting for the next frame and painting the page). Supporting
 *      figures that do not depend on how busy the machine is: React components and grid rows
 *      rendered per key (read through React's devtools hook, so the app carries no counters) and the
 *      renderer main thread's CPU time per key from a Chromium trace;
 *   3. the voucher list with 10,000 vouchers of one month: time to the first rows, and frame times
 *      while scrolling from top to bottom (pages of 100 load as it scrolls); frames over 50 ms count
 *      as jank.
 */
import os from 'node:os';
import { rmSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import dayjs from 'dayjs';
import type { ChartAccountView } from '../shared/api/ledger.js';
import { buildAccountIndex, searchAccounts } from '../renderer/src/pages/vouchers/editor/accountIndex.js';
import { defaultChartView } from '../renderer/src/pages/vouchers/testing/chartFixture.js';
import type { Page } from 'playwright-core';
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
    `${label.padEnd(30)} 中位数 ${median.toFixed(3).padStart(8)} ms   p95 ${p95.toFixed(3).padStart(8)} ms   最大 ${max.toFixed(3).padStart(8)} ms   （N=${String(samples.length)}，预算 ${String(budgetMs)} ms，${p95 <= budgetMs ? '达标' : '未达标'}，${load()}）`,
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

/** Runs in the page before the app: per keydown, timestamp → task end and timestamp → painted frame. */
const KEYSTROKE_PROBE = `
  window.__zxeKeys = [];
  window.addEventListener('keydown', (event) => {
    const sample = { key: event.key, t0: event.timeStamp, work: NaN, paint: NaN };
    window.__zxeKeys.push(sample);
    // A task after the key's own: its keydown, input and React's synchronous render are done.
    setTimeout(() => { sample.work = performance.now() - sample.t0; }, 0);
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => { sample.paint = performance.now() - sample.t0; };
      channel.port2.postMessage(0);
    });
  }, true);
  window.__zxeEventTiming = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries())
      if (e.name === 'keydown')
        window.__zxeEventTiming.push({ start: e.startTime, duration: e.duration, processingEnd: e.processingEnd });
  }).observe({ type: 'event', durationThreshold: 16 });
`;

/**
 * Installed before React loads: React calls a devtools hook after every commit, in production builds
 * too. Counted (only while `on`): function / class / forwardRef components that ran their render in
 * the commit, and editor rows whose component rendered — the way React DevTools decides it (a fiber
 * rendered when it carries React's PerformedWork flag; a subtree whose child list was not cloned was
 * skipped whole).
 */
const RENDER_HOOK = `(() => {
  const counts = { on: false, commits: 0, components: 0, rows: 0 };
  window.__zxeRenders = counts;
  const RENDERS = new Set([0, 1, 11, 15]);
  function visit(fiber, ownerRendered) {
    const previous = fiber.alternate;
    let rendered = ownerRendered;
    if (RENDERS.has(fiber.tag)) {
      rendered = previous === null || (fiber.flags & 1) === 1;
      if (rendered) counts.components += 1;
    }
    if (fiber.tag === 5 && fiber.type === 'tr' && fiber.memoizedProps?.['data-testid'] === 'editor-row' && ownerRendered)
      counts.rows += 1;
    if (previous !== null && fiber.child === previous.child) return;
    for (let child = fiber.child; child; child = child.sibling) visit(child, rendered);
  }
  window.__REACT_DEVTOOLS_GLOBAL_HOOK__ = {
    supportsFiber: true,
    renderers: new Map(),
    inject() { return 1; },
    checkDCE() {},
    onScheduleFiberRoot() {},
    onCommitFiberUnmount() {},
    onPostCommitFiberRoot() {},
    onCommitFiberRoot(_id, root) {
      if (!counts.on) return;
      counts.commits += 1;
      visit(root.current, false);
    },
  };
})();`;

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

interface KeySample {
  key: string;
  t0: number;
  work: number;
  paint: number;
}

interface EventTimingSample {
  start: number;
  duration: number;
  processingEnd: number;
}

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  tdur?: number;
  args?: { name?: string };
}

const load = (): string => `负载 ${os.loadavg()[0]?.toFixed(2) ?? '?'}`;

/** Quantiles where a sample can be "under the threshold" (NaN): printed as < threshold. */
function thresholdQuantile(samples: readonly number[], q: number, threshold: number): string {
  const sorted = samples.map((x) => (Number.isNaN(x) ? -1 : x)).toSorted((a, b) => a - b);
  const value = sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? -1;
  return value < 0 ? `< ${String(threshold)}` : value.toFixed(0);
}

const EDITOR_ROUNDS = Number(process.env.BENCH_EDITOR_ROUNDS ?? 3);
const KEYS_PER_ROUND = 'baoxiaochailvfei'.length + '1234567'.length + 10;

/** One round of typing: 摘要 of line 25, then an amount on line 26 typed and erased again. */
async function typeRound(page: Page, into?: string): Promise<void> {
  await page.getByLabel(into ?? '第25行摘要').click();
  await page.keyboard.press('End');
  await page.keyboard.type('baoxiaochailvfei', { delay: 30 });
  await page.getByLabel(into ?? '第26行贷方金额').click();
  await page.keyboard.press('End');
  await page.keyboard.type('1234567', { delay: 30 });
  for (let i = 0; i < 10; i += 1) await page.keyboard.press('Backspace', { delay: 30 });
  await page.waitForTimeout(300);
}

/** Types `rounds` rounds and returns the samples of the keys typed (not the End that places the caret). */
async function timedRounds(page: Page, rounds: number, into?: string): Promise<KeySample[]> {
  await page.evaluate('window.__zxeKeys.length = 0; window.__zxeEventTiming.length = 0');
  for (let round = 0; round < rounds; round += 1) await typeRound(page, into);
  const keys = await page.evaluate<KeySample[]>('window.__zxeKeys');
  return keys.filter((k) => k.key !== 'End');
}

async function eventTimingFor(page: Page, keys: readonly KeySample[]): Promise<number[]> {
  const entries = await page.evaluate<EventTimingSample[]>('window.__zxeEventTiming');
  // Match each key to its entry by timestamp; keys without one took under 16 ms.
  return keys.map((k) => entries.find((e) => Math.abs(e.start - k.t0) < 1)?.duration ?? NaN);
}

function reportKeys(label: string, keys: readonly KeySample[], timing: readonly number[]): void {
  report(
    `${label}：按键处理`,
    keys.map((k) => k.work),
    16,
  );
  report(
    `${label}：按键到绘制`,
    keys.map((k) => k.paint),
    16,
  );
  const over = timing.filter((d) => !Number.isNaN(d));
  console.log(
    `${`${label}：Event Timing`.padEnd(30)} 中位数 ${thresholdQuantile(timing, 0.5, 16).padStart(8)} ms   p95 ${thresholdQuantile(timing, 0.95, 16).padStart(8)} ms   ≥ 16 ms 的按键 ${String(over.length)} / ${String(timing.length)}   （${load()}）`,
  );
}

/** Main-thread CPU of the renderer from a trace: all tasks, script, style + layout, paint. */
function traceCpu(buffer: Buffer): { task: number; script: number; layout: number; paint: number } {
  const events = (JSON.parse(buffer.toString('utf8')) as { traceEvents: TraceEvent[] }).traceEvents;
  const main = new Set(
    events
      .filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
      .map((e) => `${String(e.pid)}:${String(e.tid)}`),
  );
  const spans = events
    .filter((e) => e.ph === 'X' && main.has(`${String(e.pid)}:${String(e.tid)}`))
    .toSorted((a, b) => a.ts - b.ts);
  /** CPU of the outermost events with these names (nested ones are inside their parent's). */
  const outermost = (names: ReadonlySet<string>): number => {
    let total = 0;
    let until = -Infinity;
    for (const e of spans) {
      if (!names.has(e.name) || e.ts < until) continue;
      until = e.ts + (e.dur ?? 0);
      total += e.tdur ?? e.dur ?? 0;
    }
    return total / 1000;
  };
  return {
    task: outermost(new Set(['RunTask', 'ThreadControllerImpl::RunTask'])),
    script: outermost(
      new Set(['EventDispatch', 'FunctionCall', 'TimerFire', 'FireAnimationFrame', 'RunMicrotasks']),
    ),
    layout: outermost(new Set(['UpdateLayoutTree', 'Layout'])),
    paint: outermost(new Set(['PrePaint', 'Paint', 'Layerize', 'Commit'])),
  };
}

/** One round typed under a Chromium trace: main-thread CPU (thread time: other processes do not count). */
async function tracedRound(
  page: Page,
  into?: string,
): Promise<{ task: number; script: number; layout: number; paint: number }> {
  const browser = page.context().browser();
  if (!browser) throw new Error('no browser');
  await browser.startTracing(page, {
    categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'toplevel'],
  });
  await typeRound(page, into);
  return traceCpu(await browser.stopTracing());
}

async function benchBrowser(): Promise<void> {
  const h = await startHarness();
  try {
    await h.page.addInitScript(RENDER_HOOK);
    const base = h.mode.server.url.split('#')[0] ?? h.mode.server.url;
    await h.page.goto(h.mode.server.url);
    await h.page.getByTestId('accounts-table').getByText('演示科技有限公司').waitFor({ timeout: 60_000 });
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
    // One round to warm up (JIT, first renders of each cell), not counted.
    await typeRound(h.page);

    // The floor: the same keys into a bare input on the same page, no React involved.
    await h.page.evaluate(`(() => {
      const input = document.createElement('input');
      input.setAttribute('aria-label', '基准输入框');
      input.style.cssText = 'position:fixed;top:4px;right:4px;z-index:9999;width:160px';
      document.body.appendChild(input);
    })()`);
    const floorKeys = await timedRounds(h.page, EDITOR_ROUNDS, '基准输入框');
    const floorTiming = await eventTimingFor(h.page, floorKeys);
    // The floor's main-thread CPU per key, traced the same way as the editor's below.
    const floorCpu = await tracedRound(h.page, '基准输入框');
    await h.page.evaluate(`document.querySelector('[aria-label="基准输入框"]').remove()`);
    const editorKeys = await timedRounds(h.page, EDITOR_ROUNDS);
    const editorTiming = await eventTimingFor(h.page, editorKeys);
    reportKeys('空白输入框（测量下限）', floorKeys, floorTiming);
    reportKeys('凭证编辑器（50 行分录）', editorKeys, editorTiming);

    // React's work per key, counted through the devtools hook (a separate round: counting costs).
    await h.page.evaluate(
      'Object.assign(window.__zxeRenders, { on: true, commits: 0, components: 0, rows: 0 })',
    );
    await typeRound(h.page);
    const renders = await h.page.evaluate<{ commits: number; components: number; rows: number }>(
      'window.__zxeRenders.on = false, window.__zxeRenders',
    );
    const perKey = (n: number) => (n / KEYS_PER_ROUND).toFixed(1);
    console.log(
      `每个按键：React 提交 ${perKey(renders.commits)} 次，渲染组件 ${perKey(renders.components)} 个，渲染分录行 ${perKey(renders.rows)} 行（共 ${String(KEYS_PER_ROUND)} 键）`,
    );

    const cpu = await tracedRound(h.page);
    const ms = (x: number) => (x / KEYS_PER_ROUND).toFixed(2);
    for (const [label, c] of [
      ['凭证编辑器', cpu],
      ['空白输入框（下限）', floorCpu],
    ] as const)
      console.log(
        `每个按键的渲染进程主线程 CPU（${label}）：共 ${ms(c.task)} ms，其中脚本 ${ms(c.script)} ms、样式与布局 ${ms(c.layout)} ms、绘制 ${ms(c.paint)} ms（含 300 ms 静置，${load()}）`,
      );

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
