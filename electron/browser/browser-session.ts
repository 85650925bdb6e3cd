import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Browser mode's secret: a per-launch random token (256 bits) in the printed address, as Jupyter
 * does. Host and Origin checks stop web pages, but any local process can forge both; it cannot
 * guess this. The page trades the token for an HttpOnly, SameSite=Strict cookie (EventSource cannot
 * send headers, a cookie goes with it), and every request without that cookie is refused.
 */
export const SESSION_TOKEN_BYTES = 32;

export const TOKEN_QUERY_PARAMETER = 'token';

export class BrowserSession {
  readonly token: string;
  readonly #tokenBytes: Buffer;
  readonly cookieName: string;

  constructor(token = randomBytes(SESSION_TOKEN_BYTES).toString('base64url')) {
    this.token = token;
    this.#tokenBytes = Buffer.from(token);
    // One name per launch: cookies are shared by every port of 127.0.0.1, so two instances (or an
    // old launch's cookie) must not overwrite each other. The name reveals nothing of the token.
    const id = createHash('sha256').update(token).digest('hex').slice(0, 12);
    this.cookieName = `zxe_session_${id}`;
  }

  /** Constant-time comparison, so the answer's timing says nothing about how much of a guess was right. */
  matches(candidate: string | undefined): boolean {
    if (candidate === undefined) return false;
    const bytes = Buffer.from(candidate);
    return bytes.length === this.#tokenBytes.length && timingSafeEqual(bytes, this.#tokenBytes);
  }

  /** Whether the request's Cookie header carries this session's cookie with the token. */
  hasCookie(cookieHeader: string | undefined): boolean {
    if (!cookieHeader) return false;
    for (const part of cookieHeader.split(';')) {
      const separator = part.indexOf('=');
      if (separator < 0) continue;
      if (part.slice(0, separator).trim() !== this.cookieName) continue;
      if (this.matches(part.slice(separator + 1).trim())) return true;
    }
    return false;
  }

  /** `Set-Cookie` for the page: never readable by scripts, never sent by another site. */
  setCookieHeader(): string {
    return `${this.cookieName}=${this.token}; Path=/; HttpOnly; SameSite=Strict`;
  }
}
