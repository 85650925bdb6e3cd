import { BrowserWindow, dialog, Notification } from 'electron';
import type { DesktopShell } from './services/folder-watch/folder-watch-wiring.js';

/** Folder watch's Electron side: the native folder dialog and the notification at a batch's end. */
export const electronDesktopShell: DesktopShell = {
  async pickFolder() {
    const owner = BrowserWindow.getFocusedWindow() ?? BrowserWindow.getAllWindows()[0];
    const options = { title: '选择要监控的文件夹', properties: ['openDirectory' as const] };
    const result = owner ? await dialog.showOpenDialog(owner, options) : await dialog.showOpenDialog(options);
    return result.canceled ? null : (result.filePaths[0] ?? null);
  },
  notify(title, body) {
    if (Notification.isSupported()) new Notification({ title, body }).show();
  },
};
