import { protocol } from 'electron';
import { createAppProtocolHandler } from './app-protocol-handler.js';
import { APP_SCHEME } from './security/trusted-url.js';

/** Must run before `app.ready`: app:// behaves like https (secure, standard) for the renderer. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

/** Serves the built renderer at app://zxe/ (the handler itself is plain Node: app-protocol-handler.ts). */
export function serveRenderer(rendererDir: string): void {
  protocol.handle(APP_SCHEME, createAppProtocolHandler(rendererDir));
}
