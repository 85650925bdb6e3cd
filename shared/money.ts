/**
 * Money is integer fen (分) inside; at the JSON edge it is a decimal number with at most two places.
 * Nothing here sums floats: a decimal is turned into fen through its shortest round-trip text.
 */

/** 999,999,999,999.99 元: far above any small business's voucher, far below 2^53 fen. */
export const MAX_AMOUNT_FEN = 99_999_999_999_999;

export type Fen = number;

/** Fen for a JSON number with ≤ 2 decimals, or `undefined` when it is not an exact amount. */
export function decimalToFen(value: number): Fen | undefined {
  if (typeof value !== 'number' || !Number.isFinite(value)) return undefined;
  const text = String(value);
  const match = /^(-?)(\d+)(?:\.(\d{1,2}))?$/.exec(text);
  if (!match) return undefined;
  const [, sign, whole, frac = ''] = match;
  const fen = Number(whole) * 100 + Number(frac.padEnd(2, '0'));
  if (!Number.isSafeInteger(fen) || fen > MAX_AMOUNT_FEN) return undefined;
  return sign === '-' ? -fen : fen;
}

/** The JSON number for an amount in fen (exact for every safe integer of fen). */
export function fenToDecimal(fen: Fen): number {
  return Number(formatFenPlain(fen));
}

/** "1234.50" */
export function formatFenPlain(fen: Fen): string {
  const negative = fen < 0;
  const abs = Math.abs(fen);
  const yuan = Math.trunc(abs / 100);
  const cents = String(abs % 100).padStart(2, '0');
  return `${negative ? '-' : ''}${yuan}.${cents}`;
}

/** "¥1,234.50" for display. */
export function formatFenYuan(fen: Fen): string {
  const [whole = '0', cents = '00'] = formatFenPlain(Math.abs(fen)).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${fen < 0 ? '-' : ''}¥${grouped}.${cents}`;
}
