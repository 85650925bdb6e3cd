import { creditCodeValid } from '../classify/credit-code.js';

/** Characters OCR confuses in tax ids, each with what it may really be. */
const LOOK_ALIKES: Record<string, readonly string[]> = {
  O: ['0'],
  '0': ['O'],
  D: ['0'],
  I: ['1'],
  '1': ['I'],
  Z: ['2'],
  '2': ['Z'],
  S: ['5'],
  '5': ['S'],
  B: ['8'],
  '8': ['B'],
};

/**
 * A tax id read by OCR, checked against the 统一社会信用代码 check character. When the reading
 * fails the check, the one-character look-alike substitutions (and the dropping of a stray leading
 * `9`, the colon misread) that make it pass are tried; exactly one passing candidate is taken,
 * otherwise the reading is left as it was (never a guessed code).
 */
export function repairTaxId(text: string, raw: string): string {
  const candidates = new Set<string>();
  const base: string[] = [text];
  if (text.length === 19 && text.startsWith('9')) base.push(text.slice(1));
  const compact = raw.replace(/\s/g, '').toUpperCase();
  if (/^9[.,][0-9A-Z]{18}/.test(compact)) base.push(compact.slice(2, 20));
  // The colon dropped and a stray dot read after the code's own leading 9 (`识别号9.1310…`).
  if (/^9[.,][0-9A-Z]{17}(?![0-9A-Z])/.test(compact)) base.push(`9${compact.slice(2, 19)}`);
  for (const code of base) {
    if (code.length !== 18) continue;
    if (creditCodeValid(code) === true) return code;
  }
  for (const code of base) {
    if (code.length !== 18) continue;
    for (let i = 0; i < code.length; i += 1) {
      for (const alt of LOOK_ALIKES[code.charAt(i)] ?? []) {
        const candidate = code.slice(0, i) + alt + code.slice(i + 1);
        if (creditCodeValid(candidate) === true) candidates.add(candidate);
      }
    }
  }
  const only = [...candidates];
  return only.length === 1 && only[0] ? only[0] : text;
}
