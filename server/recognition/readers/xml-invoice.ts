import { amountTokens, normalizeRate, parseAmountFen, plainNumber } from '../extract/amounts.js';
import { parseInvoiceDate } from '../extract/dates.js';
import {
  emptyExtraction,
  taxCategoryOf,
  type ExtractedInvoice,
  type ExtractedItem,
  type Field,
} from '../extract/invoice-fields.js';
import { InvoiceFileError } from '../recognition-errors.js';
import { normalizeText } from '../text-normalize.js';
import { parseSafeXml, textOf, type XmlNode } from './safe-xml.js';

/**
 * 数电票 XML (the tax bureau's EInvoice format, and the pinyin-abbreviated element names some
 * platforms export). Fields are read by element name wherever they sit, so element order, nesting
 * and namespaces do not matter.
 */
const NAMES = {
  invoiceNumber: ['InvoiceNumber', 'EIid', 'InvoiceNo', 'Fphm', 'FPHM', 'QDFPHM'],
  invoiceCode: ['InvoiceCode', 'Fpdm', 'FPDM'],
  date: ['IssueTime', 'IssueDate', 'InvoiceDate', 'Kprq', 'KPRQ', 'RequestTime'],
  sellerName: ['SellerName', 'Xsfmc', 'XSFMC', 'SalerName'],
  sellerTaxId: ['SellerIdNum', 'SellerTaxID', 'SellerTaxId', 'Xsfnsrsbh', 'XSFNSRSBH', 'SalerTaxNo'],
  buyerName: ['BuyerName', 'Gmfmc', 'GMFMC', 'PurchaserName'],
  buyerTaxId: ['BuyerIdNum', 'BuyerTaxID', 'BuyerTaxId', 'Gmfnsrsbh', 'GMFNSRSBH', 'PurchaserTaxNo'],
  totalAmount: ['TotalAmWithoutTax', 'TotalAmount', 'Hjje', 'HJJE'],
  totalTax: ['TotalTaxAm', 'TotalTax', 'Hjse', 'HJSE'],
  totalWithTax: ['TotalTax-includedAmount', 'TotalTaxIncludedAmount', 'AmountWithTax', 'Jshj', 'JSHJ'],
  totalInWords: ['TotalTax-includedAmountInChinese', 'TotalTaxIncludedAmountInChinese', 'Jshjdx', 'JSHJDX'],
  kindName: ['InvoiceTypeName', 'LabelName', 'Fplxmc', 'FPLXMC', 'InvoiceType'],
  drawer: ['Drawer', 'Kpr', 'KPR'],
  remark: ['Remark', 'Bz', 'BZ'],
  item: ['IssuItemInformation', 'IssueItemInformation', 'Item', 'InvoiceItem', 'Mxxx', 'MXXX', 'FPMX'],
} as const;

const ITEM_NAMES = {
  name: ['ItemName', 'Xmmc', 'XMMC', 'Name'],
  spec: ['SpecMod', 'Ggxh', 'GGXH', 'Spec'],
  unit: ['MeaUnits', 'Dw', 'DW', 'Unit'],
  quantity: ['Quantity', 'Sl', 'SL', 'Xmsl', 'XMSL'],
  unitPrice: ['UnPrice', 'UnitPrice', 'Dj', 'DJ', 'Xmdj', 'XMDJ'],
  amount: ['Amount', 'Je', 'JE', 'Xmje', 'XMJE'],
  rate: ['TaxRate', 'Slv', 'SLV'],
  tax: ['ComTaxAm', 'TaxAmount', 'Tax', 'Se', 'SE'],
} as const;

/** Every element under `node`, depth first, with its local name. */
function* walk(node: unknown): Generator<[string, unknown]> {
  if (typeof node !== 'object' || node === null) return;
  if (Array.isArray(node)) {
    for (const item of node) yield* walk(item);
    return;
  }
  for (const [key, value] of Object.entries(node as XmlNode)) {
    if (key.startsWith('@_') || key === '#text') continue;
    const list = Array.isArray(value) ? (value as unknown[]) : [value];
    for (const item of list) {
      yield [key, item];
      yield* walk(item);
    }
  }
}

function firstText(root: unknown, names: readonly string[], skipInside?: readonly string[]): string | null {
  for (const wanted of names) {
    for (const [key, value] of walkSkipping(root, skipInside ?? [])) {
      if (key === wanted) {
        const text = normalizeText(textOf(value)).trim();
        if (text) return text;
      }
    }
  }
  return null;
}

function* walkSkipping(node: unknown, skip: readonly string[]): Generator<[string, unknown]> {
  if (typeof node !== 'object' || node === null) return;
  if (Array.isArray(node)) {
    for (const item of node) yield* walkSkipping(item, skip);
    return;
  }
  for (const [key, value] of Object.entries(node as XmlNode)) {
    if (key.startsWith('@_') || key === '#text') continue;
    const list = Array.isArray(value) ? (value as unknown[]) : [value];
    for (const item of list) {
      yield [key, item];
      if (!skip.includes(key)) yield* walkSkipping(item, skip);
    }
  }
}

function field<T>(value: T | null | undefined): Field<T> | null {
  return value === null || value === undefined ? null : { value, confidence: 1, source: 'xml' };
}

function fen(text: string | null): number | null {
  if (text === null) return null;
  return parseAmountFen(text) ?? amountTokens(text)[0] ?? null;
}

function readItem(node: unknown): ExtractedItem | null {
  const get = (names: readonly string[]): string => firstText(node, names) ?? '';
  const name = get(ITEM_NAMES.name);
  const amountFen = fen(get(ITEM_NAMES.amount) || null);
  if (!name || amountFen === null) return null;
  const rateText = get(ITEM_NAMES.rate);
  const taxText = get(ITEM_NAMES.tax);
  const rate = normalizeRate(rateText) ?? rateText;
  const taxReason = rate === '免税' || rate === '不征税' ? rate : taxText === '***' ? '***' : null;
  return {
    name,
    taxCategory: taxCategoryOf(name),
    spec: get(ITEM_NAMES.spec),
    unit: get(ITEM_NAMES.unit),
    quantity: plainNumber(get(ITEM_NAMES.quantity)),
    unitPrice: plainNumber(get(ITEM_NAMES.unitPrice)),
    amountFen,
    rate,
    taxFen: fen(taxText || null) ?? 0,
    taxReason,
    discount: amountFen < 0,
    confidence: 1,
  };
}

/** Reads a 数电 XML invoice; an XML file that is not one throws an InvoiceFileError. */
export function readInvoiceXml(text: string): ExtractedInvoice {
  const root = parseSafeXml(text, '发票 XML ');
  const itemNodes = [...walk(root)].filter(([key]) => (NAMES.item as readonly string[]).includes(key));
  const skip = NAMES.item;
  const get = (names: readonly string[]): string | null => firstText(root, names, skip);
  const out = emptyExtraction('xml');
  out.invoiceNumber = field(get(NAMES.invoiceNumber)?.replace(/\s/g, ''));
  out.invoiceCode = field(get(NAMES.invoiceCode)?.replace(/\s/g, ''));
  const date = get(NAMES.date);
  out.date = field(date === null ? null : parseInvoiceDate(date));
  out.sellerName = field(get(NAMES.sellerName));
  out.sellerTaxId = field(get(NAMES.sellerTaxId)?.replace(/\s/g, '').toUpperCase());
  out.buyerName = field(get(NAMES.buyerName));
  out.buyerTaxId = field(get(NAMES.buyerTaxId)?.replace(/\s/g, '').toUpperCase());
  out.totalAmount = field(fen(get(NAMES.totalAmount)));
  out.totalTax = field(fen(get(NAMES.totalTax)));
  out.totalWithTax = field(fen(get(NAMES.totalWithTax)));
  out.totalInWords = field(get(NAMES.totalInWords));
  out.items = itemNodes.map(([, node]) => readItem(node)).filter((item) => item !== null);
  out.drawer = get(NAMES.drawer);
  out.remark = get(NAMES.remark) ?? '';
  const kindTexts = [...walk(root)]
    .filter(([key]) => (NAMES.kindName as readonly string[]).includes(key))
    .map(([, value]) => normalizeText(textOf(value)));
  const title = kindTexts.find((t) => /发票/.test(t)) ?? kindTexts.find((t) => /专用|普通/.test(t)) ?? null;
  // The XML names the kind without the 数电 prefix the printed form carries (增值税专用发票 → 电子发票（增值税专用发票）).
  const printed =
    title && !/电子发票/.test(title)
      ? `电子发票（${/专用/.test(title) ? '增值税专用发票' : '普通发票'}）`
      : title;
  out.title = field(printed);
  if (!out.invoiceNumber && !out.totalWithTax && out.items.length === 0) {
    throw new InvoiceFileError('参数错误：XML 文件不是可识别的数电发票（缺少发票号码、金额与明细）');
  }
  return out;
}
