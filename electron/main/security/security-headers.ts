import { CONTENT_SECURITY_POLICY } from './content-security-policy.js';

/**
 * Headers on every response that carries the renderer (app:// in Electron, loopback HTTP in browser
 * mode). The CSP has to be a header: the `<meta>` copy cannot hold `frame-ancestors`.
 */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), usb=(), serial=(), hid=()',
  'Cache-Control': 'no-store',
};
