import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { BrowserWindow, dialog } from 'electron';
import type { VoucherPdfPrinter } from './services/drafts/voucher-work-handlers.js';
import { voucherPrintHtml } from './services/drafts/voucher-print-html.js';

/**
 * The Electron side of 打印凭证: the voucher's HTML in a hidden window with JavaScript off (no
 * preload, sandboxed), printToPDF on A5 landscape, then a save dialog. The page is main's own HTML
 * with every user text escaped; nothing the renderer sends is loaded.
 */
export function electronVoucherPdfPrinter(): VoucherPdfPrinter {
  return async (voucher, accountSetName) => {
    const printer = new BrowserWindow({
      show: false,
      width: 794,
      height: 559,
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
      const html = voucherPrintHtml(voucher, accountSetName);
      await printer.loadURL(`data:text/html;charset=utf-8,${encodeURIComponent(html)}`);
      const pdf = await printer.webContents.printToPDF({
        pageSize: 'A5',
        landscape: true,
        printBackground: true,
        // About 10 mm on every side, as the sheet's own @page rule says.
        margins: { top: 0.4, bottom: 0.4, left: 0.4, right: 0.4 },
      });
      const parent = BrowserWindow.getFocusedWindow() ?? BrowserWindow.getAllWindows()[0];
      const options = {
        title: '保存记账凭证 PDF',
        defaultPath: `记账凭证-${voucher.period}-${voucher.voucher_no}.pdf`,
        filters: [{ name: 'PDF', extensions: ['pdf'] }],
      };
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
