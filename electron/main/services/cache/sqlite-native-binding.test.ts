import { writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { tempDir } from '../../testing/test-support.js';
import { DEV_ELECTRON_SQLITE_BINDING, resolveSqliteNativeBinding } from './sqlite-native-binding.js';

describe('which better-sqlite3 addon Electron main loads', () => {
  test('packaged: the default one (electron-builder rebuilt node_modules for Electron)', () => {
    expect(
      resolveSqliteNativeBinding({ packaged: true, appPath: '/x', env: { ZXE_SQLITE_BINDING: '/y' } }),
    ).toBe(undefined);
  });

  test('development: an Electron build from ZXE_SQLITE_BINDING or .electron-native/, only if it exists', () => {
    const appPath = tempDir('binding');
    expect(resolveSqliteNativeBinding({ packaged: false, appPath, env: {} })).toBeUndefined();
    const dev = path.join(appPath, DEV_ELECTRON_SQLITE_BINDING);
    mkdirSync(path.dirname(dev), { recursive: true });
    writeFileSync(dev, '');
    expect(resolveSqliteNativeBinding({ packaged: false, appPath, env: {} })).toBe(dev);
    const custom = path.join(appPath, 'custom.node');
    expect(
      resolveSqliteNativeBinding({ packaged: false, appPath, env: { ZXE_SQLITE_BINDING: custom } }),
    ).toBe(undefined);
    writeFileSync(custom, '');
    expect(
      resolveSqliteNativeBinding({ packaged: false, appPath, env: { ZXE_SQLITE_BINDING: custom } }),
    ).toBe(custom);
  });
});
