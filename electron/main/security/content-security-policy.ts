/**
 * The renderer's CSP. antd's CSS-in-JS needs inline styles; scripts come only from the app itself
 * and the renderer talks to nothing but its own origin (IPC in Electron, the bridge in browser mode).
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
