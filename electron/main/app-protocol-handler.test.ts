import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { createAppProtocolHandler } from './app-protocol-handler.js';
import { CONTENT_SECURITY_POLICY, parsePolicy } from './security/content-security-policy.js';
import { tempDir } from './testing/test-support.js';

// The handler Electron's protocol.handle('app', …) is given, called with real Fetch Requests; the
// Responses checked are the very objects Electron would hand to the renderer.
let handle: (request: Request) => Promise<Response>;
let outside: string;
beforeAll(() => {
  const base = tempDir('app-protocol');
  const renderer = path.join(base, 'renderer');
  mkdirSync(path.join(renderer, 'assets'), { recursive: true });
  writeFileSync(path.join(renderer, 'index.html'), '<!doctype html><title>账小二</title>');
  writeFileSync(path.join(renderer, 'assets', 'index-abc.js'), 'console.log(1)');
  writeFileSync(path.join(renderer, 'assets', 'ocr.wasm'), new Uint8Array([0, 97, 115, 109]));
  outside = path.join(base, 'secret.txt');
  writeFileSync(outside, 'not for the renderer');
  handle = createAppProtocolHandler(renderer);
});

function get(url: string, method = 'GET'): Promise<Response> {
  return handle(new Request(url, { method }));
}

function expectSecurityHeaders(response: Response): void {
  const csp = response.headers.get('content-security-policy') ?? '';
  expect(parsePolicy(csp)).toEqual(parsePolicy(CONTENT_SECURITY_POLICY));
  // Only a header can forbid framing; the meta tag in index.html cannot.
  expect(parsePolicy(csp).get('frame-ancestors')).toEqual(["'none'"]);
  expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  expect(response.headers.get('x-frame-options')).toBe('DENY');
  expect(response.headers.get('referrer-policy')).toBe('no-referrer');
  expect(response.headers.get('cross-origin-opener-policy')).toBe('same-origin');
}

describe('the app:// protocol handler', () => {
  test('serves index.html for / with the CSP and security headers on the Response itself', async () => {
    const response = await get('app://zxe/');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await response.text()).toContain('账小二');
    expectSecurityHeaders(response);
  });

  test('serves assets with their content types and the same headers', async () => {
    const script = await get('app://zxe/assets/index-abc.js');
    expect(script.status).toBe(200);
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expectSecurityHeaders(script);
    const wasm = await get('app://zxe/assets/ocr.wasm');
    expect(wasm.headers.get('content-type')).toBe('application/wasm');
    expect(new Uint8Array(await wasm.arrayBuffer())).toEqual(new Uint8Array([0, 97, 115, 109]));
  });

  test('refuses paths that leave the renderer folder, bad escapes, other hosts and writes, still with the headers', async () => {
    const cases: [string, string, number][] = [
      ['app://zxe/..%2fsecret.txt', 'GET', 403],
      ['app://zxe/assets/..%2f..%2fsecret.txt', 'GET', 403],
      ['app://zxe/%ZZ', 'GET', 403],
      ['app://zxe/index.html%00.js', 'GET', 403],
      ['app://zxe/missing.js', 'GET', 404],
      ['app://zxe/assets', 'GET', 404],
      ['app://other/index.html', 'GET', 404],
      ['app://zxe/index.html', 'POST', 405],
    ];
    for (const [url, method, status] of cases) {
      const response = await get(url, method);
      expect(response.status, `${method} ${url}`).toBe(status);
      expect(await response.text()).not.toContain('not for the renderer');
      expectSecurityHeaders(response);
    }
  });
});
