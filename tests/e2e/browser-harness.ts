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
