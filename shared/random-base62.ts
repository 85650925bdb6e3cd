export const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
/** 62 × 4: bytes at or above it are dropped so that `byte % 62` stays uniform. */
const UNBIASED_LIMIT = 248;

/**
 * `length` characters of [0-9A-Za-z], each uniformly random from the platform's CSPRNG (Web Crypto,
 * present in Node and in browsers alike).
 */
export function randomBase62(length: number): string {
  let out = '';
  while (out.length < length) {
    for (const byte of globalThis.crypto.getRandomValues(new Uint8Array(length))) {
      if (byte >= UNBIASED_LIMIT) continue;
      out += BASE62.charAt(byte % 62);
      if (out.length === length) break;
    }
  }
  return out;
}
