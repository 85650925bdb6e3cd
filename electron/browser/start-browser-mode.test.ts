import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { tempDir, waitUntil } from '../main/testing/test-support.js';
import { startBrowserMode, type BrowserMode } from './start-browser-mode.js';

// The whole browser mode (main's services, the real engine as a child process, the HTTP server),
// driven by curl-style requests that forge whatever headers a local process can forge.
let mode: BrowserMode;
let userDataDir: string;

beforeAll(async () => {
  userDataDir = tempDir('browser-mode');
  const staticDir = tempDir('browser-mode-static');
  writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>账小二</title>');
  mode = await startBrowserMode({ userDataDir, port: 0, secrets: 'memory', staticDir });
  await waitUntil(() => mode.services.engine.status.state === 'running', 60_000);
});
afterAll(async () => {
  await mode.close();
});

function invoke(
  name: string,
  headers: Record<string, string>,
  body = '{}',
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(`${mode.server.origin}/__zxe/invoke/${name}`, { method: 'POST', headers }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

function forgedHeaders(): Record<string, string> {
  return {
    Host: new URL(mode.server.origin).host,
    Origin: mode.server.origin,
    'Content-Type': 'application/json',
  };
}

describe('browser mode, as a hostile local process sees it', () => {
  test('forged Host and Origin without the token: 403 for every call, and nothing changes', async () => {
    const before = await invoke('getSettings', {
      ...forgedHeaders(),
      Cookie: `${mode.server.session.cookieName}=${mode.server.session.token}`,
    });
    for (const [name, body] of [
      ['listAccountSets', '{}'],
      ['getSettings', '{}'],
      ['setConnection', JSON.stringify({ mode: 'cloud' })],
      ['clearApiKey', '{}'],
    ] as const) {
      const answer = await invoke(name, forgedHeaders(), body);
      expect(answer.status, name).toBe(403);
      expect(answer.body, name).not.toContain('"ok":true');
    }
    const after = await invoke('getSettings', {
      ...forgedHeaders(),
      Cookie: `${mode.server.session.cookieName}=${mode.server.session.token}`,
    });
    expect(after.body).toBe(before.body);
  });

  test('with the session cookie the same calls reach the engine', async () => {
    const answer = await invoke('listAccountSets', {
      ...forgedHeaders(),
      Cookie: `${mode.server.session.cookieName}=${mode.server.session.token}`,
    });
    expect(answer.status).toBe(200);
    expect(answer.body).toContain('演示科技有限公司');
  });

  test('the token is in the address to print, never in a log line', () => {
    mode.logger.flush();
    expect(new URL(mode.server.url).searchParams.get('token')).toBe(mode.server.session.token);
    const logs = walk(path.join(userDataDir, 'logs'))
      .files.map((file) => readFileSync(file, 'utf8'))
      .join('\n');
    expect(logs).toContain('browser mode started');
    expect(logs).not.toContain(mode.server.session.token);
  });

  test('every file the app wrote (engine.db, cache.db, settings, logs) is 0600 in a 0700 folder', () => {
    const { files, dirs } = walk(userDataDir);
    const names = files.map((file) => path.basename(file));
    expect(names).toEqual(expect.arrayContaining(['engine.db', 'cache.db']));
    for (const file of files) expect((statSync(file).mode & 0o777).toString(8), file).toBe('600');
    for (const dir of dirs) expect((statSync(dir).mode & 0o777).toString(8), dir).toBe('700');
  });
});

function walk(dir: string): { files: string[]; dirs: string[] } {
  const files: string[] = [];
  const dirs: string[] = [dir];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      const inner = walk(full);
      files.push(...inner.files);
      dirs.push(...inner.dirs);
    } else files.push(full);
  }
  return { files, dirs };
}
