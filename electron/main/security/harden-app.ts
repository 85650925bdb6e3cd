import { app, session, shell, type WebContents } from 'electron';
import { CONTENT_SECURITY_POLICY } from './content-security-policy.js';
import { isSafeExternalUrl } from './trusted-url.js';

/**
 * App-wide hardening: no navigation away from the app, no new windows (http(s) links
 * go to the OS browser), no webviews, every permission request denied, and the CSP as a header.
 */
export function hardenApp(isAppUrl: (url: string) => boolean): void {
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, isAppUrl));

  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);
  // For responses that pass through webRequest (http/https/file). app:// responses never do: their
  // headers are set by the protocol handler itself (app-protocol-handler.ts).
  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({
      responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] },
    });
  });
}

function hardenWebContents(contents: WebContents, isAppUrl: (url: string) => boolean): void {
  contents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  // Subframes navigate through their own event since Electron 25.
  contents.on('will-frame-navigate', (event) => {
    if (!isAppUrl(event.url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (isSafeExternalUrl(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
}
