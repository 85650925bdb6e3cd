import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildApp } from '../app.js';
import { openEngineDataDir } from '../engine-runtime.js';
import { collect, waitForExit } from '../testing/child-process-output.js';
import { seedExampleBody, VOUCHER_CREATE } from '../testing/ledger-fixtures.js';
import { parseAdminArgs } from './admin-args.js';
import { EXIT_OK, EXIT_USAGE, runAdminCli } from './admin-cli.js';

let dataDir: string;
beforeEach(() => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'zxe-admin-'));
});
afterEach(() => {
  rmSync(dataDir, { recursive: true, force: true });
});

interface Run {
  code: number;
  out: string[];
  err: string[];
}

function admin(...args: string[]): Run {
  const out: string[] = [];
  const err: string[] = [];
  const code = runAdminCli([...args, '--data', dataDir], {
    out: (l) => out.push(l),
    err: (l) => err.push(l),
  });
  return { code, out, err };
}

function idIn(run: Run, prefix: string): string {
  const match = new RegExp(`${prefix}[0-9A-Za-z]{16}`).exec(run.out.join('\n'));
  if (!match) throw new Error(`no ${prefix} id in ${run.out.join('\n')}`);
  return match[0];
}

function keyIn(run: Run): string {
  const key = run.out.find((line) => /^sk_(live|test)_[0-9A-Za-z]{32}$/.test(line));
  if (!key) throw new Error('no key printed');
  return key;
}

/** Calls the engine on the same data directory, as a running engine beside the CLI would. */
async function callEngine(
  apiKey: string,
  method: 'GET' | 'POST',
  url: string,
  body?: unknown,
): Promise<number> {
  const db = openEngineDataDir(dataDir);
  const app = buildApp({ db });
  try {
    const response = await app.inject({
      method,
      url,
      headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' },
      ...(body === undefined ? {} : { payload: JSON.stringify(body) }),
    });
    return response.statusCode;
  } finally {
    await app.close();
    db.close();
  }
}

describe('npm run engine -- admin', () => {
  it('creates a tenant, issues keys, creates account sets with the chart, and the engine honours them', async () => {
    const tenant = admin('tenant', 'create', '--name', '某某科技有限公司');
    expect(tenant.code).toBe(EXIT_OK);
    expect(tenant.out[0]).toMatch(/^已创建租户 ten_\w+「某某科技有限公司」$/);
    const tenantId = idIn(tenant, 'ten_');

    const set = admin('account-set', 'create', '--tenant', tenantId, '--name', '某某科技有限公司');
    expect(set.out[0]).toContain('已建默认科目表');
    const setId = idIn(set, 'acc_');

    const writer = admin('key', 'issue', '--tenant', tenantId, '--mode', 'test');
    expect(writer.out[0]).toContain('只显示这一次');
    const writeKey = keyIn(writer);
    expect(writeKey.startsWith('sk_test_')).toBe(true);
    const reader = admin('key', 'issue', '--tenant', tenantId, '--read-only', '--rate', '5', '--burst', '7');
    expect(reader.out.join('\n')).toContain('只读  每秒 5 次，突发 7 次');
    const readKey = keyIn(reader);

    expect(await callEngine(writeKey, 'POST', VOUCHER_CREATE, seedExampleBody(setId))).toBe(200);
    expect(await callEngine(readKey, 'POST', VOUCHER_CREATE, seedExampleBody(setId))).toBe(403);
    expect(await callEngine(readKey, 'GET', `/api/v2/accounts/${setId}/chart`)).toBe(200);

    expect(admin('account-set', 'freeze', '--account', setId).out[0]).toBe(`账套 ${setId} 已冻结（只读）`);
    expect(await callEngine(writeKey, 'POST', VOUCHER_CREATE, seedExampleBody(setId))).toBe(403);
    admin('account-set', 'unfreeze', '--account', setId);
    expect(await callEngine(writeKey, 'POST', VOUCHER_CREATE, seedExampleBody(setId))).toBe(200);

    const writerId = idIn(writer, 'key_');
    expect(admin('key', 'rate', '--key', writerId, '--rate', '3').out[0]).toContain('每秒 3 次，突发 6 次');
    expect(admin('key', 'rate', '--key', writerId, '--default').out[0]).toContain(
      '每秒 50 次，突发 100 次（默认）',
    );
    expect(admin('key', 'revoke', '--key', writerId).out[0]).toMatch(/^已吊销 Key key_/);
    expect(await callEngine(writeKey, 'GET', '/api/v2/accounts/list')).toBe(401);

    const list = admin('list');
    expect(list.out.join('\n')).toContain(`租户 ${tenantId}「某某科技有限公司」`);
    expect(list.out.join('\n')).toContain(`账套 ${setId}「某某科技有限公司」 启用`);
    expect(list.out.join('\n')).toMatch(/已吊销/);
    // Keys are shown by id and last four characters only.
    expect(list.out.join('\n')).not.toContain(writeKey);
    expect(list.out.join('\n')).not.toContain(readKey);
  });

  it('exits 2 with a Chinese message for unknown tenants, keys, account sets and double revocation', () => {
    const tenantId = idIn(admin('tenant', 'create', '--name', 'A'), 'ten_');
    const keyId = idIn(admin('key', 'issue', '--tenant', tenantId), 'key_');
    admin('key', 'revoke', '--key', keyId);
    const cases: [string[], string][] = [
      [['key', 'issue', '--tenant', 'ten_nope'], '参数错误：租户 ten_nope 不存在'],
      [['key', 'revoke', '--key', 'key_nope'], '参数错误：Key key_nope 不存在'],
      [['key', 'revoke', '--key', keyId], `参数错误：Key ${keyId} 已经吊销过了`],
      [['account-set', 'freeze', '--account', 'acc_nope'], '参数错误：账套 acc_nope 不存在'],
      [['key', 'issue', '--tenant', tenantId, '--burst', '5'], '参数错误：--burst 需要与 --rate 一起使用'],
    ];
    for (const [args, message] of cases) {
      expect(admin(...args), args.join(' ')).toEqual({ code: EXIT_USAGE, out: [], err: [message] });
    }
  });
});

describe('parseAdminArgs', () => {
  it('reads each command with its options and defaults', () => {
    expect(parseAdminArgs(['key', 'issue', '--tenant', 'ten_abc'])).toEqual({
      kind: 'run',
      dataDir: '.data',
      command: { name: 'key issue', options: { tenant: 'ten_abc', mode: 'live', 'read-only': false } },
    });
    expect(parseAdminArgs(['list', '--data', 'd'])).toEqual({
      kind: 'run',
      dataDir: 'd',
      command: { name: 'list', options: {} },
    });
    expect(parseAdminArgs(['--help'])).toEqual({ kind: 'help' });
  });

  it('names each mistake in Chinese', () => {
    const cases: [string[], string][] = [
      [[], '参数错误：缺少命令'],
      [['tenant'], '参数错误：未知命令 admin tenant'],
      [['tenant', 'delete'], '参数错误：未知命令 admin tenant delete'],
      [['tenant', 'create'], '参数错误：admin tenant create 需要 --name'],
      [['tenant', 'create', '--name', ' '], '参数错误：--name 不能为空'],
      [
        ['tenant', 'create', '--name', 'x', '--tenant', 'ten_a'],
        '参数错误：admin tenant create 不接受 --tenant',
      ],
      [['key', 'issue', '--tenant', 'acc_x'], '参数错误：--tenant 应为 ten_ 开头的租户ID'],
      [['key', 'issue', '--tenant', 'ten_a', '--mode', 'prod'], '参数错误：--mode 应为 live 或 test'],
      [['key', 'issue', '--tenant', 'ten_a', '--rate', '0'], '参数错误：--rate 应为 1 到 1000000 之间的整数'],
      [
        ['key', 'issue', '--tenant', 'ten_a', '--rate', '1.5'],
        '参数错误：--rate 应为 1 到 1000000 之间的整数',
      ],
      [
        ['key', 'revoke', '--key', 'sk_live_abc'],
        '参数错误：--key 应为 key_ 开头的 Key ID（不是 API Key 本身）',
      ],
      [['key', 'rate', '--key', 'key_a'], '参数错误：请给出 --rate <每秒次数> 或 --default（二选一）'],
      [
        ['key', 'rate', '--key', 'key_a', '--rate', '5', '--default'],
        '参数错误：请给出 --rate <每秒次数> 或 --default（二选一）',
      ],
      [['list', '--bogus'], '参数错误：未知选项 --bogus'],
      [['list', '--read-only=yes'], '参数错误：--read-only 不接受值'],
      [['list', '--data'], '参数错误：--data 需要一个值'],
    ];
    for (const [argv, message] of cases) {
      expect(parseAdminArgs(argv), argv.join(' ')).toEqual({ kind: 'error', message });
    }
  });
});

describe('the admin CLI as a process', () => {
  const cliEntry = fileURLToPath(new URL('../cli.ts', import.meta.url));
  const tsxCli = createRequire(import.meta.url).resolve('tsx/cli');

  async function cli(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
    const child = spawn(process.execPath, [tsxCli, cliEntry, 'admin', ...args], {
      env: { ...process.env, NODE_OPTIONS: '' },
    });
    const stdout = collect(child.stdout);
    const stderr = collect(child.stderr);
    const code = await waitForExit(child);
    return { code, stdout: stdout(), stderr: stderr() };
  }

  it('prints in Chinese and exits 0, or 2 with the usage on bad arguments', async () => {
    const ok = await cli(['tenant', 'create', '--name', '自建', '--data', dataDir]);
    expect([ok.code, ok.stdout]).toEqual([0, expect.stringMatching(/^已创建租户 ten_\w+「自建」\n$/)]);
    const bad = await cli(['key', 'issue', '--data', dataDir]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^参数错误：admin key issue 需要 --tenant/);
    expect(bad.stderr).toContain('用法：npm run engine -- admin');
  });
});
