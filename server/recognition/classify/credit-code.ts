/** 统一社会信用代码 (GB 32100-2015): 18 characters, the last a check character over the first 17. */
const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** True/false for an 18-character code; null for other tax ids (15/17/20-character ones have no check). */
export function creditCodeValid(code: string): boolean | null {
  if (code.length !== 18) return null;
  let sum = 0;
  for (let i = 0; i < 17; i += 1) {
    const value = ALPHABET.indexOf(code.charAt(i));
    if (value < 0) return false;
    sum += value * (WEIGHTS[i] ?? 0);
  }
  const check = (31 - (sum % 31)) % 31;
  return ALPHABET.charAt(check) === code.charAt(17);
}
