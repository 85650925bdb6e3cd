import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');

function electronBinary(): string | undefined {
  const dir = path.join(root, 'node_modules/electron');
  try {
    const binary = path.join(dir, 'dist', readFileSync(path.join(dir, 'path.txt'), 'utf8'));
    return existsSync(binary) ? binary : undefined;
  } catch {
    return undefined;
  }
}

test('Electron smoke: the packaged-style app starts, exposes window.zxe and lists the demo sets', (ctx) => {
  const binary = electronBinary();
  if (!binary) {
    console.warn('已跳过 Electron 冒烟测试：本机没有 Electron 二进制（无法联网下载）。');
    ctx.skip();
    return;
  }
  const home = mkdtempSync(path.join(os.tmpdir(), 'zxe-electron-'));
  const result = spawnSync('xvfb-run', ['-a', binary, '--no-sandbox', root], {
    env: { ...process.env, ZXE_SMOKE: '1', HOME: home, XDG_CONFIG_HOME: path.join(home, '.config') },
    encoding: 'utf8',
    timeout: 90_000,
  });
  expect(result.stdout).toContain('SMOKE OK');
  expect(result.status).toBe(0);
});
