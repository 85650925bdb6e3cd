import { BrowserWindow } from 'electron';
import { constructSecureWindow } from './security/secure-window.js';

/** The one app window, locked down (security/secure-window.ts); shown once it has painted. */
export function createMainWindow(options: {
  preloadPath: string;
  url: string;
  iconPath?: string;
}): BrowserWindow {
  const window = constructSecureWindow(BrowserWindow, options.preloadPath);
  // Windows and Linux take the window icon from here; macOS from the app bundle's icon.icns.
  if (options.iconPath && process.platform !== 'darwin') window.setIcon(options.iconPath);
  window.once('ready-to-show', () => window.show());
  void window.loadURL(options.url);
  return window;
}
