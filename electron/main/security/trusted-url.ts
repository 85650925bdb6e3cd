/** The custom scheme the packaged renderer is served from (never file://). */
export const APP_SCHEME = 'app';
export const APP_HOST = 'zxe';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

function parse(value: string | undefined): URL | undefined {
  if (!value) return undefined;
  try {
    return new URL(value);
  } catch {
    return undefined;
  }
}

/** Origin check for IPC senders and navigations: exactly one of the allowed origins, no credentials. */
export function makeOriginCheck(allowed: readonly string[]): (origin: string | undefined) => boolean {
  const set = new Set(allowed);
  return (origin) => {
    const url = parse(origin);
    if (!url || url.username || url.password) return false;
    return set.has(url.origin) || (url.origin === 'null' && set.has(`${url.protocol}//${url.host}`));
  };
}

/** Links the OS browser may open: http(s) only, no credentials, no app or file schemes. */
export function isSafeExternalUrl(value: string): boolean {
  const url = parse(value);
  if (!url || url.username || url.password) return false;
  return url.protocol === 'https:' || url.protocol === 'http:';
}
