import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow } from 'electron';
import { registerAppScheme, serveRenderer } from './app-protocol.js';
import { createAppServices, type AppServices } from './app-services.js';
import { forwardEvents, registerIpc } from './ipc/electron-ipc.js';
import { createLogger } from './logging/logger.js';
import { SecretRedactor } from './logging/secret-redactor.js';
import { hardenApp } from './security/harden-app.js';
import { keepNewFilesPrivate } from './security/private-files.js';
import { APP_ORIGIN, makeOriginCheck } from './security/trusted-url.js';
import type { AppLogger } from './logging/logger.js';
import { nodeEngineLauncher } from './services/engine-host/node-engine-launcher.js';
import { utilityEngineLauncher } from './services/engine-host/utility-engine-launcher.js';
import { resolveSqliteNativeBinding } from './services/cache/sqlite-native-binding.js';
import { openSecretStore } from './services/secrets/open-secret-store.js';
import { runSmokeCheck } from './smoke-check.js';
import { createMainWindow } from './window.js';
import { electronDesktopShell } from './folder-watch-shell.js';
import { electronPdfPrinter } from './pdf-printer.js';

// Lifecycle only: everything else lives in services shared with browser mode.
const here = path.dirname(fileURLToPath(import.meta.url));
const devServerUrl = app.isPackaged ? undefined : process.env.ELECTRON_RENDERER_URL;
const rendererUrl = devServerUrl ?? `${APP_ORIGIN}/index.html`;
const isTrustedOrigin = makeOriginCheck(
  devServerUrl ? [APP_ORIGIN, new URL(devServerUrl).origin] : [APP_ORIGIN],
);
const smoke = process.env.ZXE_SMOKE === '1';

keepNewFilesPrivate();
app.setPath('userData', path.join(app.getPath('appData'), 'zhangxiaoer-desktop'));
registerAppScheme();

/**
 * Packaged: a utility process, with native modules rebuilt for Electron by electron-builder.
 * Unpackaged (development): the system Node, because node_modules holds Node-ABI builds that the
 * tests use too (docs/decisions.md).
 */
function engineLauncher(logger: AppLogger) {
  const entry = path.join(here, 'engine.js');
  if (app.isPackaged) return utilityEngineLauncher(entry, logger);
  return nodeEngineLauncher(entry, logger, { execPath: process.env.ZXE_NODE ?? 'node' });
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  let services: AppServices | undefined;

  app.on('second-instance', () => {
    const [window] = BrowserWindow.getAllWindows();
    if (window) {
      if (window.isMinimized()) window.restore();
      window.focus();
    }
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  let disposed = false;
  app.on('will-quit', (event) => {
    if (disposed || !services) return;
    event.preventDefault();
    disposed = true;
    void services.dispose().finally(() => app.quit());
  });

  void app.whenReady().then(async () => {
    const userData = app.getPath('userData');
    const redactor = new SecretRedactor();
    const logger = createLogger({ redactor, logDir: path.join(userData, 'logs') });
    hardenApp((url) => isTrustedOrigin(url));
    serveRenderer(path.join(here, '../renderer'));

    const secrets = await openSecretStore({ choice: 'auto', onSecret: (secret) => redactor.add(secret) });
    services = createAppServices({
      userDataDir: userData,
      secrets,
      logger,
      launchEngine: engineLauncher(logger),
      isTrustedOrigin,
      desktopShell: electronDesktopShell,
      printPdf: electronPdfPrinter(),
      sqliteNativeBinding: resolveSqliteNativeBinding({
        packaged: app.isPackaged,
        appPath: app.getAppPath(),
        env: process.env,
      }),
    });
    registerIpc(services.router);
    void services.start();

    const window = createMainWindow({
      preloadPath: path.join(here, '../preload/index.cjs'),
      iconPath: path.join(here, '../renderer/icon.png'),
      url: rendererUrl,
    });
    const stopForwarding = forwardEvents(services.events, window.webContents);
    window.on('closed', stopForwarding);
    logger.info({ secrets: secrets.storage }, 'app started');

    if (smoke) {
      const passed = await runSmokeCheck(window);
      console.log(passed ? 'SMOKE OK' : 'SMOKE FAILED');
      app.exit(passed ? 0 : 1);
    }
  });
}
