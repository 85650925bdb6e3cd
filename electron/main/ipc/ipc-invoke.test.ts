import { EventEmitter } from 'node:events';
import { describe, expect, test, vi } from 'vitest';
import { APP_ORIGIN, makeOriginCheck } from '../security/trusted-url.js';
import { invokeThroughRouter } from './ipc-invoke.js';
import { createIpcRouter, type IpcHandlers } from './router.js';

function routerWith(handlers: Partial<IpcHandlers>) {
  return createIpcRouter({
    handlers: handlers as IpcHandlers,
    isTrustedOrigin: makeOriginCheck([APP_ORIGIN]),
  });
}

const view = {
  mode: 'local' as const,
  cloudBaseUrl: 'https://api.zhangxiaoer.com',
  cloudKey: { set: false, last4: null },
  secretStorage: 'memory' as const,
  engine: { state: 'running' as const },
  reachability: 'online' as const,
};

describe('the Electron IPC adapter', () => {
  test('checks the sending frame’s origin: an iframe of another origin or a gone frame is refused', async () => {
    const getSettings = vi.fn(() => Promise.resolve(view));
    const router = routerWith({ getSettings });
    const sender = new EventEmitter();
    await expect(
      invokeThroughRouter(router, 'getSettings', { senderFrame: { origin: APP_ORIGIN }, sender }, {}),
    ).resolves.toEqual({ ok: true, data: view });
    for (const senderFrame of [{ origin: 'https://evil.example' }, { origin: 'null' }, null, undefined]) {
      await expect(
        invokeThroughRouter(router, 'getSettings', { senderFrame, sender }, {}),
      ).resolves.toMatchObject({ ok: false, error: { code: 403 } });
    }
    expect(getSettings).toHaveBeenCalledOnce();
    expect(sender.listenerCount('destroyed')).toBe(0);
  });

  test('the window going away cancels the call in flight', async () => {
    let seen: AbortSignal | undefined;
    const router = routerWith({
      listAccountSets: (_args, { signal }) =>
        new Promise((_, reject) => {
          seen = signal;
          signal.addEventListener('abort', () => reject(new Error('aborted')));
        }),
    });
    const sender = new EventEmitter();
    const pending = invokeThroughRouter(
      router,
      'listAccountSets',
      { senderFrame: { origin: APP_ORIGIN }, sender },
      {},
    );
    await vi.waitFor(() => expect(seen).toBeDefined());
    sender.emit('destroyed');
    expect(seen?.aborted).toBe(true);
    await expect(pending).resolves.toMatchObject({ ok: false });
    expect(sender.listenerCount('destroyed')).toBe(0);
  });
});
