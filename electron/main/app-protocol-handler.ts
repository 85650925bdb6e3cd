import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { SECURITY_HEADERS } from './security/security-headers.js';
import { APP_HOST } from './security/trusted-url.js';

/** What the built renderer contains; anything else is served as bytes the page cannot run. */
const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
};

function answer(
  status: number,
  body: string | Uint8Array<ArrayBuffer> | null,
  contentType: string,
): Response {
  return new Response(body, { status, headers: { ...SECURITY_HEADERS, 'Content-Type': contentType } });
}

const plain = 'text/plain; charset=utf-8';

/** The file under `root` that `pathname` names, or undefined when it would leave `root`. */
function resolveInside(root: string, pathname: string): string | undefined {
  let relative: string;
  try {
    relative = decodeURIComponent(pathname === '/' ? '/index.html' : pathname);
  } catch {
    return undefined;
  }
  if (relative.includes('\0')) return undefined;
  const file = path.resolve(root, `.${relative}`);
  return file.startsWith(root + path.sep) ? file : undefined;
}

/**
 * The `app://` protocol handler as a plain function of a Fetch `Request`, so it runs (and is
 * tested) without Electron. Every answer, errors included, carries the security headers:
 * `webRequest.onHeadersReceived` does not fire for custom protocols, so this is where they are set.
 */
export function createAppProtocolHandler(rendererDir: string): (request: Request) => Promise<Response> {
  const root = path.resolve(rendererDir);
  return async (request) => {
    const url = new URL(request.url);
    if (url.host !== APP_HOST) return answer(404, 'not found', plain);
    if (request.method !== 'GET' && request.method !== 'HEAD')
      return answer(405, 'method not allowed', plain);
    const file = resolveInside(root, url.pathname);
    if (!file) return answer(403, 'forbidden', plain);
    try {
      if (!(await stat(file)).isFile()) return answer(404, 'not found', plain);
      const body = new Uint8Array(await readFile(file));
      const type = CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
      return answer(200, request.method === 'HEAD' ? null : body, type);
    } catch {
      return answer(404, 'not found', plain);
    }
  };
}
