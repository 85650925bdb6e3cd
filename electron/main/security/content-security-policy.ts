/**
 * The renderer's CSP. antd's CSS-in-JS needs inline styles; scripts come only from the app itself
 * and the renderer talks to nothing but its own origin (IPC in Electron, the bridge in browser mode).
 */
const DIRECTIVES = [
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
] as const;

/** Sent as a header (Electron's session and browser mode). */
export const CONTENT_SECURITY_POLICY = DIRECTIVES.join('; ');

/**
 * What renderer/index.html's `<meta>` must say: the same policy, minus `frame-ancestors`, which
 * browsers ignore in a meta tag (only a header can forbid framing).
 */
export const CONTENT_SECURITY_POLICY_META = DIRECTIVES.filter((d) => !d.startsWith('frame-ancestors')).join(
  '; ',
);

/** `directive → sources`, for comparing policies regardless of spacing. */
export function parsePolicy(policy: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const part of policy.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) out.set(name.toLowerCase(), sources);
  }
  return out;
}
