import { decimalToFen, formatFenPlain, MAX_AMOUNT_FEN, type Fen } from '../../../../shared/money';

/**
 * Amount cells hold text as typed ("1234.5", "-20" for a red figure); these turn it into integer fen
 * and back. Nothing sums floats: text → fen goes through `decimalToFen`.
 */

const CELL_PATTERN = /^-?\d{0,15}(\.\d{0,2})?$/;

/** What may stand in a cell: digits, one point, two decimals, a leading minus. Pasted "¥1,234.50" is cleaned. */
export function cleanAmountInput(raw: string): string | undefined {
  const text = raw.replace(/[\s,，¥￥]/g, '');
  return CELL_PATTERN.test(text) ? text : undefined;
}

/** Fen of a cell: 0 for an empty cell, undefined when the text is no exact amount. */
export function cellFen(text: string): Fen | undefined {
  if (text === '' || text === '-' || text === '.' || text === '-.') return 0;
  const value = Number(text.endsWith('.') ? text.slice(0, -1) : text);
  if (!Number.isFinite(value)) return undefined;
  const fen = decimalToFen(value);
  if (fen === undefined || Math.abs(fen) > MAX_AMOUNT_FEN) return undefined;
  return fen;
}

/** The cell text for an amount: "1234.5" for 123450 fen, "" for 0. */
export function fenToCell(fen: Fen): string {
  if (fen === 0) return '';
  return formatFenPlain(fen)
    .replace(/\.00$/, '')
    .replace(/(\.\d)0$/, '$1');
}

/** "1,234.50" (no currency sign), "-20.00" for red figures, "" for 0: for cells not being edited. */
export function formatAmount(fen: Fen): string {
  if (fen === 0) return '';
  const [whole = '0', cents = '00'] = formatFenPlain(Math.abs(fen)).split('.');
  return `${fen < 0 ? '-' : ''}${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${cents}`;
}

/** Trailing `-` after a number: the figure turns red (negative), or back. */
export function toggleNegative(text: string): string {
  if (text === '' || text === '-') return text;
  return text.startsWith('-') ? text.slice(1) : `-${text}`;
}
