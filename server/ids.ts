import { randomBytes } from 'node:crypto';

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
/** 62 × 4: bytes at or above it are dropped so that `byte % 62` stays uniform. */
const UNBIASED_LIMIT = 248;

/** `length` characters of [0-9A-Za-z], each uniformly random from the OS CSPRNG. */
export function randomBase62(length: number): string {
  let out = '';
  while (out.length < length) {
    for (const byte of randomBytes(length)) {
      if (byte >= UNBIASED_LIMIT) continue;
      out += BASE62.charAt(byte % 62);
      if (out.length === length) break;
    }
  }
  return out;
}

/** Row ids such as `acc_8fK2…`: 16 base62 characters make collisions a non-issue (~95 bits). */
export function newId(prefix: 'acc_' | 'ten_' | 'key_' | 'vch_' | 'inv_'): string {
  return prefix + randomBase62(16);
}

/** `value` in base62 (same alphabet, so text order is numeric order), left-padded to `width`. */
function base62Fixed(value: number, width: number): string {
  let out = '';
  let rest = Math.floor(value);
  while (rest > 0) {
    out = BASE62.charAt(rest % 62) + out;
    rest = Math.floor(rest / 62);
  }
  return out.padStart(width, '0');
}

/**
 * Time-ordered ids for rows written at high rates (vouchers): 8 characters of milliseconds, then 12
 * random ones (~71 bits). New rows then land at the right edge of the primary-key B-trees instead
 * of on random pages, which makes each commit touch a few pages rather than one per index.
 */
export function newTimeOrderedId(prefix: 'vch_', now: number = Date.now()): string {
  return prefix + base62Fixed(now, 8) + randomBase62(12);
}
