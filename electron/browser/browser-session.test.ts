import { writeFileSync } from 'node:fs';
import { request } from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { IpcRouter } from '../main/ipc/router.js';
import { EventBus } from '../main/services/events/event-bus.js';
import { tempDir } from '../main/testing/test-support.js';
import { startBrowserServer, type BrowserServer } from './browser-server.js';
import { SESSION_TOKEN_BYTES } from './browser-session.js';

// Real HTTP requests, as curl or any other local process would send them, against the real server.
let server: BrowserServer;
const dispatched: string[] = [];
const router: IpcRouter = {
  dispatch: (name) => {
    dispatched.push(name);
    return Promise.resolve({ ok: true, data: { name } });
  },
};

beforeAll(async () => {
  const staticDir = tempDir('browser-session');
  writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>账小二</title>');
  server = await startBrowserServer({ router, events: new EventBus(), staticDir, port: 0 });
});
afterAll(async () => {
  await server.close();
});

interface RawAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** One HTTP/1.1 request with exactly these headers (Host and Origin included, forged or not). */
function send(
  method: string,
  pathAndQuery: string,
  headers: Record<string, string>,
  body?: string,
): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const req = request(`${server.origin}${pathAndQuery}`, { method, headers }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }));
      // An event stream never ends: its status and first bytes are enough.
      if (res.headers['content-type']?.startsWith('text/event-stream')) {
        res.once('data', () => {
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text });
          req.destroy();
        });
      }
    });
    req.on('error', reject);
    req.end(body);
  });
}

const host = (): string => new URL(server.origin).host;
const forged = (): Record<string, string> => ({
  Host: host(),
  Origin: server.origin,
  'Sec-Fetch-Site': 'same-origin',
  'Content-Type': 'application/json',
});
const withCookie = (): Record<string, string> => ({
  ...forged(),
  Cookie: `${server.session.cookieName}=${server.session.token}`,
});

describe('browser mode behind a per-launch secret', () => {
  test('the printed address carries a random token of at least 128 bits', () => {
    const url = new URL(server.url);
    const token = url.searchParams.get('token') ?? '';
    expect(token).toBe(server.session.token);
    expect(Buffer.from(token, 'base64url').length).toBeGreaterThanOrEqual(16);
    expect(Buffer.from(token, 'base64url').length).toBe(SESSION_TOKEN_BYTES);
  });

  test('without the token, forged Host and Origin get 403 on every /__zxe/ call and on the page', async () => {
    const before = dispatched.length;
    for (const name of ['listAccountSets', 'createVoucher', 'setConnection', 'clearApiKey']) {
      const answer = await send('POST', `/__zxe/invoke/${name}`, forged(), '{}');
      expect(answer.status, name).toBe(403);
      expect(JSON.parse(answer.body)).toMatchObject({
        ok: false,
        error: { code: 403, type: 'permission_error' },
      });
    }
    expect((await send('GET', '/__zxe/events', forged())).status).toBe(403);
    const page = await send('GET', '/', forged());
    expect(page.status).toBe(403);
    expect(page.body).toContain('token');
    expect(dispatched.length).toBe(before);
  });

  test('a wrong token or a wrong cookie is refused the same way', async () => {
    const wrong = `${server.session.token.slice(0, -2)}AA`;
    expect((await send('GET', `/?token=${wrong}`, forged())).status).toBe(403);
    expect((await send('GET', '/?token=', forged())).status).toBe(403);
    const badCookies = [
      `${server.session.cookieName}=${wrong}`,
      `${server.session.cookieName}=`,
      `zxe_session_000000000000=${server.session.token}`,
      `other=${server.session.token}`,
    ];
    for (const cookie of badCookies) {
      const answer = await send('POST', '/__zxe/invoke/getSettings', { ...forged(), Cookie: cookie }, '{}');
      expect(answer.status, cookie).toBe(403);
    }
    // The token goes in the address only; as a query on an IPC call it opens nothing.
    const tokenInQuery = await send(
      'POST',
      `/__zxe/invoke/getSettings?token=${server.session.token}`,
      forged(),
      '{}',
    );
    expect(tokenInQuery.status).toBe(403);
  });

  test('the token is traded for an HttpOnly SameSite=Strict cookie and dropped from the address', async () => {
    const answer = await send('GET', `/?token=${server.session.token}&x=1`, forged());
    expect(answer.status).toBe(303);
    expect(answer.headers.location).toBe('/?x=1');
    const setCookie = String(answer.headers['set-cookie']);
    expect(setCookie).toContain(`${server.session.cookieName}=${server.session.token}`);
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Strict/);
  });

  test('the redirect stays on this origin, and the token leaves the address even with a cookie', async () => {
    for (const path of ['/.//evil.example/', '//evil.example/', '/\\evil.example/', '/%2F%2Fevil.example/']) {
      const sneaky = await send('GET', `${path}?token=${server.session.token}`, forged());
      expect(sneaky.status, path).toBe(303);
      const location = String(sneaky.headers.location);
      expect(location, path).toMatch(/^\/(?![/\\])/);
      expect(new URL(location, server.origin).origin, path).toBe(server.origin);
    }
    const again = await send('GET', `/?token=${server.session.token}`, withCookie());
    expect(again.status).toBe(303);
    expect(again.headers.location).toBe('/');
  });

  test('with the cookie, the page, IPC calls and the event stream work', async () => {
    const page = await send('GET', '/', withCookie());
    expect(page.status).toBe(200);
    expect(page.body).toContain('账小二');
    const call = await send('POST', '/__zxe/invoke/getSettings', withCookie(), '{}');
    expect(call.status).toBe(200);
    expect(JSON.parse(call.body)).toEqual({ ok: true, data: { name: 'getSettings' } });
    expect(dispatched.at(-1)).toBe('getSettings');
    const events = await send('GET', '/__zxe/events', withCookie());
    expect(events.status).toBe(200);
    expect(events.headers['content-type']).toMatch(/^text\/event-stream/);
  });

  test('the Host check still stands with a valid cookie (DNS rebinding)', async () => {
    const answer = await send(
      'POST',
      '/__zxe/invoke/getSettings',
      { ...withCookie(), Host: 'evil.example' },
      '{}',
    );
    expect(answer.status).toBe(403);
  });
});
