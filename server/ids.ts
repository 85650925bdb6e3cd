import { BASE62, randomBase62 } from '../shared/random-base62.js';

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
