import { writeFileSync } from 'node:fs';
import { request } from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import type { IpcRouter } from '../main/ipc/router.js';
import { EventBus } from '../main/services/events/event-bus.js';
import { tempDir } from '../main/testing/test-support.js';
import { startBrowserServer, type BrowserServer } from './browser-server.js';

// Browser mode's stand-in for the preload: the router is a recorder here, the HTTP side is real.
let server: BrowserServer;
const seen: { name: string; origin: string | undefined; signal: AbortSignal }[] = [];
const router: IpcRouter = {
  dispatch: (name, _args, origin, signal = new AbortController().signal) => {
    seen.push({ name, origin, signal });
    if (name === 'slow') {
      return new Promise((resolve) => {
        signal.addEventListener('abort', () =>
          resolve({ ok: false, error: { code: 0, message: '请求已取消', type: 'cancelled' } }),
        );
      });
    }
    return Promise.resolve({ ok: true, data: { name } });
  },
};

beforeAll(async () => {
  const staticDir = tempDir('browser-static');
  writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>t</title>');
  server = await startBrowserServer({ router, events: new EventBus(), staticDir, port: 0 });
});

afterAll(async () => {
  await server.close();
});

function cookie(): string {
  return `${server.session.cookieName}=${server.session.token}`;
}

describe('browser-mode IPC over HTTP', () => {
  test('passes the page’s Origin to the router and answers with the CSP header', async () => {
    const response = await fetch(`${server.origin}/__zxe/invoke/getSettings`, {
      method: 'POST',
      headers: { Origin: server.origin, 'Content-Type': 'application/json', Cookie: cookie() },
      body: '{}',
    });
    expect(await response.json()).toEqual({ ok: true, data: { name: 'getSettings' } });
    expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(seen.at(-1)?.origin).toBe(server.origin);
  });

  test('a page that goes away mid-call (the HTTP response closes unfinished) cancels the work', async () => {
    const req = request(`${server.origin}/__zxe/invoke/slow`, {
      method: 'POST',
      headers: { Origin: server.origin, 'Content-Type': 'application/json', Cookie: cookie() },
    });
    req.on('error', () => undefined);
    req.end('{}');
    await vi.waitFor(() => expect(seen.at(-1)?.name).toBe('slow'));
    const call = seen.at(-1);
    expect(call?.signal.aborted).toBe(false);
    req.destroy();
    await vi.waitFor(() => expect(call?.signal.aborted).toBe(true));
  });
});
