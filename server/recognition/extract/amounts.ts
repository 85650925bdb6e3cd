import { MAX_AMOUNT_FEN } from '../../../shared/money.js';

/**
 * Amount text as invoices print it: `¥1,234.50`, `-12.50`, `¥-12.50`, `1234.5`. Returns fen, or
 * undefined when the text is not exactly an amount (more than two decimals, letters, …).
 */
export function parseAmountFen(text: string): number | undefined {
  const cleaned = text.replace(/[¥￥\s,]/g, '').replace(/^[:：]/, '');
  const match = /^(-?)(\d{1,13})(?:\.(\d{1,2}))?$/.exec(cleaned);
  if (!match) return undefined;
  const [, sign, whole = '0', frac = ''] = match;
  const fen = Number(whole) * 100 + Number(frac.padEnd(2, '0'));
  if (!Number.isSafeInteger(fen) || fen > MAX_AMOUNT_FEN) return undefined;
  return sign === '-' && fen !== 0 ? -fen : fen;
}

/** Amount tokens in a piece of text, in order: `合计 ¥46.62 ¥6.08` → [4662, 608]. */
export function amountTokens(text: string): number[] {
  const out: number[] = [];
  for (const match of text.matchAll(/[¥￥]?\s?-?\d[\d,]*\.\d{2}(?!\d)/g)) {
    const fen = parseAmountFen(match[0]);
    if (fen !== undefined) out.push(fen);
  }
  return out;
}

/** A printed quantity or unit price, exactly as printed (thousands separators dropped). */
export function plainNumber(text: string): string | null {
  const cleaned = text.replace(/[¥\s,]/g, '');
  return /^-?\d+(\.\d+)?$/.test(cleaned) ? cleaned : null;
}

/**
 * A tax rate as printed: `13%`, `6%`; also OCR's misreadings of the percent sign (`1396` for 13%,
 * `696` for 6%) and XML's decimals (`0.13`). Returns the printed form, or null.
 */
export function normalizeRate(text: string): string | null {
  const t = text.replace(/\s/g, '');
  if (/^(免税|不征税)$/.test(t)) return t;
  let match = /^(\d{1,2}(?:\.\d+)?)[%％]$/.exec(t);
  if (match) return `${Number(match[1])}%`;
  match = /^(0|1|3|5|6|9|10|11|13|16|17)(96|9б|9o|%o)$/.exec(t);
  if (match) return `${Number(match[1])}%`;
  match = /^0?\.(\d{1,2})$/.exec(t);
  if (match) return `${Math.round(Number(`0.${match[1] ?? '0'}`) * 100)}%`;
  if (t === '0') return '0%';
  return null;
}
