import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { tempDir } from '../../testing/test-support.js';
import { FILE_PROBLEMS, readForUpload, readWatchedFile } from './file-intake.js';
import { isIgnoredName, isIgnoredPath } from './ignored-paths.js';
import { looksComplete, sniffInvoiceKind } from './invoice-file-kind.js';
import { sampleExe, samplePdf, samplePng } from './testing/sample-invoice-files.js';

const CHILD = path.join(import.meta.dirname, 'testing/read-file-child.ts');
const NOBODY = 65534;

describe('which files are invoices, by their bytes', () => {
  test('jpg, png, pdf, OFD (zip with OFD.xml) and XML are accepted; an exe, a plain zip and text are not', () => {
    expect(sniffInvoiceKind(samplePdf(1))).toBe('pdf');
    expect(sniffInvoiceKind(samplePng(1))).toBe('png');
    expect(sniffInvoiceKind(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]))).toBe('jpg');
    const ofd = Buffer.concat([
      Buffer.from('PK\x03\x04', 'latin1'),
      Buffer.alloc(26),
      Buffer.from('OFD.xml'),
    ]);
    expect(sniffInvoiceKind(ofd)).toBe('ofd');
    expect(sniffInvoiceKind(Buffer.from('PK\x03\x04 word/document.xml', 'latin1'))).toBeUndefined();
    expect(sniffInvoiceKind(Buffer.from('\ufeff<?xml version="1.0"?><EInvoice/>'))).toBe('xml');
    expect(sniffInvoiceKind(sampleExe())).toBeUndefined();
    expect(sniffInvoiceKind(Buffer.from('hello'))).toBeUndefined();
  });

  test('a file cut off mid-write does not look complete', () => {
    const pdf = samplePdf(1);
    expect(looksComplete('pdf', pdf)).toBe(true);
    expect(looksComplete('pdf', pdf.subarray(0, pdf.length - 10))).toBe(false);
    const png = samplePng(1);
    expect(looksComplete('png', png)).toBe(true);
    expect(looksComplete('png', png.subarray(0, 40))).toBe(false);
    expect(looksComplete('xml', Buffer.from('<?xml version="1.0"?><a></a>\n'))).toBe(true);
    expect(looksComplete('xml', Buffer.from('<?xml version="1.0"?><a><b'))).toBe(false);
  });

  test('hidden, temporary, partial-download and Office lock files are ignored by name', () => {
    for (const name of [
      '.DS_Store',
      '~$报销.xlsx',
      'a.pdf.crdownload',
      'b.pdf.part',
      'c.tmp',
      'x~',
      '已处理',
    ]) {
      expect(isIgnoredName(name)).toBe(true);
    }
    expect(isIgnoredName('发票.pdf')).toBe(false);
    expect(isIgnoredPath('/in', '/in/.git/a.pdf')).toBe(true);
    expect(isIgnoredPath('/in', '/in/三月/a.pdf')).toBe(false);
    expect(isIgnoredPath('/in', '/elsewhere/a.pdf')).toBe(true);
  });
});

describe('reading a watched file', () => {
  test('an invoice is hashed exactly as uploaded; the upload read checks the hash again', async () => {
    const dir = tempDir('intake');
    const file = path.join(dir, '无扩展名');
    const bytes = samplePdf(3);
    writeFileSync(file, bytes);
    const sha = createHash('sha256').update(bytes).digest('hex');
    expect(await readWatchedFile(file)).toEqual({
      kind: 'invoice',
      fileKind: 'pdf',
      contentSha256: sha,
      sizeBytes: bytes.length,
    });
    expect(await readForUpload(file, sha)).toEqual({ ok: true, bytes: new Uint8Array(bytes) });
    writeFileSync(file, samplePdf(4));
    expect(await readForUpload(file, sha)).toEqual({ ok: false, reason: 'changed' });
    expect(await readForUpload(path.join(dir, 'gone.pdf'), sha)).toEqual({ ok: false, reason: 'gone' });
  });

  test('problems are named: empty, not an invoice, too big, link loop, dangling link, a folder named .pdf', async () => {
    const dir = tempDir('intake');
    const at = (name: string) => path.join(dir, name);
    writeFileSync(at('empty.pdf'), '');
    writeFileSync(at('setup.pdf'), sampleExe());
    writeFileSync(at('big.pdf'), samplePdf(1, 11 * 1024 * 1024));
    symlinkSync('loop.pdf', at('loop.pdf'));
    symlinkSync('nowhere.pdf', at('dangling.pdf'));
    symlinkSync('nowhere', at('dangling-other'));
    mkdirSync(at('folder.pdf'));
    writeFileSync(at('readme.txt'), 'hello');
    expect(await readWatchedFile(at('empty.pdf'))).toMatchObject({
      kind: 'problem',
      message: FILE_PROBLEMS.empty,
    });
    expect(await readWatchedFile(at('setup.pdf'))).toMatchObject({
      kind: 'problem',
      message: FILE_PROBLEMS.notInvoice,
    });
    expect(await readWatchedFile(at('big.pdf'))).toMatchObject({
      kind: 'problem',
      message: FILE_PROBLEMS.tooBig,
    });
    expect(await readWatchedFile(at('loop.pdf'))).toMatchObject({
      kind: 'problem',
      message: FILE_PROBLEMS.symlinkLoop,
    });
    expect(await readWatchedFile(at('dangling.pdf'))).toMatchObject({
      kind: 'problem',
      message: FILE_PROBLEMS.symlinkLoop,
    });
    expect(await readWatchedFile(at('dangling-other'))).toEqual({ kind: 'ignore' });
    expect(await readWatchedFile(at('folder.pdf'))).toEqual({ kind: 'ignore' });
    expect(await readWatchedFile(at('readme.txt'))).toEqual({ kind: 'ignore' });
    expect(await readWatchedFile(at('missing.pdf'))).toEqual({ kind: 'gone' });
    writeFileSync(at('half.pdf'), samplePdf(2).subarray(0, 200));
    expect(await readWatchedFile(at('half.pdf'))).toEqual({ kind: 'unsettled' });
  });

  test('a file without read permission is a problem on its row (as root, checked as an unprivileged user)', () => {
    const dir = tempDir('intake');
    chmodSync(dir, 0o755);
    const file = path.join(dir, 'locked.pdf');
    writeFileSync(file, samplePdf(5));
    chmodSync(file, 0o000);
    // Root reads a 0000 file anyway (CAP_DAC_OVERRIDE), so there the reader runs as `nobody`.
    const asRoot = process.getuid?.() === 0;
    const out = execFileSync(process.execPath, ['--import', 'tsx', CHILD, file], {
      env: { ...process.env, NODE_OPTIONS: '' },
      ...(asRoot ? { uid: NOBODY, gid: NOBODY } : {}),
      cwd: path.resolve(import.meta.dirname, '../../../..'),
      encoding: 'utf8',
    });
    expect(JSON.parse(out)).toEqual({ kind: 'problem', message: FILE_PROBLEMS.noPermission, sizeBytes: 0 });
  });
});
