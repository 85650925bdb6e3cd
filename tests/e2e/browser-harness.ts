import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { startBrowserMode, type BrowserMode } from '../../electron/browser/start-browser-mode.js';

export const ARTIFACTS_DIR = path.resolve(import.meta.dirname, 'artifacts');

/** The app in browser mode with a fresh user-data folder, plus headless Debian Chromium. */
export interface Harness {
  mode: BrowserMode;
  browser: Browser;
  page: Page;
  userDataDir: string;
  /** Every IPC answer as the server sent it. */
  ipcResponses: string[];
  /**
   * `Cookie` header value of this launch's browser session, for requests made outside the page.
   * The page gets it itself: `mode.server.url` carries the token, which the server trades for it.
   */
  sessionCookie: string;
  screenshot(name: string): Promise<string>;
  logText(): string;
  close(): Promise<void>;
}

/** The name of an IPC call the app's router answers. */
export type IpcName = Parameters<BrowserMode['services']['router']['dispatch']>[0];

/** One IPC call through the app's router, as the page makes it; a refusal throws its message. */
export async function callIpc(h: Harness, name: IpcName, args: unknown): Promise<unknown> {
  const answer = await h.mode.services.router.dispatch(name, args, h.mode.server.origin);
  if (!answer.ok) throw new Error(answer.error.message);
  return answer.data;
}

/**
 * Opens the app, waits until the account-set list shows the demo set, and makes it the workspace's
 * set with `period`. Answers the app's address without its hash and the demo set's id.
 */
export async function openDemoAccountSet(
  h: Harness,
  period: { kind: string; startDate: string; endDate: string },
  timeoutMs: number,
): Promise<{ base: string; accountSetId: string }> {
  const base = h.mode.server.url.split('#')[0] ?? h.mode.server.url;
  await h.page.goto(h.mode.server.url);
  await h.page.getByTestId('accounts-table').getByText('演示科技有限公司').waitFor({ timeout: timeoutMs });
  const sets = (await callIpc(h, 'listAccountSets', {})) as {
    data: { accounts: { id: string; name: string }[] };
  };
  const demo = sets.data.accounts.find((s) => s.name === '演示科技有限公司');
  if (!demo) throw new Error('demo account set missing');
  await callIpc(h, 'setUiState', { accountSetId: demo.id, period });
  return { base, accountSetId: demo.id };
}

export async function startHarness(): Promise<Harness> {
  const userDataDir = mkdtempSync(path.join(os.tmpdir(), 'zxe-e2e-'));
  const ipcResponses: string[] = [];
  const mode = await startBrowserMode({
    userDataDir,
    port: 0,
    // The test command runs inside a private D-Bus session with gnome-keyring: use the real keychain.
    secrets: process.env.ZXE_KEYRING_AVAILABLE === '1' ? 'keychain' : 'memory',
    keychainService: `zhangxiaoer-desktop-e2e-${String(process.pid)}`,
    onIpcResponse: (_name, body) => ipcResponses.push(body),
  });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN' });
  mkdirSync(ARTIFACTS_DIR, { recursive: true });

  return {
    mode,
    browser,
    page,
    userDataDir,
    ipcResponses,
    sessionCookie: `${mode.server.session.cookieName}=${mode.server.session.token}`,
    async screenshot(name) {
      const file = path.join(ARTIFACTS_DIR, `${name}.png`);
      // Let antd's enter animations finish so the picture shows the settled page.
      await page.waitForTimeout(600);
      await page.screenshot({ path: file, fullPage: true });
      return file;
    },
    logText() {
      const dir = path.join(userDataDir, 'logs');
      return readdirSync(dir)
        .map((f) => readFileSync(path.join(dir, f), 'utf8'))
        .join('\n');
    },
    async close() {
      await browser.close();
      await mode.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}
