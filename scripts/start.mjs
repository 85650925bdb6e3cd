// `npm start`: the desktop app where Electron can run; otherwise browser mode, with its address.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);
const root = path.resolve(import.meta.dirname, '..');

function electronBinary() {
  try {
    const dir = path.dirname(require.resolve('electron/package.json'));
    const relative = readFileSync(path.join(dir, 'path.txt'), 'utf8');
    const binary = path.join(dir, 'dist', relative);
    return existsSync(binary) ? binary : undefined;
  } catch {
    return undefined;
  }
}

const hasDisplay =
  process.platform === 'darwin' ||
  process.platform === 'win32' ||
  Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
const binary = electronBinary();
const forceBrowser = process.argv.includes('--browser');

let child;
if (binary && hasDisplay && !forceBrowser) {
  console.log('[账小二] 启动桌面应用…');
  child = spawn(binary, [root], { stdio: 'inherit' });
} else {
  const why = !binary
    ? 'Electron 二进制不可用'
    : !hasDisplay
      ? '没有图形显示（DISPLAY）'
      : '按 --browser 要求';
  console.log(`[账小二] ${why}，改用浏览器模式。`);
  const tsx = path.join(root, 'node_modules/.bin/tsx');
  child = spawn(
    tsx,
    [path.join(root, 'electron/browser/cli.ts'), ...process.argv.slice(2).filter((a) => a !== '--browser')],
    {
      stdio: 'inherit',
    },
  );
}
child.on('exit', (code) => process.exit(code ?? 0));
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
