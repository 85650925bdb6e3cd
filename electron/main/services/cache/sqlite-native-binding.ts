import { existsSync } from 'node:fs';
import path from 'node:path';

/** Where a development checkout keeps a better-sqlite3 addon built for Electron's ABI (docs/decisions.md). */
export const DEV_ELECTRON_SQLITE_BINDING = '.electron-native/better_sqlite3.node';

/**
 * Which better-sqlite3 addon main should load inside Electron. Packaged: none given — electron-builder
 * rebuilt node_modules for Electron (install-app-deps), so the default one is right. Unpackaged:
 * node_modules holds the Node build the tests need, which Electron cannot load; an Electron build
 * named by ZXE_SQLITE_BINDING or kept at .electron-native/ is used when present, and otherwise the
 * cache stays off (the app runs live-only and logs why).
 */
export function resolveSqliteNativeBinding(options: {
  packaged: boolean;
  appPath: string;
  env: NodeJS.ProcessEnv;
}): string | undefined {
  if (options.packaged) return undefined;
  const candidate = options.env.ZXE_SQLITE_BINDING ?? path.join(options.appPath, DEV_ELECTRON_SQLITE_BINDING);
  return existsSync(candidate) ? candidate : undefined;
}
