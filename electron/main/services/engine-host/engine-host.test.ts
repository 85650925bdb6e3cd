import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { ApiClient } from '../../../../shared/api/client.js';
import type { EngineStatus } from '../../../../shared/ipc.js';
import { createLogger } from '../../logging/logger.js';
import { SecretRedactor } from '../../logging/secret-redactor.js';
import { MemorySecretBackend } from '../secrets/memory-backend.js';
import { SecretStore } from '../secrets/secret-store.js';
import { EngineHost } from './engine-host.js';
import type { EngineChild, EngineLauncher } from './engine-launcher.js';
import { nodeEngineLauncher } from './node-engine-launcher.js';

const ENGINE_ENTRY = path.resolve(import.meta.dirname, '../../../../server/engine-process.ts');
const hosts: EngineHost[] = [];

function makeHost(launch?: (real: EngineLauncher) => EngineLauncher) {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'zxe-engine-host-'));
  const logger = createLogger({ redactor: new SecretRedactor(), logDir: path.join(dataDir, 'logs') });
  const real = nodeEngineLauncher(ENGINE_ENTRY, logger);
  const statuses: EngineStatus[] = [];
  const secrets = new SecretStore(new MemorySecretBackend());
  const host = new EngineHost({
    launch: launch ? launch(real) : real,
    dataDir,
    secrets,
    logger,
    onStatus: (s) => statuses.push(s),
    restartDelaysMs: [50],
  });
  hosts.push(host);
  return { host, statuses, secrets };
}

afterEach(async () => {
  await Promise.all(hosts.splice(0).map((h) => h.stop()));
});

describe('EngineHost (local mode)', () => {
  test('starts the engine in its own process on loopback with a locally generated key', async () => {
    const { host, statuses, secrets } = makeHost();
    const { baseUrl, apiKey } = await host.connection();
    expect(baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(apiKey).toMatch(/^sk_live_[A-Za-z0-9]{32}$/);
    expect(await secrets.readForRequest('local-engine')).toBe(apiKey);
    expect(statuses.map((s) => s.state)).toEqual(['starting', 'running']);

    const { accounts } = await new ApiClient({ baseUrl, apiKey }).listAccounts();
    expect(accounts.map((a) => a.status).sort()).toEqual(['active', 'frozen']);
  });

  test('restarts the engine when it dies, with the same key and data', async () => {
    let child: EngineChild | undefined;
    const { host } = makeHost((real) => () => (child = real()));
    const first = await host.connection();
    const before = await new ApiClient(first).listAccounts();

    child?.kill();
    await expect.poll(() => host.status.state, { timeout: 15_000 }).toBe('failed');
    await expect.poll(() => host.status.state, { timeout: 15_000 }).toBe('running');
    const second = await host.connection();
    expect(second.apiKey).toBe(first.apiKey);
    expect(second.baseUrl).not.toBe(first.baseUrl);
    expect(await new ApiClient(second).listAccounts()).toEqual(before);
  });

  test('stop ends the process and reports stopped; a failing engine reports failed', async () => {
    const { host } = makeHost();
    const { baseUrl, apiKey } = await host.connection();
    await host.stop();
    expect(host.status.state).toBe('stopped');
    await expect(new ApiClient({ baseUrl, apiKey, timeoutMs: 2_000 }).listAccounts()).rejects.toThrow();

    const broken = makeHost(() => () => ({
      postMessage: () => undefined,
      onMessage: (listener) => setTimeout(() => listener({ type: 'failed', message: '数据库无法打开' }), 10),
      onExit: () => undefined,
      kill: () => undefined,
    }));
    await expect(broken.host.connection()).rejects.toThrow('数据库无法打开');
    expect(broken.host.status).toEqual({ state: 'failed', message: '本地引擎启动失败：数据库无法打开' });
  });
});
