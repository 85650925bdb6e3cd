import path from 'node:path';

/** The options this module passes to a BrowserWindow constructor (structural: no `electron` import here). */
export interface SecureWindowOptions {
  width: number;
  height: number;
  minWidth: number;
  minHeight: number;
  show: boolean;
  title: string;
  backgroundColor: string;
  webPreferences: Record<string, string | boolean>;
}

export type WindowConstructor<W> = new (options: SecureWindowOptions) => W;

/**
 * Builds the one app window with its locked-down webPreferences: isolated,
 * sandboxed, no Node anywhere, no webviews, no middle-click windows. Electron's BrowserWindow is
 * passed in, so a test can construct it with a recorder and pin every flag — and the flags stay
 * literal at the `new BrowserWindow(...)` call, where Electronegativity looks for them.
 */
export function constructSecureWindow<W>(BrowserWindow: WindowConstructor<W>, preloadPath: string): W {
  return new BrowserWindow({
    width: 1280,
    height: 820,
    minWidth: 960,
    minHeight: 600,
    show: false,
    title: '账小二',
    backgroundColor: '#f5f7fa',
    webPreferences: {
      preload: path.resolve(preloadPath),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: false,
      // Middle-click (auxclick) would open a link in a new window without going through window.open.
      disableBlinkFeatures: 'Auxclick',
    },
  });
}
