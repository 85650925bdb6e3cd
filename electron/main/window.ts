import path from 'node:path';
import { BrowserWindow } from 'electron';

/** The one app window, locked down: isolated, sandboxed, no Node, preload exposes functions only. */
export function createMainWindow(options: { preloadPath: string; url: string }): BrowserWindow {
  const window = new BrowserWindow({
    width: 1280,
    height: 820,
    minWidth: 960,
    minHeight: 600,
    show: false,
    title: '账小二',
    backgroundColor: '#f5f7fa',
    webPreferences: {
      preload: path.resolve(options.preloadPath),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
    },
  });
  window.once('ready-to-show', () => window.show());
  void window.loadURL(options.url);
  return window;
}
