/**
 * The 报表 section in headless Chromium over browser mode (needs `npx electron-vite build` first):
 * first render of the app and of a statement, switching statement and period from the cache
 * (click → painted, Chromium's Performance API in the page), and the renderer's JS sizes gzipped.
 * Prints figures; asserts nothing.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { startHarness } from '../tests/e2e/browser-harness.js';

const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const BUDGET_SWITCH_MS = 100;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

const assets = path.resolve(import.meta.dirname, '../out/renderer/assets');
const sizes = readdirSync(assets)
  .filter((f) => f.endsWith('.js'))
  .map((f) => ({
    f,
    raw: readFileSync(path.join(assets, f)).length,
    gz: gzipSync(readFileSync(path.join(assets, f))).length,
  }))
  .sort((a, b) => b.gz - a.gz);
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
const initial = sizes.filter((s) => s.f.startsWith('index-'));
console.log(
  `渲染进程 JS：首屏 ${kb(initial.reduce((t, s) => t + s.gz, 0))} gzip（共 ${String(sizes.length)} 个文件，全部 ${kb(sizes.reduce((t, s) => t + s.gz, 0))} gzip）`,
);
for (const s of sizes.slice(0, 6)) console.log(`  ${s.f}: ${kb(s.raw)}，gzip ${kb(s.gz)}`);

const h = await startHarness();
try {
  const call = async (name: string, args: unknown) => {
    const answer = await h.mode.services.router.dispatch(name, args, h.mode.server.origin);
    if (!answer.ok) throw new Error(answer.error.message);
    return answer.data as never;
  };
  const sets: { data: { accounts: { id: string; status: string }[] } } = await call('listAccountSets', {});
  const setId = sets.data.accounts.find((s) => s.status === 'active')?.id ?? '';
  for (let m = 1; m <= 3; m += 1) {
    const date = `2026-0${String(m)}-10`;
    await call('createVoucher', {
      voucher: {
        account_id: setId,
        date,
        entries: [
          { abstract: '收款', account_code: '1002', debit: 1000 * m, credit: 0 },
          { abstract: '收入', account_code: '5001', debit: 0, credit: 1000 * m },
        ],
      },
    });
  }
  await call('setUiState', {
    accountSetId: setId,
    period: { kind: 'month', startDate: '2026-03-01', endDate: '2026-03-31' },
  });

  const { page } = h;
  const firstRender: number[] = [];
  for (let i = 0; i < 3; i += 1) {
    await page.goto(`${h.mode.server.url}#/reports/balance`);
    await page.getByTestId('statement').getByText('会小企01表').waitFor({ timeout: 30_000 });
    firstRender.push(await page.evaluate(() => performance.now()));
  }
  const fcp = await page.evaluate(
    () => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN,
  );

  /** Click → the wanted text is in the DOM and a frame has painted, timed inside the page. */
  // A string, not a function: the bundler's name helpers do not exist inside the page.
  const SWITCH_SCRIPT = `async ([clickText, waitText]) => {
    const target = clickText.startsWith('css:')
      ? document.querySelector(clickText.slice(4))
      : [...document.querySelectorAll('[role="tab"], button')].find((e) => e.textContent.trim() === clickText);
    if (!target) throw new Error('no ' + clickText);
    const start = performance.now();
    target.click();
    await new Promise((resolve) => {
      const check = () => {
        const statement = document.querySelector('[data-testid="statement"]');
        if (statement && statement.textContent.includes(waitText)) resolve();
        else requestAnimationFrame(check);
      };
      check();
    });
    await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    return performance.now() - start;
  }`;
  const timeSwitch = (clickText: string, waitText: string): Promise<number> =>
    page.evaluate<number>(`(${SWITCH_SCRIPT})(${JSON.stringify([clickText, waitText])})`);

  // Warm the caches once, then measure statement switches.
  for (const [tab, form] of [
    ['利润表', '会小企02表'],
    ['现金流量表', '会小企03表'],
    ['资产负债表', '会小企01表'],
  ] as const)
    await timeSwitch(tab, form);
  const switches: number[] = [];
  for (let i = 0; i < RUNS; i += 1) {
    switches.push(await timeSwitch('利润表', '会小企02表'));
    switches.push(await timeSwitch('资产负债表', '会小企01表'));
  }
  // Period: 上一期 / 下一期 between two months already seen.
  await page.getByRole('button', { name: '上一期' }).click();
  await page.getByTestId('statement').getByText('2026年2月28日').waitFor();
  await page.getByRole('button', { name: '下一期' }).click();
  await page.getByTestId('statement').getByText('2026年3月31日').waitFor();
  const periodSwitches: number[] = [];
  for (let i = 0; i < RUNS; i += 1) {
    periodSwitches.push(await timeSwitch('css:button[aria-label="上一期"]', '2026年2月28日'));
    periodSwitches.push(await timeSwitch('css:button[aria-label="下一期"]', '2026年3月31日'));
  }
  console.log(
    `首次打开资产负债表（导航到表格出现，页面内 performance.now）：${median(firstRender).toFixed(0)} ms；首次内容绘制 ${fcp.toFixed(0)} ms`,
  );
  console.log(
    `切换报表（已缓存，点击到绘制）：中位数 ${median(switches).toFixed(1)} ms，最大 ${Math.max(...switches).toFixed(1)} ms（预算 ≤ ${String(BUDGET_SWITCH_MS)} ms${median(switches) <= BUDGET_SWITCH_MS ? '，达标' : '，超出'}）`,
  );
  console.log(
    `切换期间（已缓存，上一期/下一期，点击到绘制）：中位数 ${median(periodSwitches).toFixed(1)} ms，最大 ${Math.max(...periodSwitches).toFixed(1)} ms`,
  );
} finally {
  await h.close();
}
