import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');

function sourceFilesUnder(folder: string): string[] {
  return execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', '-z', folder], {
    cwd: root,
    encoding: 'utf8',
  })
    .split('\0')
    .filter((file) => /\.tsx?$/.test(file) && !/\.test\.tsx?$/.test(file) && !file.includes('/testing/'));
}

/** Module specifiers of every static or dynamic import/export in a file. */
function importsOf(file: string): string[] {
  const text = readFileSync(path.join(root, file), 'utf8');
  return [...text.matchAll(/(?:\bfrom\s+|\bimport\s*\(\s*|\bimport\s+)['"]([^'"]+)['"]/g)].map(
    (m) => m[1] ?? '',
  );
}

describe('layers', () => {
  it('main, the preload and browser mode import nothing from server/: what both sides need is in shared/', () => {
    const offenders: string[] = [];
    for (const file of sourceFilesUnder('electron')) {
      for (const specifier of importsOf(file)) {
        const resolved = path.relative(root, path.resolve(root, path.dirname(file), specifier));
        if (specifier.startsWith('.') && resolved.startsWith('server/'))
          offenders.push(`${file} → ${specifier}`);
      }
    }
    expect(offenders).toEqual([]);
  });

  it('shared/ imports nothing from server/ or electron/', () => {
    const offenders: string[] = [];
    for (const file of sourceFilesUnder('shared')) {
      for (const specifier of importsOf(file)) {
        const resolved = path.relative(root, path.resolve(root, path.dirname(file), specifier));
        if (/^(server|electron)\//.test(resolved)) offenders.push(`${file} → ${specifier}`);
      }
    }
    expect(offenders).toEqual([]);
  });
});
