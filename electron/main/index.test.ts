import { beforeEach, describe, expect, test, vi } from 'vitest';

// index.ts is lifecycle only; evaluated against a fake `electron`, it shows what it registers.
const fake = vi.hoisted(() => ({
  lock: true,
  quit: vi.fn(),
  whenReady: vi.fn(() => new Promise<never>(() => undefined)),
  listeners: new Map<string, (...args: unknown[]) => void>(),
  windows: [] as { isMinimized: () => boolean; restore: () => void; focus: () => void }[],
  schemes: vi.fn(),
}));

vi.mock('electron', () => ({
  app: {
    isPackaged: false,
    getPath: () => '/tmp/zxe-index-test',
    setPath: vi.fn(),
    requestSingleInstanceLock: () => fake.lock,
    quit: fake.quit,
    whenReady: fake.whenReady,
    on: (name: string, listener: (...args: unknown[]) => void) => fake.listeners.set(name, listener),
  },
  BrowserWindow: { getAllWindows: () => fake.windows },
  protocol: { registerSchemesAsPrivileged: fake.schemes, handle: vi.fn() },
  net: {},
  session: {},
  shell: {},
  ipcMain: { handle: vi.fn() },
  utilityProcess: {},
}));

beforeEach(() => {
  vi.resetModules();
  fake.listeners.clear();
  fake.quit.mockClear();
  fake.whenReady.mockClear();
});

describe('main entry (index.ts)', () => {
  test('a second instance quits at once, before anything starts', async () => {
    fake.lock = false;
    await import('./index.js');
    expect(fake.quit).toHaveBeenCalledOnce();
    expect(fake.whenReady).not.toHaveBeenCalled();
    expect(fake.listeners.size).toBe(0);
  });

  test('the first instance takes the lock, registers app:// and focuses its window when started again', async () => {
    fake.lock = true;
    await import('./index.js');
    expect(fake.quit).not.toHaveBeenCalled();
    expect(fake.whenReady).toHaveBeenCalledOnce();
    expect(fake.schemes).toHaveBeenCalledWith([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ]);
    const window = { isMinimized: () => true, restore: vi.fn(), focus: vi.fn() };
    fake.windows = [window];
    fake.listeners.get('second-instance')?.();
    expect(window.restore).toHaveBeenCalledOnce();
    expect(window.focus).toHaveBeenCalledOnce();
  });
});
