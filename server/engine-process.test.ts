import { fork, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { generateApiKey } from '../shared/api/api-key-format.js';
import { engineReplySchema, type EngineReply, type EngineStartMessage } from '../shared/engine-protocol.js';
import { waitForExit } from './testing/child-process-output.js';

const entry = fileURLToPath(new URL('./engine-process.ts', import.meta.url));

let dataDir: string;
const children: ChildProcess[] = [];
beforeEach(() => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'zxe-engine-process-'));
});
afterEach(async () => {
  for (const child of children.splice(0)) {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGKILL');
      await waitForExit(child);
    }
  }
  rmSync(dataDir, { recursive: true, force: true });
});

/** Forks the engine the way main does in browser mode and tests. */
function forkEngine(): ChildProcess {
  const child = fork(entry, [], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    env: { ...process.env, NODE_OPTIONS: '' },
  });
  children.push(child);
  return child;
}

function nextReply(child: ChildProcess): Promise<EngineReply> {
  return new Promise((resolve, reject) => {
    child.once('message', (message) => resolve(engineReplySchema.parse(message)));
    child.once('exit', (code) => reject(new Error(`engine exited with ${String(code)} before replying`)));
  });
}

async function start(child: ChildProcess, message: unknown): Promise<EngineReply> {
  const reply = nextReply(child);
  child.send(message as EngineStartMessage);
  return reply;
}

async function accountNames(port: number, apiKey: string): Promise<string[]> {
  const response = await fetch(`http://127.0.0.1:${String(port)}/api/v2/accounts/list`, {
    headers: { authorization: `Bearer ${apiKey}` },
  });
  expect(response.status).toBe(200);
  const body = (await response.json()) as { accounts: { name: string }[] };
  return body.accounts.map((a) => a.name);
}

describe('engine process', () => {
  it('starts on a random 127.0.0.1 port with the local tenant and serves the demo sets to the key', async () => {
    const apiKey = generateApiKey('live');
    const child = forkEngine();
    const reply = await start(child, { type: 'start', dataDir, apiKey });
    if (reply.type !== 'listening') throw new Error(`expected listening, got ${reply.message}`);
    expect(await accountNames(reply.port, apiKey)).toEqual(['演示科技有限公司', '演示贸易有限公司']);

    child.kill('SIGTERM');
    expect(await waitForExit(child)).toBe(0);

    // Restarted on the same data, with the same key: the same tenant, nothing seeded twice.
    const again = forkEngine();
    const second = await start(again, { type: 'start', dataDir, apiKey });
    if (second.type !== 'listening') throw new Error(`expected listening, got ${second.message}`);
    expect(await accountNames(second.port, apiKey)).toEqual(['演示科技有限公司', '演示贸易有限公司']);
  });

  it('replies failed and exits 1 on a start message it cannot accept, without echoing the key', async () => {
    const child = forkEngine();
    const reply = await start(child, { type: 'start', dataDir, apiKey: 'sk_live_secretButTooShort' });
    expect(reply.type).toBe('failed');
    expect(JSON.stringify(reply)).not.toContain('secretButTooShort');
    expect(await waitForExit(child)).toBe(1);
  });

  it('stops when the main process goes away', async () => {
    const child = forkEngine();
    const reply = await start(child, { type: 'start', dataDir, apiKey: generateApiKey('live') });
    expect(reply.type).toBe('listening');
    child.disconnect();
    expect(await waitForExit(child)).toBe(0);
  });
});
