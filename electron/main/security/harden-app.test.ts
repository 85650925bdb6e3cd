import { EventEmitter } from 'node:events';
import { beforeEach, describe, expect, test, vi } from 'vitest';

// The electron module is replaced by recorders: what hardenApp registers is then called directly.
const electron = vi.hoisted(() => {
  const appListeners = new Map<string, (...args: unknown[]) => void>();
  return {
    appListeners,
    permissionRequest: undefined as undefined | ((...args: unknown[]) => void),
    permissionCheck: undefined as undefined | ((...args: unknown[]) => boolean),
    headers: undefined as
      | undefined
      | ((details: { responseHeaders: Record<string, string[]> }, cb: (r: unknown) => void) => void),
    openExternal: vi.fn(() => Promise.resolve()),
  };
});

vi.mock('electron', () => ({
  app: {
    on: (name: string, listener: (...args: unknown[]) => void) => electron.appListeners.set(name, listener),
  },
  session: {
    defaultSession: {
      setPermissionRequestHandler: (handler: (...args: unknown[]) => void) =>
        (electron.permissionRequest = handler),
      setPermissionCheckHandler: (handler: (...args: unknown[]) => boolean) =>
        (electron.permissionCheck = handler),
      webRequest: { onHeadersReceived: (handler: typeof electron.headers) => (electron.headers = handler) },
    },
  },
  shell: { openExternal: electron.openExternal },
}));

const { hardenApp } = await import('./harden-app.js');
const { APP_ORIGIN, makeOriginCheck } = await import('./trusted-url.js');
const { CONTENT_SECURITY_POLICY } = await import('./content-security-policy.js');

class FakeContents extends EventEmitter {
  openHandler: ((details: { url: string }) => { action: string }) | undefined;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
    this.openHandler = handler;
  }
}

function navigationEvent(url?: string) {
  return { url, preventDefault: vi.fn() };
}

let contents: FakeContents;

beforeEach(() => {
  electron.openExternal.mockClear();
  const isApp = makeOriginCheck([APP_ORIGIN]);
  hardenApp((url) => isApp(url));
  contents = new FakeContents();
  electron.appListeners.get('web-contents-created')?.({}, contents);
});

describe('hardenApp', () => {
  test('navigation and redirects away from the app are cancelled; within the app they pass', () => {
    for (const name of ['will-navigate', 'will-redirect']) {
      const away = navigationEvent();
      contents.emit(name, away, 'https://evil.example/phish');
      expect(away.preventDefault, name).toHaveBeenCalledOnce();
      const inside = navigationEvent();
      contents.emit(name, inside, 'app://zxe/index.html#/settings');
      expect(inside.preventDefault, name).not.toHaveBeenCalled();
    }
    const frame = navigationEvent('file:///etc/passwd');
    contents.emit('will-frame-navigate', frame);
    expect(frame.preventDefault).toHaveBeenCalledOnce();
    const webview = navigationEvent();
    contents.emit('will-attach-webview', webview);
    expect(webview.preventDefault).toHaveBeenCalledOnce();
  });

  test('window.open is always denied; only http(s) links go to the OS browser', () => {
    expect(contents.openHandler?.({ url: 'https://www.chinatax.gov.cn/' })).toEqual({ action: 'deny' });
    expect(electron.openExternal).toHaveBeenCalledWith('https://www.chinatax.gov.cn/');
    for (const url of ['file:///etc/passwd', 'javascript:alert(1)', 'app://zxe/index.html', 'smb://x/y']) {
      expect(contents.openHandler?.({ url })).toEqual({ action: 'deny' });
    }
    expect(electron.openExternal).toHaveBeenCalledOnce();
  });

  test('every permission request and check is denied', () => {
    const callback = vi.fn();
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
      electron.permissionRequest?.(contents, permission, callback);
    }
    expect(callback.mock.calls).toEqual(Array.from({ length: 5 }, () => [false]));
    expect(electron.permissionCheck?.(contents, 'media', 'app://zxe')).toBe(false);
  });

  test('every response carries the CSP header', () => {
    const callback = vi.fn();
    electron.headers?.({ responseHeaders: { 'Content-Type': ['text/html'] } }, callback);
    expect(callback).toHaveBeenCalledWith({
      responseHeaders: {
        'Content-Type': ['text/html'],
        'Content-Security-Policy': [CONTENT_SECURITY_POLICY],
      },
    });
  });
});
