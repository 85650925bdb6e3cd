import { describe, expect, it } from 'vitest';
import { PDF_TEXT_OPTIONS, openPdf } from './pdf-text.js';
import { getDocument } from './pdfjs-legacy.js';
import PDFDocument from 'pdfkit';
import { FONT_POSTSCRIPT, fontBuffer } from '../../../tests/fixtures/invoices/fonts.js';

/** One A5 page in the corpus's embedded Noto CJK subset (a Type0 font with a ToUnicode map). */
async function cjkPdf(): Promise<Uint8Array> {
  const doc = new PDFDocument({ size: 'A5', margin: 0, compress: true });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve) => doc.on('end', resolve));
  doc.registerFont('sans', fontBuffer('sans'), FONT_POSTSCRIPT.sans);
  doc.font('sans').fontSize(12);
  doc.text('电子发票（普通发票）', 40, 40, { lineBreak: false });
  doc.text('发票号码：25312000000123456789', 40, 70, { lineBreak: false });
  doc.text('价税合计（大写）壹佰贰拾叁圆整 ¥123.00', 40, 100, { lineBreak: false });
  doc.end();
  await done;
  return new Uint8Array(Buffer.concat(chunks));
}

interface FontObject {
  missingFile?: boolean;
}

/** Reads page 1 with the given options: its text items and whether each font's program was parsed. */
async function readWith(bytes: Uint8Array, skip: boolean) {
  const task = getDocument({
    data: new Uint8Array(bytes),
    ...PDF_TEXT_OPTIONS,
    skipCompositeFontPrograms: skip,
  });
  try {
    const doc = await task.promise;
    const page = await doc.getPage(1);
    const content = await page.getTextContent();
    const items = content.items.map((item) =>
      'str' in item ? { str: item.str, transform: item.transform, width: item.width } : null,
    );
    // The operator list sends each font to this side; its export says whether a program was read.
    await page.getOperatorList();
    const fonts = Object.keys(content.styles).map((name) => page.commonObjs.get(name) as FontObject);
    return { items, fonts };
  } finally {
    await task.destroy();
  }
}

describe('the PDF text path', () => {
  it('does not parse the embedded CJK font program, and reads the same text as when it does', async () => {
    const bytes = await cjkPdf();
    const parsed = await readWith(bytes, false);
    const skipped = await readWith(bytes, true);
    expect(parsed.fonts.length).toBeGreaterThan(0);
    // Fails when the pdfjs-dist patch (patches/) is not applied: the option is then ignored.
    expect(skipped.fonts.every((font) => font.missingFile === true)).toBe(true);
    expect(parsed.fonts.every((font) => font.missingFile === false)).toBe(true);
    expect(skipped.items).toEqual(parsed.items);

    const pdf = await openPdf(bytes);
    try {
      const text = (await pdf.page(1)).runs.map((run) => run.text).join('');
      expect(text).toContain('发票号码');
      expect(text).toContain('25312000000123456789');
      expect(text).toContain('壹佰贰拾叁圆整');
    } finally {
      await pdf.close();
    }
  });
});
