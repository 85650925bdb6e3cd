// Fetches the Electron binary right after `npm install` so the first start is not a surprise.
// Electron 45 downloads it lazily; on machines without network that download fails — which must
// not fail the install: everything but the desktop shell (engine, browser mode, tests) works without.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);

// Local patches of dependencies live in patches/ (pdfjs-dist: text extraction without parsing
// font programs, see docs/recognition.md). patch-package is a dev dependency: an install without
// dev dependencies keeps the packages as published, which is slower but reads the same text.
function patchPackageBin() {
  try {
    return require.resolve('patch-package/index.js');
  } catch {
    return undefined;
  }
}
const patcher = patchPackageBin();
if (patcher) {
  const patched = spawnSync(process.execPath, [patcher, '--error-on-fail'], { stdio: 'inherit' });
  if (patched.status !== 0) process.exit(patched.status ?? 1);
} else {
  console.log('[账小二] patch-package 未安装（生产依赖安装），依赖包按原样使用。');
}

function electronDir() {
  try {
    return path.dirname(require.resolve('electron/package.json'));
  } catch {
    return undefined;
  }
}

const dir = electronDir();
if (!dir) {
  console.log('[账小二] electron 包未安装（生产依赖安装），跳过 Electron 二进制下载。');
  process.exit(0);
}
if (process.env.ZXE_SKIP_ELECTRON_DOWNLOAD === '1') {
  console.log('[账小二] 已按 ZXE_SKIP_ELECTRON_DOWNLOAD=1 跳过 Electron 二进制下载。');
  process.exit(0);
}

const result = spawnSync(process.execPath, [path.join(dir, 'install.js')], {
  stdio: ['ignore', 'pipe', 'pipe'],
  timeout: 180_000,
  encoding: 'utf8',
});

if (result.status === 0 && existsSync(path.join(dir, 'path.txt'))) {
  console.log('[账小二] Electron 二进制已就绪。');
} else {
  const reason =
    (result.stderr || result.error?.message || '').split('\n').find((l) => l.trim()) ?? '未知原因';
  console.warn(
    [
      '',
      '[账小二] 提示：无法下载 Electron 二进制（' + reason.trim() + '）。',
      '  安装仍然成功：本地引擎、浏览器模式和全部测试都不需要它。',
      '  `npm start` 会自动改用浏览器模式并打印地址；联网后再次运行 `npm start` 即可使用桌面版。',
      '',
    ].join('\n'),
  );
}
