import { buildLines, lineCells, meanConfidence, type Glyph, type Line } from '../layout.js';
import type { PositionedPage } from '../positioned-text.js';
import { parseAmountFen } from './amounts.js';
import { parseInvoiceDate } from './dates.js';
import { emptyExtraction, type ExtractedInvoice, type Field } from './invoice-fields.js';
import { readItemsTable, type Column } from './items-table.js';
import { HEADER_COLUMNS, LABELS, RECEIPT_MARKERS, STOP_LABELS } from './labels.js';
import { continuationBelow, findHits, lineCentre, valueAfter, type Hit, type Value } from './line-search.js';
import { parseQrPayload } from './qr-payload.js';
import { repairTaxId } from './tax-id-repair.js';

type Source = PositionedPage['source'];

function field<T>(value: T | null | undefined, confidence: number, source: Source): Field<T> | null {
  if (value === null || value === undefined || value === '') return null;
  return { value, confidence: Math.max(0, Math.min(1, confidence)), source };
}

/** Glyph index of the first other label after `hit` on its line (where its value must stop). */
function stopIndex(lines: readonly Line[], hit: Hit): number {
  const line = lines[hit.lineIndex];
  if (!line) return 0;
  let stop = line.glyphs.length;
  for (const pattern of STOP_LABELS) {
    for (const other of findHits([line], pattern)) {
      if (other.start >= hit.end && other.start < stop) stop = other.start;
    }
  }
  return stop;
}

function labelValue(lines: readonly Line[], hit: Hit, maxGap = 2): Value | null {
  return valueAfter(lines, hit, { stopAt: stopIndex(lines, hit), maxGap });
}

function firstHit(lines: readonly Line[], pattern: RegExp): Hit | undefined {
  return findHits(lines, pattern)[0];
}

function digitsAfter(lines: readonly Line[], pattern: RegExp, lengths: readonly number[]): Value | null {
  for (const hit of findHits(lines, pattern)) {
    const value = valueAfter(lines, hit, { stopAt: stopIndex(lines, hit), maxGap: 1.5 });
    if (!value) continue;
    const digits = /^\d+/.exec(value.text.replace(/\s/g, ''))?.[0] ?? '';
    if (lengths.includes(digits.length)) return { ...value, text: digits };
  }
  return null;
}

interface PartyFields {
  name: Value | null;
  taxId: Value | null;
}

function partyWord(text: string): 'buyer' | 'seller' | null {
  // A lone 购 / 销 right before the label is the side marker glued to it by OCR (`购名称:`).
  if (/(购买方|购方|买方|购货单位|受票方|^购)$/.test(text)) return 'buyer';
  if (/(销售方|销方|卖方|销货单位|开票方|^销)$/.test(text)) return 'seller';
  return null;
}

/** Isolated 购 / 销 glyphs: the side labels (vertical 购买方 / 销售方信息) of both layouts. */
function sideMarkers(lines: readonly Line[]): { party: 'buyer' | 'seller'; x: number; y: number }[] {
  const out: { party: 'buyer' | 'seller'; x: number; y: number }[] = [];
  for (const line of lines) {
    line.glyphs.forEach((glyph, index) => {
      if (glyph.ch !== '购' && glyph.ch !== '销') return;
      const before = line.glyphs[index - 1];
      const after = line.glyphs[index + 1];
      const h = line.height;
      const isolated =
        (!before || glyph.x0 - before.x1 > h * 0.8) &&
        (!after || after.x0 - glyph.x1 > h * 0.8 || /[买售]/.test(after.ch));
      if (isolated)
        out.push({
          party: glyph.ch === '购' ? 'buyer' : 'seller',
          x: glyph.x1,
          y: (glyph.top + glyph.bottom) / 2,
        });
    });
  }
  return out;
}

function partyOfHit(
  lines: readonly Line[],
  hit: Hit,
  markers: ReturnType<typeof sideMarkers>,
): 'buyer' | 'seller' | null {
  const line = lines[hit.lineIndex];
  if (!line) return null;
  const before = line.glyphs
    .slice(Math.max(0, hit.start - 6), hit.start)
    .map((g) => g.ch)
    .join('');
  const word = partyWord(before);
  if (word) return word;
  const x0 = line.glyphs[hit.start]?.x0 ?? 0;
  const y = lineCentre(line);
  let best: 'buyer' | 'seller' | null = null;
  let bestScore = Infinity;
  for (const marker of markers) {
    const dx = x0 - marker.x;
    if (dx < -line.height * 0.5 || dx > line.height * 12) continue;
    const score = Math.abs(marker.y - y) + dx * 0.3;
    if (score < bestScore) {
      bestScore = score;
      best = marker.party;
    }
  }
  return best;
}

function hitX(lines: readonly Line[], hit: Hit): number {
  return lines[hit.lineIndex]?.glyphs[hit.start]?.x0 ?? 0;
}

/** Orders two same-kind hits buyer-first: side by side → left is the buyer; stacked → top is. */
function byLayout(lines: readonly Line[], hits: Hit[]): Hit[] {
  return [...hits].sort((a, b) => {
    const la = lines[a.lineIndex];
    const lb = lines[b.lineIndex];
    if (!la || !lb) return 0;
    const sameRow = Math.abs(lineCentre(la) - lineCentre(lb)) < Math.min(la.height, lb.height);
    return sameRow ? hitX(lines, a) - hitX(lines, b) : la.top - lb.top;
  });
}

function assignParties(lines: readonly Line[], pattern: RegExp): { buyer?: Hit; seller?: Hit } {
  const hits = findHits(lines, pattern);
  if (hits.length === 0) return {};
  const markers = sideMarkers(lines);
  const out: { buyer?: Hit; seller?: Hit } = {};
  const unassigned: Hit[] = [];
  for (const hit of hits) {
    const party = partyOfHit(lines, hit, markers);
    if (party && !out[party]) out[party] = hit;
    else unassigned.push(hit);
  }
  if (!out.buyer && !out.seller) {
    const ordered = byLayout(lines, unassigned);
    if (ordered.length >= 2) return { buyer: ordered[0], seller: ordered[1] };
    return { seller: ordered[0] };
  }
  const rest = byLayout(lines, unassigned);
  if (!out.buyer && out.seller && rest[0]) out.buyer = rest[0];
  if (!out.seller && out.buyer && rest[0]) out.seller = rest[0];
  return out;
}

function nameValue(lines: readonly Line[], hit: Hit | undefined): Value | null {
  if (!hit) return null;
  const value = labelValue(lines, hit);
  if (!value) return null;
  const line = lines[hit.lineIndex];
  const labelX0 = line?.glyphs[hit.start]?.x0 ?? value.x0;
  const more = continuationBelow(lines, hit.lineIndex, value, labelX0, value.x1 + (line?.height ?? 0));
  if (!more) return value;
  if (STOP_LABELS.some((p) => p.test(more.text))) return value;
  return { ...value, text: value.text + more.text, glyphs: [...value.glyphs, ...more.glyphs] };
}

const TAX_ID = /^[0-9A-Z]{15,20}$/;

function taxIdValue(lines: readonly Line[], hit: Hit | undefined): Value | null {
  if (!hit) return null;
  const value = labelValue(lines, hit, 1.5);
  if (!value) return null;
  let text = value.text.replace(/\s/g, '').toUpperCase();
  // OCR reads the colon before the code as `9` or `9.` (`识别号9.9131…`): drop it when the rest checks.
  const afterColon = /^9[.,]?(?=[0-9A-Z]{18}$)/.exec(text);
  text = afterColon ? text.slice(afterColon[0].length) : text.replace(/^[.,]/, '');
  text = /^[0-9A-Z]+/.exec(text)?.[0] ?? '';
  if (text.length > 0 && text.length < 18) {
    const line = lines[hit.lineIndex];
    const labelX0 = line?.glyphs[hit.start]?.x0 ?? value.x0;
    const more = continuationBelow(lines, hit.lineIndex, value, labelX0, value.x1 + (line?.height ?? 0));
    const tail = /^[0-9A-Z]+/.exec(more?.text.replace(/\s/g, '').toUpperCase() ?? '')?.[0] ?? '';
    if (tail && TAX_ID.test(text + tail)) text += tail;
  }
  text = repairTaxId(text, value.text);
  return TAX_ID.test(text) ? { ...value, text } : null;
}

/**
 * Each tax id label takes the party of the 名称 label straight above it in the same column (the
 * block under one side marker), when that gives both parties distinct labels.
 */
function idsUnderNames(
  lines: readonly Line[],
  names: { buyer?: Hit; seller?: Hit },
  ids: { buyer?: Hit; seller?: Hit },
): { buyer?: Hit; seller?: Hit } {
  const idHits = [ids.buyer, ids.seller].filter((h): h is Hit => h !== undefined);
  if (!names.buyer || !names.seller || idHits.length !== 2) return ids;
  const anchors = [
    { party: 'buyer' as const, hit: names.buyer },
    { party: 'seller' as const, hit: names.seller },
  ];
  const out: { buyer?: Hit; seller?: Hit } = {};
  for (const idHit of idHits) {
    const line = lines[idHit.lineIndex];
    if (!line) return ids;
    let best: { party: 'buyer' | 'seller'; distance: number } | undefined;
    for (const anchor of anchors) {
      const anchorLine = lines[anchor.hit.lineIndex];
      if (!anchorLine || anchorLine.top >= line.top) continue;
      if (Math.abs(hitX(lines, anchor.hit) - hitX(lines, idHit)) > line.height * 3) continue;
      const distance = line.top - anchorLine.top;
      if (!best || distance < best.distance) best = { party: anchor.party, distance };
    }
    if (!best || out[best.party]) return ids;
    out[best.party] = idHit;
  }
  return out;
}

function parties(lines: readonly Line[]): { buyer: PartyFields; seller: PartyFields } {
  const names = assignParties(lines, LABELS.name);
  const ids = idsUnderNames(lines, names, assignParties(lines, LABELS.taxId));
  return {
    buyer: { name: nameValue(lines, names.buyer), taxId: taxIdValue(lines, ids.buyer) },
    seller: { name: nameValue(lines, names.seller), taxId: taxIdValue(lines, ids.seller) },
  };
}

/** The title: the largest line near the top that names a kind of invoice or receipt. */
function titleLine(lines: readonly Line[], page: PositionedPage): Line | undefined {
  const candidates = lines.filter((line) => line.top < page.height * 0.35 && titleText(line) !== '');
  return candidates.sort((a, b) => b.height - a.height)[0];
}

const TITLE_WORDS = /发票|行程单|凭证|收据|票据|客票/;
/** A title ends with the kind it names (`…普通发票`, `…(普通发票)`, `…行程单`), not `发票详情` / `发票服务平台`. */
const TITLE_END = /(发票|票|单|凭证|收据|票据)[)）]?$/;
const NOT_TITLE = /发票代码|发票号码|开票日期|票据代码|票据号码|[:\d]/;

/** The title of a line (the line may also hold 发票号码 on its right), brackets full-width as printed. */
function titleText(line: Line): string {
  const tallest = Math.max(...line.glyphs.map((g) => g.bottom - g.top));
  const big = line.glyphs.filter((g) => g.bottom - g.top >= tallest * 0.85);
  const candidates = [
    big.map((g) => g.ch).join(''),
    ...lineCells(line, 1).map((glyphs) => glyphs.map((g) => g.ch).join('')),
  ];
  const text = candidates.find((t) => TITLE_WORDS.test(t) && !NOT_TITLE.test(t) && TITLE_END.test(t)) ?? '';
  return text.replaceAll('(', '（').replaceAll(')', '）');
}

const WORDS_CHARS = /[零壹贰叁肆伍陆柒捌玖拾佰仟万亿圆元角分整正负参武]+/g;

/** Characters OCR reads in place of 大写 numerals (参 for 叁, 武 for 贰); neither occurs in an amount in words. */
function wordsNumerals(words: string): string {
  return words.replaceAll('参', '叁').replaceAll('武', '贰');
}

function amountCells(glyphs: readonly Glyph[], height: number): { x: number; text: string }[] {
  const line: Line = {
    glyphs: [...glyphs],
    text: glyphs.map((g) => g.ch).join(''),
    top: 0,
    bottom: height,
    height,
  };
  const cells: { x: number; text: string }[] = [];
  for (const cell of lineCells(line, 0.6)) {
    // A currency sign starts a new amount even without a gap (`¥46.62¥6.08`).
    let current: Glyph[] = [];
    const flush = (): void => {
      if (current.length)
        cells.push({
          x: ((current[0]?.x0 ?? 0) + (current[current.length - 1]?.x1 ?? 0)) / 2,
          // OCR reads ¥ as Y.
          text: current
            .map((g) => g.ch)
            .join('')
            .replace(/^Y(?=-?\d)/, '¥'),
        });
      current = [];
    };
    for (const glyph of cell) {
      if ((glyph.ch === '¥' || glyph.ch === 'Y') && current.length) flush();
      current.push(glyph);
    }
    flush();
  }
  return cells;
}

/**
 * The 合计 line when OCR lost its label: below the items header, before 价税合计, a line of only
 * currency-marked figures (`¥297361.77¥17841.71`), or of those after what is left of the label
 * (`合¥28201.59¥1692.09`: 计 not read).
 */
function unlabelledTotals(lines: readonly Line[], headerLine: number | undefined): Hit | undefined {
  if (headerLine === undefined) return undefined;
  for (let i = headerLine + 1; i < lines.length; i += 1) {
    const text = lines[i]?.text ?? '';
    if (LABELS.totalWithTax.test(text)) return undefined;
    if (/^[合计]?[¥Y]-?\d[\d,]*\.\d{2}([¥Y]-?\d[\d,]*\.\d{2})?$/.test(text))
      return { lineIndex: i, start: 0, end: 0 };
  }
  return undefined;
}

function readTotals(
  lines: readonly Line[],
  headerLine: number | undefined,
  columns: Column[],
  source: Source,
  out: ExtractedInvoice,
): number | undefined {
  const hit =
    findHits(lines, LABELS.totals).find((h) => !/价税/.test(lines[h.lineIndex]?.text ?? '')) ??
    unlabelledTotals(lines, headerLine);
  if (!hit) return undefined;
  const line = lines[hit.lineIndex];
  if (!line) return undefined;
  const cells = amountCells(line.glyphs.slice(hit.end), line.height)
    .map((cell) => ({ ...cell, fen: /^\*+$/.test(cell.text) ? 0 : parseAmountFen(cell.text) }))
    .filter((cell): cell is { x: number; text: string; fen: number } => cell.fen !== undefined);
  const confidence = meanConfidence(line.glyphs.slice(hit.end));
  const amountCol = columns.find((c) => c.key === 'amount');
  const taxCol = columns.find((c) => c.key === 'tax');
  let amount = cells[0];
  let tax = cells[1];
  if (amountCol && taxCol && cells.length === 1 && cells[0]) {
    const only = cells[0];
    const toTax = Math.abs(only.x - taxCol.centre) < Math.abs(only.x - amountCol.centre);
    amount = toTax ? undefined : only;
    tax = toTax ? only : undefined;
  }
  out.totalAmount = field(amount?.fen, confidence, source);
  out.totalTax = field(tax?.fen ?? (amount ? 0 : undefined), tax ? confidence : confidence * 0.9, source);
  return hit.lineIndex;
}

function readTotalWithTax(lines: readonly Line[], source: Source, out: ExtractedInvoice): number | undefined {
  const hit = firstHit(lines, LABELS.totalWithTax);
  if (!hit) return undefined;
  const line = lines[hit.lineIndex];
  if (!line) return undefined;
  const rest = line.glyphs.slice(hit.end);
  const text = rest.map((g) => g.ch).join('');
  const words = [...text.matchAll(WORDS_CHARS)].map((m) => m[0]).sort((a, b) => b.length - a.length)[0];
  if (words && words.length >= 2)
    out.totalInWords = field(wordsNumerals(words), meanConfidence(rest), source);
  const small = /小写\)?[:]?/.exec(text);
  const tail = small ? rest.slice(Array.from(text.slice(0, small.index + small[0].length)).length) : rest;
  const cells = amountCells(tail, line.height)
    .map((cell) => parseAmountFen(cell.text))
    .filter((fen): fen is number => fen !== undefined);
  const figure = small ? cells[0] : cells[cells.length - 1];
  out.totalWithTax = field(figure, meanConfidence(tail), source);
  return hit.lineIndex;
}

function headerColumns(lines: readonly Line[]): { lineIndex: number; columns: Column[] } | undefined {
  let best: { lineIndex: number; columns: Column[] } | undefined;
  lines.forEach((line, lineIndex) => {
    const columns: Column[] = [];
    for (const column of HEADER_COLUMNS) {
      const hit = findHits([line], column.pattern)[0];
      if (!hit) continue;
      const x0 = line.glyphs[hit.start]?.x0 ?? 0;
      const x1 = line.glyphs[hit.end - 1]?.x1 ?? x0;
      columns.push({ key: column.key, x0, x1, centre: (x0 + x1) / 2 });
    }
    if (columns.length >= 4 && columns.length > (best?.columns.length ?? 0)) best = { lineIndex, columns };
  });
  return best;
}

const RECEIPT_LABELS = {
  seller: /收款方名称|收款方|收款单位(?:\(章\))?|收款人名称/,
  buyer: /付款方名称|付款方|交款人|付款人/,
  sellerTaxId: /收款方识别号|收款方纳税人识别号/,
  date: /申请日期|交易时间|交易日期|开票日期|日期/,
  total: /交易金额|实付金额|支付金额|金额合计|合计金额/,
} as const;

/**
 * Receipts and look-alikes label their parties and totals their own way (收款方 / 付款方,
 * 交易金额, 合计 98.42 元); read those only where the invoice labels found nothing.
 */
function readReceiptFallbacks(lines: readonly Line[], source: Source, out: ExtractedInvoice): void {
  const value = (pattern: RegExp): Value | null => {
    const hit = firstHit(lines, pattern);
    return hit ? labelValue(lines, hit) : null;
  };
  if (!out.sellerName) {
    const v = value(RECEIPT_LABELS.seller);
    out.sellerName = field(v?.text, v?.confidence ?? 0, source);
  }
  if (!out.buyerName) {
    const v = value(RECEIPT_LABELS.buyer);
    out.buyerName = field(v?.text, v?.confidence ?? 0, source);
  }
  if (!out.sellerTaxId) {
    const v = value(RECEIPT_LABELS.sellerTaxId);
    const id = v?.text.replace(/\s/g, '').toUpperCase();
    out.sellerTaxId = field(id && TAX_ID.test(id) ? id : null, v?.confidence ?? 0, source);
  }
  if (!out.date) {
    const v = value(RECEIPT_LABELS.date);
    out.date = field(v ? parseInvoiceDate(v.text) : null, v?.confidence ?? 0, source);
  }
  if (!out.totalWithTax) {
    for (const line of lines) {
      const small = /小写\)?:?[¥]?(-?\d[\d,]*\.\d{2})/.exec(line.text);
      const total =
        small ??
        /(?:交易金额|实付金额|支付金额|金额合计|合计金额)[:]?[¥]?(-?\d[\d,]*\.\d{2})/.exec(line.text) ??
        /合计[:]?[¥]?(-?\d[\d,]*\.\d{2})元/.exec(line.text);
      const fen = total?.[1] ? parseAmountFen(total[1]) : undefined;
      if (fen !== undefined) {
        out.totalWithTax = field(fen, meanConfidence(line.glyphs), source);
        const words = [...line.text.matchAll(WORDS_CHARS)]
          .map((m) => m[0])
          .sort((a, b) => b.length - a.length)[0];
        if (!out.totalInWords && words && words.length >= 2)
          out.totalInWords = field(words, meanConfidence(line.glyphs), source);
        break;
      }
    }
  }
}

/** Field extraction from positioned text (a PDF text layer, an OFD page or OCR boxes). */
export function extractFromPage(page: PositionedPage, qrPayloads: readonly string[] = []): ExtractedInvoice {
  const lines = buildLines(page);
  const source = page.source;
  const out = emptyExtraction(source);
  const allText = lines.map((l) => l.text).join('\n');

  const title = titleLine(lines, page);
  if (title) out.title = field(titleText(title), meanConfidence(title.glyphs), source);

  const code = digitsAfter(lines, LABELS.invoiceCode, [10, 12]);
  out.invoiceCode = field(code?.text, code?.confidence ?? 0, source);
  let number = digitsAfter(lines, LABELS.invoiceNumber, [20, 8]);
  if (!number) {
    // 数电票 print the 20-digit number beside the title; take a lone 20-digit run near the top.
    for (const line of lines.filter((l) => l.top < page.height * 0.3)) {
      const match = /(?<!\d)\d{20}(?!\d)/.exec(line.text);
      if (match && !/校验码/.test(line.text)) {
        number = { glyphs: [], text: match[0], x0: 0, x1: 0, confidence: meanConfidence(line.glyphs) * 0.9 };
        break;
      }
    }
  }
  out.invoiceNumber = field(number?.text, number?.confidence ?? 0, source);

  const dateHit = firstHit(lines, LABELS.date);
  if (dateHit) {
    const value = valueAfter(lines, dateHit, { stopAt: stopIndex(lines, dateHit), maxGap: 3 });
    out.date = field(value ? parseInvoiceDate(value.text) : null, value?.confidence ?? 0, source);
  }

  const checkHit = firstHit(lines, LABELS.checkCode);
  if (checkHit) {
    const value = valueAfter(lines, checkHit, { stopAt: stopIndex(lines, checkHit), maxGap: 3 });
    const digits = value?.text.replace(/\D/g, '').slice(0, 20) ?? '';
    out.checkCode = field(digits.length === 20 ? digits : null, value?.confidence ?? 0, source);
  }

  const { buyer, seller } = parties(lines);
  out.buyerName = field(buyer.name?.text, buyer.name?.confidence ?? 0, source);
  out.buyerTaxId = field(buyer.taxId?.text, buyer.taxId?.confidence ?? 0, source);
  out.sellerName = field(seller.name?.text, seller.name?.confidence ?? 0, source);
  out.sellerTaxId = field(seller.taxId?.text, seller.taxId?.confidence ?? 0, source);

  const header = headerColumns(lines);
  const totalsLine = readTotals(lines, header?.lineIndex, header?.columns ?? [], source, out);
  const totalWithTaxLine = readTotalWithTax(lines, source, out);
  if (header) {
    const end = totalsLine ?? totalWithTaxLine ?? lines.length;
    out.items = readItemsTable(lines.slice(header.lineIndex + 1, end), header.columns);
  }

  readReceiptFallbacks(lines, source, out);

  const drawerHit = firstHit(lines, LABELS.drawer);
  if (drawerHit) out.drawer = labelValue(lines, drawerHit)?.text ?? null;
  const remarkHit = firstHit(lines, LABELS.remark);
  if (remarkHit) out.remark = labelValue(lines, remarkHit)?.text ?? '';

  out.receiptMarkers = RECEIPT_MARKERS.map((p) => p.exec(allText)?.[0]).filter((m): m is string => !!m);
  for (const payload of qrPayloads) {
    const qr = parseQrPayload(payload);
    if (qr) {
      out.qr = qr;
      break;
    }
  }
  return out;
}
