/**
 * The built engine (out/main/engine.js, made by `electron-vite build`) started as the desktop app
 * starts it: a child process with the engine's environment, the start message over IPC. Used by
 * the built-engine test and the engine RSS bench, which need the shipped bundle, not the sources.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { engineEnvironment } from '../../electron/main/services/engine-host/engine-launcher.js';
import { engineReplySchema } from '../../shared/engine-protocol.js';

export const BUILT_ENGINE_ENTRY = fileURLToPath(new URL('../../out/main/engine.js', import.meta.url));

export interface BuiltEngine {
  child: ChildProcess;
  pid: number;
  baseUrl: string;
  apiKey: string;
  /** The first demo account set's id. */
  accountId: string;
  /** POSTs one file to /api/v2/invoice/recognize as the API document's cURL example does. */
  recognize(bytes: Uint8Array, name: string): Promise<{ status: number; body: string }>;
  stop(): Promise<void>;
}

export async function startBuiltEngine(options: { logs?: boolean } = {}): Promise<BuiltEngine> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'zxe-built-engine-'));
  const apiKey = `sk_test_${randomBytes(24).toString('hex')}`;
  const output = options.logs ? 'inherit' : 'ignore';
  const child = fork(BUILT_ENGINE_ENTRY, [], {
    env: engineEnvironment(),
    execArgv: [],
    stdio: ['ignore', output, output, 'ipc'],
  });
  const reply = engineReplySchema.parse(
    await new Promise<unknown>((resolve, reject) => {
      child.once('message', resolve);
      child.once('exit', (code) => reject(new Error(`engine exited (${String(code)})`)));
      child.send({ type: 'start', dataDir, apiKey });
    }),
  );
  if (reply.type !== 'listening') throw new Error(reply.message);
  const baseUrl = `http://127.0.0.1:${String(reply.port)}`;
  const headers = { authorization: `Bearer ${apiKey}` };
  const accounts = z
    .object({ accounts: z.array(z.object({ id: z.string() })).min(1) })
    .parse(await (await fetch(`${baseUrl}/api/v2/accounts/list`, { headers })).json());
  const accountId = accounts.accounts[0]?.id ?? '';
  return {
    child,
    pid: child.pid ?? 0,
    baseUrl,
    apiKey,
    accountId,
    recognize: async (bytes, name) => {
      const form = new FormData();
      form.set('file', new Blob([bytes]), name);
      form.set('account_id', accountId);
      const response = await fetch(`${baseUrl}/api/v2/invoice/recognize`, {
        method: 'POST',
        headers,
        body: form,
      });
      return { status: response.status, body: await response.text() };
    },
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill();
        await exited;
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
