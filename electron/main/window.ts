import { BrowserWindow } from 'electron';
import { constructSecureWindow } from './security/secure-window.js';

/** The one app window, locked down (security/secure-window.ts); shown once it has painted. */
export function createMainWindow(options: { preloadPath: string; url: string }): BrowserWindow {
  const window = constructSecureWindow(BrowserWindow, options.preloadPath);
  window.once('ready-to-show', () => window.show());
  void window.loadURL(options.url);
  return window;
}
