import { strFromU8 } from 'fflate';
import type { PositionedPage, TextRun } from '../positioned-text.js';
import { InvoiceFileError } from '../recognition-errors.js';
import { normalizeText } from '../text-normalize.js';
import { unzipBounded } from './bounded-unzip.js';
import { attr, child, children, parseSafeXml, textOf, type XmlNode } from './safe-xml.js';

/** An invoice OFD holds a few dozen entries and well under a megabyte of XML. */
export const OFD_LIMITS = {
  maxEntries: 500,
  /** Inflated size of any one XML entry. */
  maxEntryBytes: 8 * 1024 * 1024,
  /** Sum over the entries we inflate. */
  maxTotalBytes: 32 * 1024 * 1024,
  maxPages: 40,
} as const;

export interface OfdReading {
  pageCount: number;
  pages: PositionedPage[];
  /** Entry names of embedded XML invoices (数电 OFD files may carry the structured original). */
  attachedXml: { name: string; text: string }[];
  /** Embedded PNG/JPEG resources (the invoice's QR code is one of them), at most a few small ones. */
  images: Uint8Array[];
}

function resolvePath(baseDir: string, location: string): string {
  const raw = location.startsWith('/') ? location.slice(1) : `${baseDir}${location}`;
  const parts: string[] = [];
  for (const part of raw.split('/')) {
    if (part === '..') parts.pop();
    else if (part && part !== '.') parts.push(part);
  }
  return parts.join('/');
}

function dirOf(entry: string): string {
  const index = entry.lastIndexOf('/');
  return index < 0 ? '' : entry.slice(0, index + 1);
}

function numbers(text: string | undefined): number[] {
  return (text ?? '').trim().split(/\s+/).filter(Boolean).map(Number);
}

/** `DeltaX="g 3 2.5 1.2"` → [2.5, 2.5, 2.5, 1.2]. */
function deltas(text: string | undefined): number[] {
  const tokens = (text ?? '').trim().split(/\s+/).filter(Boolean);
  const out: number[] = [];
  for (let i = 0; i < tokens.length; i += 1) {
    if (tokens[i] === 'g') {
      const count = Number(tokens[i + 1]);
      const value = Number(tokens[i + 2]);
      for (let k = 0; k < Math.min(count, 10_000); k += 1) out.push(value);
      i += 2;
    } else {
      out.push(Number(tokens[i]));
    }
  }
  return out.filter(Number.isFinite);
}

function textObjects(node: unknown, out: XmlNode[]): void {
  if (typeof node !== 'object' || node === null) return;
  for (const [key, value] of Object.entries(node)) {
    if (key.startsWith('@_') || key === '#text') continue;
    const list = Array.isArray(value) ? (value as unknown[]) : [value];
    for (const item of list) {
      if (key === 'TextObject' && typeof item === 'object' && item !== null) out.push(item as XmlNode);
      else textObjects(item, out);
    }
  }
}

function runsOfContent(content: XmlNode): TextRun[] {
  const objects: XmlNode[] = [];
  textObjects(content, objects);
  const runs: TextRun[] = [];
  for (const object of objects) {
    const [bx = 0, by = 0] = numbers(attr(object, 'Boundary'));
    const size = Number(attr(object, 'Size') ?? '3') || 3;
    const [a = 1, b = 0, c = 0, d = 1, e = 0, f = 0] = numbers(attr(object, 'CTM'));
    const scale = Math.hypot(c, d) || 1;
    for (const code of children(object, 'TextCode')) {
      const text = normalizeText(textOf(code));
      if (!text.trim()) continue;
      const x = Number(attr(code, 'X') ?? '0');
      const y = Number(attr(code, 'Y') ?? '0');
      const px = a * x + c * y + e;
      const py = b * x + d * y + f;
      const height = size * scale;
      const steps = deltas(attr(code, 'DeltaX'));
      const count = Array.from(text).length;
      const width =
        (steps.slice(0, count - 1).reduce((sum, step) => sum + step, 0) + size) * (Math.hypot(a, b) || 1);
      runs.push({
        text,
        x: bx + px,
        // Y is the baseline inside the boundary; the glyph box starts about one size above it.
        y: by + py - height * 0.88,
        width: Math.max(width, height * 0.5),
        height,
        confidence: 1,
      });
    }
  }
  return runs;
}

/** Reads an OFD (GB/T 33190) package: each page's text objects, its template's drawn below it. */
export function readOfd(bytes: Uint8Array): OfdReading {
  const files = unzipBounded(bytes, OFD_LIMITS, (name) => /\.(xml|png|jpe?g)$/i.test(name));
  const read = (name: string, what: string): XmlNode => {
    const entry = files.get(name);
    if (!entry) throw new InvoiceFileError(`参数错误：OFD 文件缺少 ${what}`);
    return parseSafeXml(strFromU8(entry), `OFD 的 ${what}`);
  };
  const ofd = read('OFD.xml', 'OFD.xml');
  const docBody = child(child(ofd, 'OFD'), 'DocBody');
  const docRoot = textOf(child(docBody, 'DocRoot')).trim();
  if (!docRoot) throw new InvoiceFileError('参数错误：OFD 文件缺少 DocRoot');
  const docPath = resolvePath('', docRoot);
  const document = child(read(docPath, 'Document.xml'), 'Document');
  const docDir = dirOf(docPath);
  const commonData = child(document, 'CommonData');
  const [, , pageW = 210, pageH = 140] = numbers(textOf(child(child(commonData, 'PageArea'), 'PhysicalBox')));

  const templates = new Map<string, string>();
  for (const template of children(commonData, 'TemplatePage')) {
    const id = attr(template, 'ID');
    const location = attr(template, 'BaseLoc');
    if (id && location) templates.set(id, resolvePath(docDir, location));
  }

  const pageRefs = children(child(document, 'Pages'), 'Page');
  if (pageRefs.length === 0) throw new InvoiceFileError('参数错误：OFD 文件没有页面');
  if (pageRefs.length > OFD_LIMITS.maxPages) {
    throw new InvoiceFileError(
      `参数错误：OFD 共 ${pageRefs.length} 页，超过 ${OFD_LIMITS.maxPages} 页的上限`,
    );
  }
  const pages = pageRefs.map((ref, index): PositionedPage => {
    const location = attr(ref, 'BaseLoc');
    if (!location) throw new InvoiceFileError('参数错误：OFD 页面缺少 BaseLoc');
    const pagePath = resolvePath(docDir, location);
    const page = child(read(pagePath, `第 ${index + 1} 页`), 'Page');
    const [, , w = pageW, h = pageH] = numbers(textOf(child(child(page, 'Area'), 'PhysicalBox')));
    const runs: TextRun[] = [];
    for (const use of children(page, 'Template')) {
      const templatePath = templates.get(attr(use, 'TemplateID') ?? '');
      if (templatePath && files.has(templatePath)) {
        const template = child(read(templatePath, '模板页'), 'Page');
        runs.push(...runsOfContent(child(template, 'Content') ?? {}));
      }
    }
    runs.push(...runsOfContent(child(page, 'Content') ?? {}));
    return { pageNumber: index + 1, width: w, height: h, source: 'ofd', runs };
  });

  const attachedXml = [...files.entries()]
    .filter(([name]) => /attach/i.test(name))
    .map(([name, data]) => ({ name, text: strFromU8(data) }));
  const images = [...files.entries()]
    .filter(([name, data]) => /\.(png|jpe?g)$/i.test(name) && data.length <= 1024 * 1024)
    .slice(0, 8)
    .map(([, data]) => data);
  return { pageCount: pages.length, pages, attachedXml, images };
}
