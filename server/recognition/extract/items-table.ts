import { lineCells, meanConfidence, glyphText, type Glyph, type Line } from '../layout.js';
import { normalizeRate, parseAmountFen, plainNumber } from './amounts.js';
import { taxCategoryOf, type ExtractedItem, type TaxReason } from './invoice-fields.js';
import type { ColumnKey } from './labels.js';

export interface Column {
  key: ColumnKey;
  x0: number;
  x1: number;
  centre: number;
}

interface Cell {
  glyphs: Glyph[];
  text: string;
  x0: number;
  x1: number;
  centre: number;
}

/**
 * Splits a cell where a narrower gap separates two numbers (`9 176.98`, `1592.84 13%`): columns of
 * figures sit closer than text cells, and OCR boxes them apart by less than the cell gap.
 */
function splitFigures(glyphs: Glyph[], height: number): Glyph[][] {
  const out: Glyph[][] = [];
  let current: Glyph[] = [];
  for (const glyph of glyphs) {
    const previous = current[current.length - 1];
    if (
      previous &&
      glyph.x0 - previous.x1 > height * 0.3 &&
      /[0-9.%]/.test(previous.ch) &&
      /[-0-9¥]/.test(glyph.ch)
    ) {
      out.push(current);
      current = [];
    }
    current.push(glyph);
  }
  if (current.length) out.push(current);
  return out;
}

function cellsOf(line: Line): Cell[] {
  return lineCells(line, 0.9)
    .flatMap((glyphs) => splitFigures(glyphs, line.height))
    .map((glyphs) => {
      const x0 = glyphs[0]?.x0 ?? 0;
      const x1 = glyphs[glyphs.length - 1]?.x1 ?? x0;
      return { glyphs, text: glyphText(glyphs, line.height).trim(), x0, x1, centre: (x0 + x1) / 2 };
    });
}

/** Column whose range holds x; ranges split halfway between neighbouring header centres. */
function columnAt(columns: readonly Column[], x: number): ColumnKey | undefined {
  const sorted = [...columns].sort((a, b) => a.centre - b.centre);
  for (let i = 0; i < sorted.length; i += 1) {
    const column = sorted[i];
    const next = sorted[i + 1];
    if (!column) continue;
    if (!next || x < (column.centre + next.centre) / 2) return column.key;
  }
  return undefined;
}

const NUMBER = /^-?[¥]?\d[\d,]*(\.\d+)?$/;

function rateOf(text: string): string | null {
  const t = text.replace(/\s/g, '');
  if (/^(免税|不征税)$/.test(t)) return t;
  if (/%$/.test(t) || /^(0|1|3|5|6|9|10|13)96$/.test(t)) return normalizeRate(t);
  return null;
}

interface Row {
  name: string;
  spec: string;
  unit: string;
  numbers: { key: ColumnKey | undefined; text: string; centre: number }[];
  rate: string | null;
  taxStars: boolean;
  /** The quantity cell holds one glyph OCR reads for a lone `1` (√, V, l, I, |). */
  quantityLooksLikeOne: boolean;
  glyphs: Glyph[];
}

/** What OCR makes of a lone `1` in a figures column: a stroke with a flag or a foot. */
const ONE_LOOKALIKE = /^[√Vvl|I丨]$/;

function readRow(line: Line, columns: readonly Column[]): Row {
  const row: Row = {
    name: '',
    spec: '',
    unit: '',
    numbers: [],
    rate: null,
    taxStars: false,
    quantityLooksLikeOne: false,
    glyphs: line.glyphs,
  };
  const nameColumn = columns.find((c) => c.key === 'name');
  for (const cell of cellsOf(line)) {
    const key = columnAt(columns, cell.centre);
    const startsInName = nameColumn !== undefined && columnAt(columns, cell.x0) === 'name';
    const compact = cell.text.replace(/\s/g, '');
    const rate = rateOf(compact);
    if (rate && !startsInName) {
      row.rate = rate;
    } else if ((/^\*{3}$/.test(compact) || (key === 'tax' && /^\*{2}.?$/.test(compact))) && !startsInName) {
      if (key === 'rate') row.rate = '***';
      row.taxStars = true;
    } else if (NUMBER.test(compact) && !startsInName) {
      row.numbers.push({ key, text: compact, centre: cell.centre });
    } else if (key === 'quantity' && ONE_LOOKALIKE.test(compact)) {
      row.quantityLooksLikeOne = true;
    } else if (startsInName || key === 'name' || (!row.name && key === undefined)) {
      row.name += cell.text.replace(/\s+/g, compact.startsWith('*') ? '' : ' ');
    } else if (key === 'spec') {
      row.spec += cell.text;
    } else if (key === 'unit') {
      row.unit += cell.text;
    } else if (!row.name) {
      row.name = cell.text;
    } else if (key === 'quantity' || key === 'price') {
      row.unit += cell.text;
    } else {
      row.spec += cell.text;
    }
  }
  return row;
}

/**
 * Assigns a row's numbers to quantity / price / amount / tax. The rate cell (13%, 免税 …) is the
 * anchor when present: the number right of it is the tax, the nearest left of it the amount, and
 * the ones before that price and quantity; without a rate cell the header columns decide.
 */
function splitNumbers(
  row: Row,
  columns: readonly Column[],
): {
  quantity?: string;
  price?: string;
  amount?: string;
  tax?: string;
} {
  const rateColumn = columns.find((c) => c.key === 'rate');
  const numbers = [...row.numbers].sort((a, b) => a.centre - b.centre);
  const out: { quantity?: string; price?: string; amount?: string; tax?: string } = {};
  if (row.rate !== null && rateColumn) {
    const left = numbers.filter((n) => n.centre < rateColumn.centre);
    const right = numbers.filter((n) => n.centre >= rateColumn.centre);
    out.tax = right[0]?.text;
    const amountIndex = left.length - 1;
    out.amount = left[amountIndex]?.text;
    const before = left.slice(0, Math.max(0, amountIndex));
    if (before.length >= 2) {
      out.quantity = before[before.length - 2]?.text;
      out.price = before[before.length - 1]?.text;
    } else if (before[0]) {
      if (before[0].key === 'quantity') out.quantity = before[0].text;
      else out.price = before[0].text;
    }
    return out;
  }
  for (const n of numbers) {
    if (n.key === 'quantity') out.quantity ??= n.text;
    else if (n.key === 'price') out.price ??= n.text;
    else if (n.key === 'amount') out.amount ??= n.text;
    else if (n.key === 'tax') out.tax ??= n.text;
  }
  return out;
}

/** `日用杂品*纸巾`: OCR dropped the opening star of the *税收分类*; one star in the name means it. */
function withCategoryStar(name: string): string {
  return /^[^*\s]{2,}\*[^*]/.test(name) && name.split('*').length === 2 ? `*${name}` : name;
}

/** The line items between the table header and the 合计 line. */
export function readItemsTable(lines: readonly Line[], columns: readonly Column[]): ExtractedItem[] {
  const items: ExtractedItem[] = [];
  let pendingName = '';
  for (const line of lines) {
    const row = readRow(line, columns);
    const numbers = splitNumbers(row, columns);
    const amountFen = numbers.amount === undefined ? undefined : parseAmountFen(numbers.amount);
    if (amountFen === undefined) {
      // A line without an amount continues the previous item's name (or starts the next one's).
      const previous = items[items.length - 1];
      if (row.name && previous && !row.name.startsWith('*')) {
        previous.name += row.name;
        previous.taxCategory = taxCategoryOf(previous.name);
        previous.spec += row.spec;
        previous.unit += row.unit;
      } else if (row.name) {
        pendingName += row.name;
      }
      continue;
    }
    const name = withCategoryStar(pendingName + row.name);
    pendingName = '';
    const taxReason: TaxReason | null =
      row.rate === '免税' || row.rate === '不征税'
        ? row.rate
        : row.taxStars || row.rate === '***'
          ? '***'
          : null;
    const taxFen = numbers.tax === undefined ? 0 : (parseAmountFen(numbers.tax) ?? 0);
    // A look-alike of `1` is the quantity 1 only when the line itself proves it: price = amount.
    const priceFen = numbers.price === undefined ? undefined : parseAmountFen(numbers.price);
    if (numbers.quantity === undefined && row.quantityLooksLikeOne && priceFen === amountFen)
      numbers.quantity = '1';
    items.push({
      name,
      taxCategory: taxCategoryOf(name),
      spec: row.spec,
      unit: row.unit,
      quantity: numbers.quantity === undefined ? null : plainNumber(numbers.quantity),
      unitPrice: numbers.price === undefined ? null : plainNumber(numbers.price),
      amountFen,
      rate: row.rate ?? '',
      taxFen,
      taxReason,
      discount: amountFen < 0,
      confidence: meanConfidence(row.glyphs),
    });
  }
  return items;
}
