import { parseArgs, type ParseArgsConfig } from 'node:util';
import { z } from 'zod';
import { apiKeySchema } from '../shared/api/api-key-format.js';

export const CLI_USAGE = `用法：npm run engine -- [选项]

  --host <地址>       监听地址（默认 127.0.0.1）
  --port <端口>       监听端口，0 表示随机端口（默认 8787）
  --data <目录>       数据目录，数据库为 <目录>/engine.db（默认 .data）
  --demo             创建演示租户及两个演示账套，并打印其 API Key
  --demo-key <key>   与 --demo 同用：使用固定的演示 API Key（sk_test_ 或 sk_live_ 开头）
  --help             显示本帮助

自建引擎的管理命令（租户、API Key、限额、账套）：npm run engine -- admin --help`;

const OPTIONS = {
  host: { type: 'string', default: '127.0.0.1' },
  port: { type: 'string', default: '8787' },
  data: { type: 'string', default: '.data' },
  demo: { type: 'boolean', default: false },
  'demo-key': { type: 'string' },
  help: { type: 'boolean', default: false },
} as const satisfies ParseArgsConfig['options'];

// Fixed text: the key given on the command line is never repeated back.
const DEMO_KEY_MESSAGE = '--demo-key 应为 sk_test_ 或 sk_live_ 开头、后跟至少 32 位字母数字的 API Key';

const cliArgsSchema = z
  .object({
    host: z.string().trim().min(1, { error: '--host 不能为空' }),
    port: z
      .string()
      .regex(/^\d{1,5}$/, { error: '--port 应为 0 到 65535 之间的整数' })
      .transform(Number)
      .pipe(z.number().max(65_535, { error: '--port 应为 0 到 65535 之间的整数' })),
    data: z.string().trim().min(1, { error: '--data 不能为空' }),
    demo: z.boolean(),
    'demo-key': apiKeySchema.optional(),
    help: z.boolean(),
  })
  .refine((args) => args['demo-key'] === undefined || args.demo, {
    error: '--demo-key 只能与 --demo 一起使用',
  });

export interface CliArgs {
  host: string;
  port: number;
  dataDir: string;
  demo: boolean;
  demoKey: string | undefined;
}

export type CliCommand =
  { kind: 'help' } | { kind: 'run'; args: CliArgs } | { kind: 'error'; message: string };

function invalid(message: string): CliCommand {
  return { kind: 'error', message: `参数错误：${message}` };
}

/** Reads the engine's command line; every mistake comes back as a Chinese message, never a throw. */
export function parseCliArgs(argv: readonly string[]): CliCommand {
  // Non-strict so that each mistake can be named in Chinese below instead of Node's English error.
  const { values, tokens } = parseArgs({
    args: [...argv],
    options: OPTIONS,
    strict: false,
    allowPositionals: true,
    tokens: true,
  });
  for (const token of tokens) {
    if (token.kind === 'positional') return invalid('不支持位置参数，所有参数都以 --选项 的形式给出');
    if (token.kind !== 'option') continue;
    if (!Object.hasOwn(OPTIONS, token.name)) return invalid(`未知选项 ${token.rawName}`);
    const type = OPTIONS[token.name as keyof typeof OPTIONS].type;
    if (type === 'string' && token.value === undefined) return invalid(`${token.rawName} 需要一个值`);
    if (type === 'boolean' && token.value !== undefined) return invalid(`${token.rawName} 不接受值`);
  }

  const parsed = cliArgsSchema.safeParse(values);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return invalid(issue?.path[0] === 'demo-key' ? DEMO_KEY_MESSAGE : (issue?.message ?? '无效的参数'));
  }
  const args = parsed.data;
  if (args.help) return { kind: 'help' };
  return {
    kind: 'run',
    args: {
      host: args.host,
      port: args.port,
      dataDir: args.data,
      demo: args.demo,
      demoKey: args['demo-key'],
    },
  };
}
