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
export function newId(prefix: 'acc_' | 'ten_' | 'key_'): string {
  return prefix + randomBase62(16);
}
