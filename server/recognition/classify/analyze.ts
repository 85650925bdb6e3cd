import type { InvoiceCheck, InvoiceFieldInfo, InvoiceType } from '../../../shared/api/invoice.js';
import type { VoucherEntry } from '../../../shared/api/voucher.js';
import type { ExtractedInvoice, ExtractedItem, Field } from '../extract/invoice-fields.js';
import { DEFAULT_CATEGORY, ruleForTaxCategory, SELLER_RULES } from './category-rules.js';
import { crossChecks } from './cross-checks.js';
import { buildEntries } from './entries.js';
import { TYPE_CODES, typeCodeOfTitle } from './invoice-kind.js';

/** What recognition needs to know about the account set it books into. */
export interface AccountSetContext {
  /** The company the account set keeps books for (its name). */
  companyName: string;
  /** Whether the code is a leaf account of this account set's chart. */
  isLeaf(code: string): boolean;
  /** First leaf under (or at) a code, for charts where a user split an account. */
  leafUnder(code: string): string | undefined;
  /** The account learned for (seller tax id, tax category) in this account set. */
  learned(sellerTaxId: string, taxCategory: string): string | undefined;
  /** Account name for a code (the category's name). */
  accountName(code: string): string | undefined;
}

export interface Analysis {
  kind: InvoiceType;
  kindName: string | null;
  typeCode: string | null;
  typeHint: { given: InvoiceType; matches: boolean } | null;
  extraction: ExtractedInvoice;
  checks: InvoiceCheck[];
  fields: Record<string, InvoiceFieldInfo>;
  confidence: number;
  direction: 'purchase' | 'sale';
  category: string;
  categoryAccountCode: string;
  categoryReason: { source: 'learned' | 'rule' | 'default'; detail: string };
  /** The tax category the category decision keyed on (learning remembers it). */
  taxCategory: string | null;
  /** 价税合计 in fen, as the seed's `amount` reads it; null when unreadable. */
  totalFen: number | null;
  entries: VoucherEntry[];
  warnings: string[];
}

function companyKey(name: string): string {
  return name.replace(/[\s()（）]/g, '');
}

function qrField<T>(value: T): Field<T> {
  return { value, confidence: 0.99, source: 'qr' };
}

/** Fields the QR carries fill gaps in the text, and agreeing ones raise confidence. */
function mergeQr(x: ExtractedInvoice): void {
  const qr = x.qr;
  if (!qr) return;
  const agree = <T>(f: Field<T> | null, value: T): Field<T> =>
    f === null ? qrField(value) : f.value === value ? { ...f, confidence: Math.max(f.confidence, 0.99) } : f;
  x.invoiceNumber = agree(x.invoiceNumber, qr.invoiceNumber);
  if (qr.invoiceCode) x.invoiceCode = agree(x.invoiceCode, qr.invoiceCode);
  x.date = agree(x.date, qr.date);
  if (qr.checkCode) x.checkCode = agree(x.checkCode, qr.checkCode);
  const digital = qr.typeCode === '31' || qr.typeCode === '32' || qr.invoiceNumber.length === 20;
  if (digital && !x.totalWithTax) x.totalWithTax = qrField(qr.amountFen);
  if (!digital && !x.totalAmount && x.totalWithTax?.value !== qr.amountFen)
    x.totalAmount = qrField(qr.amountFen);
}

/** Fills 价税合计 / 合计 from the other figures when one is missing (marked computed). */
function completeTotals(x: ExtractedInvoice): void {
  const computed = (value: number, from: Field<number>[]): Field<number> => ({
    value,
    confidence: Math.min(...from.map((f) => f.confidence)) * 0.9,
    source: 'computed',
  });
  if (!x.totalAmount && x.items.length > 0) {
    const sum = x.items.reduce((s, i) => s + i.amountFen, 0);
    x.totalAmount = { value: sum, confidence: 0.8, source: 'computed' };
  }
  if (!x.totalTax && x.items.length > 0) {
    x.totalTax = { value: x.items.reduce((s, i) => s + i.taxFen, 0), confidence: 0.8, source: 'computed' };
  }
  if (!x.totalWithTax && x.totalAmount && x.totalTax) {
    x.totalWithTax = computed(x.totalAmount.value + x.totalTax.value, [x.totalAmount, x.totalTax]);
  }
  if (x.totalWithTax && x.totalTax && !x.totalAmount) {
    x.totalAmount = computed(x.totalWithTax.value - x.totalTax.value, [x.totalWithTax, x.totalTax]);
  }
}

function decideKind(x: ExtractedInvoice): {
  kind: InvoiceType;
  typeCode: string | null;
  kindName: string | null;
} {
  const titleCode = x.title ? typeCodeOfTitle(x.title.value) : null;
  const typeCode = x.qr?.typeCode ?? titleCode;
  const known = typeCode ? TYPE_CODES[typeCode] : undefined;
  const titleIsInvoice = titleCode !== null;
  const looksLikeReceipt = x.receiptMarkers.length > 0 && !titleIsInvoice && !x.qr;
  if (!known || looksLikeReceipt || (!x.invoiceNumber && !x.qr)) {
    return { kind: 'receipt', typeCode: null, kindName: x.title?.value ?? null };
  }
  return { kind: known.apiType, typeCode, kindName: x.title?.value ?? known.name };
}

/** Receipts never carry an invoice number, code, check code or VAT lines they do not have. */
function stripInvoiceFields(x: ExtractedInvoice): void {
  x.invoiceCode = null;
  x.invoiceNumber = null;
  x.checkCode = null;
}

function mainTaxCategory(items: readonly ExtractedItem[]): string | null {
  const withCategory = items.filter((i) => i.taxCategory && !i.discount);
  const largest = [...withCategory].sort((a, b) => Math.abs(b.amountFen) - Math.abs(a.amountFen))[0];
  return largest?.taxCategory ?? null;
}

function isPassengerTransport(x: ExtractedInvoice, typeCode: string | null): boolean {
  if (typeCode === '51' || typeCode === '61' || typeCode === '83') return true;
  return x.items.some(
    (i) =>
      /^(运输服务|旅客运输服务|客运服务)$/.test(i.taxCategory ?? '') &&
      /客运|旅客|车费|机票|火车|打车|出租|网约车/.test(i.name),
  );
}

function fieldInfo(x: ExtractedInvoice): Record<string, InvoiceFieldInfo> {
  const out: Record<string, InvoiceFieldInfo> = {};
  const put = (name: string, f: Field<unknown> | null): void => {
    if (f) out[name] = { confidence: Math.round(f.confidence * 1000) / 1000, source: f.source };
  };
  put('kind_name', x.title);
  put('invoice_code', x.invoiceCode);
  put('invoice_number', x.invoiceNumber);
  put('issue_date', x.date);
  put('check_code', x.checkCode);
  put('buyer.name', x.buyerName);
  put('buyer.tax_id', x.buyerTaxId);
  put('seller.name', x.sellerName);
  put('seller.tax_id', x.sellerTaxId);
  put('total_amount', x.totalAmount);
  put('total_tax', x.totalTax);
  put('total_with_tax', x.totalWithTax);
  put('amount_in_words', x.totalInWords);
  if (x.items.length > 0) {
    out.items = {
      confidence: Math.round(Math.min(...x.items.map((i) => i.confidence)) * 1000) / 1000,
      source: x.source,
    };
  }
  return out;
}

/** Lowers the confidence of the fields a failed check is about. */
function applyChecks(x: ExtractedInvoice, checks: readonly InvoiceCheck[]): void {
  const lower = (f: Field<unknown> | null): void => {
    if (f) f.confidence *= 0.6;
  };
  for (const check of checks) {
    if (check.passed) continue;
    if (check.name === 'items_sum' || check.name === 'items_tax_sum') {
      for (const item of x.items) item.confidence *= 0.7;
    }
    if (check.name === 'amount_plus_tax' || check.name === 'qr_amount') {
      lower(x.totalAmount);
      lower(x.totalTax);
      lower(x.totalWithTax);
    }
    if (check.name === 'amount_in_words') lower(x.totalInWords);
    if (check.name === 'buyer_tax_id') lower(x.buyerTaxId);
    if (check.name === 'seller_tax_id') lower(x.sellerTaxId);
    if (check.name === 'qr_fields') {
      lower(x.invoiceNumber);
      lower(x.date);
    }
  }
}

export interface AnalyzeOptions {
  hint?: InvoiceType;
}

/** The warning for an invoice read by OCR whose QR code could not be decoded. */
export const NO_QR_FROM_OCR = '未读到发票二维码，金额等字段仅来自 OCR 识别的票面文字，请核对';

/** From what was read to what the bookkeeper gets: kind, checks, category and entries. */
export function analyzeInvoice(
  x: ExtractedInvoice,
  set: AccountSetContext,
  options: AnalyzeOptions = {},
): Analysis {
  const warnings: string[] = [];
  mergeQr(x);
  const { kind, typeCode, kindName } = decideKind(x);
  if (kind === 'receipt') stripInvoiceFields(x);
  completeTotals(x);
  const checks = crossChecks(x);
  applyChecks(x, checks);
  // Only OCR can misread: a text layer, OFD or XML is the issuer's own text, QR or not.
  if (!x.qr && kind !== 'receipt' && x.source === 'ocr') warnings.push(NO_QR_FROM_OCR);

  const company = companyKey(set.companyName);
  const sellerIsCompany = x.sellerName !== null && companyKey(x.sellerName.value) === company;
  const buyerIsCompany = x.buyerName !== null && companyKey(x.buyerName.value) === company;
  const direction = sellerIsCompany && !buyerIsCompany ? 'sale' : 'purchase';
  if (!sellerIsCompany && !buyerIsCompany && kind !== 'receipt') {
    warnings.push(
      `购买方「${x.buyerName?.value ?? '未识别'}」不是本账套公司「${set.companyName}」，按进项处理，请核对`,
    );
  }

  const taxCategory = mainTaxCategory(x.items);
  let categoryAccountCode: string = DEFAULT_CATEGORY.accountCode;
  let category: string = DEFAULT_CATEGORY.category;
  let categoryReason: Analysis['categoryReason'] = {
    source: 'default',
    detail: '没有可用的税收分类或销售方规则，暂记 560299 其他（低置信度）',
  };
  if (direction === 'sale') {
    categoryAccountCode = '5001';
    category = set.accountName('5001') ?? '主营业务收入';
    categoryReason = { source: 'rule', detail: '销售方是本账套公司：销项发票，记主营业务收入' };
  } else {
    const sellerId = x.sellerTaxId?.value;
    const learned = sellerId ? set.learned(sellerId, taxCategory ?? '') : undefined;
    const rule = taxCategory ? ruleForTaxCategory(taxCategory) : undefined;
    const sellerRule = x.sellerName
      ? SELLER_RULES.find((r) => r.pattern.test(x.sellerName?.value ?? ''))
      : undefined;
    if (learned && set.isLeaf(learned)) {
      categoryAccountCode = learned;
      category = set.accountName(learned) ?? learned;
      categoryReason = {
        source: 'learned',
        detail: `本账套以前把销售方 ${sellerId ?? ''}${taxCategory ? `「*${taxCategory}*」` : ''}的票据记到 ${learned} ${category}`,
      };
    } else if (rule) {
      categoryAccountCode = rule.accountCode;
      category = rule.category;
      categoryReason = {
        source: 'rule',
        detail: `税收分类「*${taxCategory ?? ''}*」→ ${rule.accountCode} ${rule.category}`,
      };
    } else if (kind === 'receipt' && x.receiptMarkers.some((m) => /行程/.test(m))) {
      categoryAccountCode = '560205';
      category = set.accountName('560205') ?? '交通费';
      categoryReason = { source: 'rule', detail: '网约车/出租车行程单 → 560205 交通费' };
    } else if (sellerRule) {
      categoryAccountCode = sellerRule.accountCode;
      category = sellerRule.category;
      categoryReason = {
        source: 'rule',
        detail: `销售方名称「${x.sellerName?.value ?? ''}」→ ${sellerRule.accountCode} ${sellerRule.category}`,
      };
    }
  }
  if (!set.isLeaf(categoryAccountCode)) {
    const leaf = set.leafUnder(categoryAccountCode);
    if (leaf) {
      warnings.push(`科目 ${categoryAccountCode} 在本账套有下级科目，分录记到 ${leaf}`);
      categoryAccountCode = leaf;
    }
  }

  const totalFen = x.totalWithTax?.value ?? null;
  const deductible =
    (kind === 'vat' ||
      (kind === 'normal' &&
        typeCode !== null &&
        TYPE_CODES[typeCode]?.electronic === true &&
        isPassengerTransport(x, typeCode))) &&
    direction === 'purchase';
  let taxFen = kind === 'receipt' ? 0 : (x.totalTax?.value ?? 0);
  if (
    deductible &&
    kind === 'normal' &&
    taxFen === 0 &&
    totalFen !== null &&
    (typeCode === '51' || typeCode === '61' || typeCode === '83')
  ) {
    // Rail and air tickets print no tax: 票面金额 ÷ (1 + 9%) × 9%.
    taxFen = Math.round((totalFen * 9) / 109);
    warnings.push('旅客运输电子客票：按 票面金额 ÷ 1.09 × 9% 计算可抵扣进项税额');
  }
  const entries: VoucherEntry[] = [];
  const accounts = {
    payable: '2202',
    receivable: '1122',
    revenue: '5001',
    inputVat: '22210101',
    outputVat: '22210102',
  };
  const usable = Object.values(accounts).every((code) => set.isLeaf(code)) && set.isLeaf(categoryAccountCode);
  if (totalFen === null || totalFen === 0) {
    warnings.push('未能读出价税合计，没有生成分录');
  } else if (!usable) {
    warnings.push('本账套的科目表缺少分录需要的末级科目，没有生成分录');
  } else {
    const party = direction === 'sale' ? x.buyerName?.value : x.sellerName?.value;
    const abstract = `${direction === 'sale' ? '销售' : ''}${category}${party ? `-${party}` : ''}`.slice(
      0,
      200,
    );
    entries.push(
      ...buildEntries({
        direction,
        deductible: deductible || direction === 'sale',
        expenseAccount: categoryAccountCode,
        amountFen: totalFen - taxFen,
        taxFen: direction === 'sale' || deductible ? taxFen : 0,
        totalFen,
        abstract,
        accounts,
      }),
    );
    if (totalFen < 0) warnings.push('红字（负数）发票：分录借贷方向已对调');
  }

  const fields = fieldInfo(x);
  const values = Object.values(fields).map((f) => f.confidence);
  let confidence = values.length ? Math.min(...values) : 0;
  if (categoryReason.source === 'default') confidence = Math.min(confidence, 0.5);
  if (kind === 'receipt') confidence = Math.min(confidence, 0.6);
  if (checks.some((c) => !c.passed)) confidence = Math.min(confidence, 0.6);
  const typeHint = options.hint ? { given: options.hint, matches: options.hint === kind } : null;
  if (typeHint && !typeHint.matches) {
    warnings.push(`调用方标注的票据类型 ${typeHint.given} 与识别结果 ${kind} 不一致，请核对`);
  }
  return {
    kind,
    kindName,
    typeCode,
    typeHint,
    extraction: x,
    checks,
    fields,
    confidence: Math.round(confidence * 1000) / 1000,
    direction,
    category,
    categoryAccountCode,
    categoryReason,
    taxCategory,
    totalFen,
    entries,
    warnings,
  };
}
