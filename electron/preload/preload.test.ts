import { describe, expect, test, vi } from 'vitest';
import { IPC_CALLS, IPC_EVENT_CHANNEL, ipcChannel } from '../../shared/ipc-channels.js';

// The preload is evaluated against a fake contextBridge and ipcRenderer: what it exposes is then
// exactly what a page would see as window.zxe.
const fake = vi.hoisted(() => ({
  exposed: new Map<string, unknown>(),
  invoke: vi.fn((channel: string, args: unknown) => Promise.resolve({ channel, args })),
  listeners: new Map<string, Set<(...args: unknown[]) => void>>(),
}));

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => fake.exposed.set(key, api) },
  ipcRenderer: {
    invoke: fake.invoke,
    on: (channel: string, listener: (...args: unknown[]) => void) => {
      const set = fake.listeners.get(channel) ?? new Set();
      set.add(listener);
      fake.listeners.set(channel, set);
    },
    removeListener: (channel: string, listener: (...args: unknown[]) => void) => {
      fake.listeners.get(channel)?.delete(listener);
    },
    send: vi.fn(),
    sendSync: vi.fn(),
  },
  webUtils: { getPathForFile: () => '' },
}));

await import('./index.js');

describe('preload', () => {
  test('exposes one object, window.zxe, and nothing else', () => {
    expect([...fake.exposed.keys()]).toEqual(['zxe']);
  });

  test('window.zxe holds functions only: one per IPC call plus onEvent and pathForFile — never ipcRenderer itself', () => {
    const zxe = fake.exposed.get('zxe') as Record<string, unknown>;
    expect(Object.keys(zxe).sort()).toEqual([...IPC_CALLS, 'onEvent', 'pathForFile'].sort());
    for (const [name, value] of Object.entries(zxe)) expect(typeof value, name).toBe('function');
    expect(Object.values(zxe)).not.toContain(fake.invoke);
    expect(JSON.stringify(Object.keys(zxe))).not.toMatch(/ipcRenderer|send|invoke|process|require/);
  });

  test('each call invokes its own channel, and only with the arguments given', async () => {
    const zxe = fake.exposed.get('zxe') as Record<string, (args: unknown) => Promise<unknown>>;
    await expect(zxe.getSettings?.({})).resolves.toEqual({ channel: ipcChannel('getSettings'), args: {} });
    await zxe.createVoucher?.({ voucher: 1 });
    expect(fake.invoke).toHaveBeenLastCalledWith('zxe:createVoucher', { voucher: 1 });
    expect(fake.invoke.mock.calls.every(([channel]) => channel.startsWith('zxe:'))).toBe(true);
  });

  test('onEvent hands over the payload only (not the IPC event) and unsubscribes', () => {
    const zxe = fake.exposed.get('zxe') as { onEvent(l: (e: unknown) => void): () => void };
    const received: unknown[] = [];
    const stop = zxe.onEvent((e) => received.push(e));
    const [listener] = fake.listeners.get(IPC_EVENT_CHANNEL) ?? [];
    listener?.({ sender: 'the ipcRenderer event object' }, { type: 'settings-changed' });
    expect(received).toEqual([{ type: 'settings-changed' }]);
    stop();
    expect(fake.listeners.get(IPC_EVENT_CHANNEL)?.size).toBe(0);
  });
});
