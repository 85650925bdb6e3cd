import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { generateApiKey } from '../shared/api/api-key-format.js';
import { findActiveApiKey } from './auth/api-key-lookup.js';
import { parseCliArgs } from './cli-args.js';
import { openEngineDataDir } from './engine-runtime.js';
import { collect, waitForExit, waitForLine } from './testing/child-process-output.js';

const cliEntry = fileURLToPath(new URL('./cli.ts', import.meta.url));
// `npm run engine` is `tsx server/cli.ts`; the tsx CLI is run directly to skip npx's lookup.
const tsxCli = createRequire(import.meta.url).resolve('tsx/cli');

let dataDir: string;
const running: ChildProcessWithoutNullStreams[] = [];
beforeEach(() => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'zxe-cli-'));
});
afterEach(async () => {
  for (const child of running.splice(0)) {
    if (child.exitCode === null) {
      child.kill('SIGKILL');
      await waitForExit(child);
    }
  }
  rmSync(dataDir, { recursive: true, force: true });
});

function engineCli(args: string[]): ChildProcessWithoutNullStreams {
  const child = spawn(process.execPath, [tsxCli, cliEntry, ...args], {
    env: { ...process.env, NODE_OPTIONS: '' },
  });
  running.push(child);
  return child;
}

async function listAccounts(baseUrl: string, apiKey: string): Promise<{ status: number; body: unknown }> {
  const response = await fetch(`${baseUrl}/api/v2/accounts/list`, {
    headers: { authorization: `Bearer ${apiKey}` },
  });
  return { status: response.status, body: await response.json() };
}

/** Starts the CLI, reads the printed key and address, lists the account sets, stops it with SIGTERM. */
async function runDemoOnce(args: string[]): Promise<{ apiKey: string; names: string[]; stdout: string }> {
  const child = engineCli(['--port', '0', '--data', dataDir, '--demo', ...args]);
  const stdout = collect(child.stdout);
  const [, apiKey = ''] = await waitForLine(child.stdout, /^API key: (\S+)$/);
  const [, baseUrl = ''] = await waitForLine(child.stdout, /^账小二引擎已启动：(http:\/\/127\.0\.0\.1:\d+)$/);
  const { status, body } = await listAccounts(baseUrl, apiKey);
  expect(status).toBe(200);
  const names = (body as { accounts: { name: string }[] }).accounts.map((a) => a.name);
  child.kill('SIGTERM');
  expect(await waitForExit(child)).toBe(0);
  return { apiKey, names, stdout: stdout() };
}

// Each test starts real CLI processes through tsx, whose start-up alone takes seconds on a busy machine.
describe('npm run engine (server/cli.ts)', () => {
  it('seeds the demo with a fixed key, serves it on the real port, and does not duplicate on rerun', async () => {
    const demoKey = generateApiKey('test');
    const first = await runDemoOnce(['--demo-key', demoKey]);
    expect(first.apiKey).toBe(demoKey);
    expect(first.names).toEqual(['演示科技有限公司', '演示贸易有限公司']);
    expect(first.stdout).toContain('账小二引擎已停止');

    const second = await runDemoOnce(['--demo-key', demoKey]);
    expect(second.names).toEqual(['演示科技有限公司', '演示贸易有限公司']);
  }, 90_000);

  it('rotates the demo key on each run without --demo-key: the previous one stops working', async () => {
    const first = await runDemoOnce([]);
    const second = await runDemoOnce([]);
    expect(first.apiKey).toMatch(/^sk_test_[0-9A-Za-z]{32}$/);
    expect(second.apiKey).not.toBe(first.apiKey);
    expect(second.names).toHaveLength(2);
    expect(activeDemoKeys()).toEqual({ count: 1, firstWorks: false, secondWorks: true });

    function activeDemoKeys(): { count: number; firstWorks: boolean; secondWorks: boolean } {
      const db = openEngineDataDir(dataDir);
      try {
        return {
          count: db.prepare('SELECT count(*) FROM api_keys WHERE revoked_at IS NULL').pluck().get() as number,
          firstWorks: findActiveApiKey(db, first.apiKey) !== undefined,
          secondWorks: findActiveApiKey(db, second.apiKey) !== undefined,
        };
      } finally {
        db.close();
      }
    }
  }, 90_000);

  it('a different --demo-key replaces the previous demo key instead of adding a second one', async () => {
    const [oldKey, newKey] = [generateApiKey('test'), generateApiKey('test')];
    await runDemoOnce(['--demo-key', oldKey]);
    await runDemoOnce(['--demo-key', newKey]);
    const db = openEngineDataDir(dataDir);
    try {
      expect(findActiveApiKey(db, oldKey)).toBeUndefined();
      expect(findActiveApiKey(db, newKey)?.tenantId).toBe('ten_demo');
    } finally {
      db.close();
    }
  }, 90_000);

  // Four CLI processes at once: one tsx start-up's worth of waiting, not four, on a busy machine.
  it('exits with code 2 and a Chinese message on bad arguments', async () => {
    const cases = [['--port', 'abc'], ['--bogus'], ['--demo-key', generateApiKey('test')], ['extra']];
    const runs = cases.map(async (args) => {
      const child = engineCli(['--data', dataDir, ...args]);
      const stderr = collect(child.stderr);
      return { args, code: await waitForExit(child), stderr: stderr() };
    });
    for (const { args, code, stderr } of await Promise.all(runs)) {
      expect(code, args.join(' ')).toBe(2);
      expect(stderr).toMatch(/^参数错误：/);
      expect(stderr).toContain('用法：npm run engine');
    }
  }, 90_000);
});

describe('parseCliArgs', () => {
  it('has defaults for everything', () => {
    expect(parseCliArgs([])).toEqual({
      kind: 'run',
      args: { host: '127.0.0.1', port: 8787, dataDir: '.data', demo: false, demoKey: undefined },
    });
  });

  it('reads every option', () => {
    const demoKey = generateApiKey('test');
    const command = parseCliArgs([
      '--host',
      '0.0.0.0',
      '--port=0',
      '--data',
      'd',
      '--demo',
      '--demo-key',
      demoKey,
    ]);
    expect(command).toEqual({
      kind: 'run',
      args: { host: '0.0.0.0', port: 0, dataDir: 'd', demo: true, demoKey },
    });
    expect(parseCliArgs(['--help'])).toEqual({ kind: 'help' });
  });

  it('names each mistake in Chinese and never repeats a key', () => {
    const cases: [string[], string][] = [
      [['--port', '70000'], '参数错误：--port 应为 0 到 65535 之间的整数'],
      [['--port', '-1'], '参数错误：--port 应为 0 到 65535 之间的整数'],
      [['--port'], '参数错误：--port 需要一个值'],
      [['--bogus'], '参数错误：未知选项 --bogus'],
      [['--demo=yes'], '参数错误：--demo 不接受值'],
      [['stray'], '参数错误：不支持位置参数，所有参数都以 --选项 的形式给出'],
      [['--demo-key', generateApiKey('test')], '参数错误：--demo-key 只能与 --demo 一起使用'],
    ];
    for (const [argv, message] of cases)
      expect(parseCliArgs(argv), argv.join(' ')).toEqual({ kind: 'error', message });

    const badKey = 'sk_test_tooShortButSecret';
    const command = parseCliArgs(['--demo', '--demo-key', badKey]);
    expect(command.kind).toBe('error');
    expect(JSON.stringify(command)).not.toContain('tooShortButSecret');
  });
});
