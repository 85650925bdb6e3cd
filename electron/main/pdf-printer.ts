import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { BrowserWindow, dialog } from 'electron';
import {
  documentUrl,
  printToPdfOptions,
  printWindowSize,
  saveDialogOptions,
  type PdfPrinter,
} from './services/printing/print-document.js';

/**
 * The Electron side of every 打印 / 导出 PDF (记账凭证, the statements): main's HTML in a hidden
 * window with JavaScript off (no preload, sandboxed), printToPDF, then a save dialog. The page is
 * main's own HTML with every user text escaped; nothing the renderer sends is loaded.
 */
export function electronPdfPrinter(): PdfPrinter {
  return async (document) => {
    const printer = new BrowserWindow({
      show: false,
      ...printWindowSize(document),
      webPreferences: {
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        nodeIntegrationInWorker: false,
        nodeIntegrationInSubFrames: false,
        webSecurity: true,
        allowRunningInsecureContent: false,
        javascript: false,
        webviewTag: false,
        // No middle-click windows either, as in the app window.
        disableBlinkFeatures: 'Auxclick',
      },
    });
    try {
      await printer.loadURL(documentUrl(document));
      const pdf = await printer.webContents.printToPDF(printToPdfOptions(document));
      const parent = BrowserWindow.getFocusedWindow() ?? BrowserWindow.getAllWindows()[0];
      const options = saveDialogOptions(document);
      const choice = parent
        ? await dialog.showSaveDialog(parent, options)
        : await dialog.showSaveDialog(options);
      if (choice.canceled || !choice.filePath) return { status: 'cancelled' };
      await writeFile(choice.filePath, pdf);
      return { status: 'saved', fileName: path.basename(choice.filePath) };
    } finally {
      printer.destroy();
    }
  };
}
