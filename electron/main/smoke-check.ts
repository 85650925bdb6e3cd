import type { BrowserWindow } from 'electron';

/**
 * For the Electron smoke test: the window loaded, the preload exposed `window.zxe` (functions only,
 * no ipcRenderer, no process), and the demo account sets rendered from the local engine.
 */
export async function runSmokeCheck(window: BrowserWindow, timeoutMs = 30_000): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const result: unknown = await window.webContents
      .executeJavaScript(
        `(() => {
          const zxe = window.zxe;
          const onlyFunctions = !!zxe && Object.values(zxe).every((v) => typeof v === 'function');
          const noNode = typeof window.process === 'undefined' && typeof window.require === 'undefined';
          return onlyFunctions && noNode && document.body.innerText.includes('演示科技有限公司');
        })()`,
      )
      .catch(() => false);
    if (result === true) return true;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return false;
}
