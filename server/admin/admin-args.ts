import { parseArgs, type ParseArgsConfig } from 'node:util';
import { z } from 'zod';
import { MAX_RATE_PER_SECOND } from '../ratelimit/rate-limits.js';

export const ADMIN_USAGE = `用法：npm run engine -- admin <命令> [选项]

  tenant create --name <名称>                        新建租户
  key issue --tenant <租户ID> [--mode live|test]     签发 API Key（只打印这一次）
            [--read-only] [--rate <每秒次数>] [--burst <突发次数>]
  key revoke --key <Key ID>                          吊销 API Key
  key rate --key <Key ID> --rate <每秒次数> [--burst <突发次数>]
  key rate --key <Key ID> --default                  恢复默认限额
  account-set create --tenant <租户ID> --name <名称> [--frozen]
  account-set freeze --account <账套ID>              冻结账套（只读）
  account-set unfreeze --account <账套ID>            解冻账套
  list                                               列出租户、API Key 与账套

  所有命令都接受 --data <目录>（默认 .data，与 npm run engine 相同）。
  退出码：0 成功，2 参数错误（含找不到租户、Key 或账套），1 运行失败。`;

const OPTIONS = {
  data: { type: 'string', default: '.data' },
  name: { type: 'string' },
  tenant: { type: 'string' },
  key: { type: 'string' },
  account: { type: 'string' },
  mode: { type: 'string' },
  rate: { type: 'string' },
  burst: { type: 'string' },
  'read-only': { type: 'boolean' },
  frozen: { type: 'boolean' },
  default: { type: 'boolean' },
  help: { type: 'boolean' },
} as const satisfies ParseArgsConfig['options'];

type OptionName = keyof typeof OPTIONS;

const name = z
  .string()
  .trim()
  .min(1, { error: '--name 不能为空' })
  .max(100, { error: '--name 不能超过100个字符' });
const tenantId = z.string().regex(/^ten_[A-Za-z0-9]+$/, { error: '--tenant 应为 ten_ 开头的租户ID' });
const keyId = z
  .string()
  .regex(/^key_[A-Za-z0-9]+$/, { error: '--key 应为 key_ 开头的 Key ID（不是 API Key 本身）' });
const accountId = z.string().regex(/^acc_[A-Za-z0-9]{1,60}$/, { error: '--account 应为 acc_ 开头的账套ID' });
const count = (option: string) =>
  z
    .string()
    .regex(/^\d{1,7}$/, { error: `${option} 应为 1 到 ${String(MAX_RATE_PER_SECOND)} 之间的整数` })
    .transform(Number)
    .pipe(
      z
        .number()
        .min(1, { error: `${option} 应为 1 到 ${String(MAX_RATE_PER_SECOND)} 之间的整数` })
        .max(MAX_RATE_PER_SECOND, { error: `${option} 应为 1 到 ${String(MAX_RATE_PER_SECOND)} 之间的整数` }),
    );

/** Each command: the options it takes (beside --data), validated by its own schema. */
const COMMANDS = {
  'tenant create': z.strictObject({ name }),
  'key issue': z.strictObject({
    tenant: tenantId,
    mode: z.enum(['live', 'test'], { error: '--mode 应为 live 或 test' }).default('live'),
    'read-only': z.boolean().default(false),
    rate: count('--rate').optional(),
    burst: count('--burst').optional(),
  }),
  'key revoke': z.strictObject({ key: keyId }),
  'key rate': z
    .strictObject({
      key: keyId,
      rate: count('--rate').optional(),
      burst: count('--burst').optional(),
      default: z.boolean().default(false),
    })
    .refine((o) => (o.rate !== undefined) !== o.default, {
      error: '请给出 --rate <每秒次数> 或 --default（二选一）',
    })
    .refine((o) => !(o.default && o.burst !== undefined), { error: '--default 不能与 --burst 同用' }),
  'account-set create': z.strictObject({ tenant: tenantId, name, frozen: z.boolean().default(false) }),
  'account-set freeze': z.strictObject({ account: accountId }),
  'account-set unfreeze': z.strictObject({ account: accountId }),
  list: z.strictObject({}),
} as const;

type Commands = typeof COMMANDS;
export type AdminCommandName = keyof Commands;
export type AdminCommand = {
  [N in AdminCommandName]: { name: N; options: z.output<Commands[N]> };
}[AdminCommandName];

export type AdminInvocation =
  | { kind: 'help' }
  | { kind: 'run'; dataDir: string; command: AdminCommand }
  | { kind: 'error'; message: string };

function invalid(message: string): AdminInvocation {
  return { kind: 'error', message: `参数错误：${message}` };
}

function isCommandName(value: string): value is AdminCommandName {
  return Object.hasOwn(COMMANDS, value);
}

/** Reads `admin …` (the words after `admin`); every mistake is a Chinese message, never a throw. */
export function parseAdminArgs(argv: readonly string[]): AdminInvocation {
  const { values, tokens, positionals } = parseArgs({
    args: [...argv],
    options: OPTIONS,
    strict: false,
    allowPositionals: true,
    tokens: true,
  });
  for (const token of tokens) {
    if (token.kind !== 'option') continue;
    if (!Object.hasOwn(OPTIONS, token.name)) return invalid(`未知选项 ${token.rawName}`);
    const type = OPTIONS[token.name as OptionName].type;
    if (type === 'string' && token.value === undefined) return invalid(`${token.rawName} 需要一个值`);
    if (type === 'boolean' && token.value !== undefined) return invalid(`${token.rawName} 不接受值`);
  }
  if (values.help === true) return { kind: 'help' };
  if (positionals.length === 0) return invalid('缺少命令');

  const commandName = positionals.join(' ');
  if (!isCommandName(commandName)) return invalid(`未知命令 admin ${commandName}`);

  const dataDir = typeof values.data === 'string' ? values.data.trim() : '';
  if (dataDir === '') return invalid('--data 不能为空');
  const { data: _data, help: _help, ...options } = values;
  const parsed = COMMANDS[commandName].safeParse(options);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    if (issue?.code === 'unrecognized_keys') {
      return invalid(`admin ${commandName} 不接受 ${issue.keys.map((k) => `--${k}`).join(', ')}`);
    }
    const field = typeof issue?.path[0] === 'string' ? issue.path[0] : undefined;
    if (issue?.code === 'invalid_type' && field !== undefined && options[field as OptionName] === undefined) {
      return invalid(`admin ${commandName} 需要 --${field}`);
    }
    return invalid(issue?.message ?? '无效的参数');
  }
  return { kind: 'run', dataDir, command: { name: commandName, options: parsed.data } as AdminCommand };
}
