import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { startBrowserMode } from './start-browser-mode.js';
import { errorMessage } from '../../shared/error-message.js';

const optionsSchema = z.object({
  data: z.string().min(1),
  port: z.coerce.number().int().min(0).max(65535),
  secrets: z.enum(['auto', 'keychain', 'memory']),
});

/** The same folder Electron's app.getPath('userData') gives on each platform. */
function defaultUserDataDir(): string {
  const home = os.homedir();
  if (process.platform === 'win32') return path.join(process.env.APPDATA ?? home, 'zhangxiaoer-desktop');
  if (process.platform === 'darwin')
    return path.join(home, 'Library/Application Support/zhangxiaoer-desktop');
  return path.join(process.env.XDG_CONFIG_HOME ?? path.join(home, '.config'), 'zhangxiaoer-desktop');
}

async function main(): Promise<void> {
  let parsed;
  try {
    const { values } = parseArgs({
      options: {
        data: { type: 'string', default: defaultUserDataDir() },
        port: { type: 'string', default: '4780' },
        secrets: { type: 'string', default: 'auto' },
      },
    });
    parsed = optionsSchema.parse(values);
  } catch (error) {
    console.error(`参数错误：${errorMessage(error)}`);
    console.error(
      '用法：npm run browser -- [--data <目录>] [--port <端口，0 为随机>] [--secrets auto|keychain|memory]',
    );
    process.exit(2);
  }
  const mode = await startBrowserMode({
    userDataDir: parsed.data,
    port: parsed.port,
    secrets: parsed.secrets,
  });
  console.log(`账小二（浏览器模式）已启动：${mode.server.url}`);
  const storage = mode.services.secretStorage === 'keychain' ? '系统钥匙串' : '内存（钥匙串不可用）';
  console.log(`数据目录：${parsed.data}；密钥存储：${storage}`);
  const shutdown = (): void => {
    void mode.close().then(() => process.exit(0));
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

main().catch((error: unknown) => {
  console.error(`启动失败：${errorMessage(error)}`);
  process.exit(1);
});
