import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';

const root = path.resolve(import.meta.dirname, '../..');

/** Every tracked file (a helper's scratch folder or out/ is not the repository). */
function repositoryFiles(): string[] {
  const output = execFileSync('git', ['ls-files', '--cached', '-z'], {
    cwd: root,
    encoding: 'utf8',
  });
  return output.split('\0').filter((file) => file !== '' && existsSync(path.join(root, file)));
}

const packageSchema = z.object({ scripts: z.record(z.string(), z.string()) });

function packageScripts(): Record<string, string> {
  return packageSchema.parse(JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'))).scripts;
}

// Written in pieces so that this file does not match itself.
const DESIGN_FILE_REFERENCES = [
  ['DESIGN', '.md'],
  ['INVOICES', '.md'],
  ['ACCOUNTING', '.md'],
  ['BOOKKEEPER-UI', '.md'],
  ['STYLE', '.md'],
  ['seed-', 'api'],
  ['/work/', 'shared'],
  ['design ', 'rule'],
  ['design ', 'card'],
  ['设计', '稿'],
].map((parts) => parts.join(''));

describe('the repository stands alone', () => {
  it('npm test runs the test command the README gives, and every script a package script names exists', () => {
    const scripts = packageScripts();
    expect(scripts.test).toBe('bash scripts/test.sh');
    expect(readFileSync(path.join(root, 'README.md'), 'utf8')).toContain('bash scripts/test.sh');
    for (const [name, command] of Object.entries(scripts)) {
      for (const [, file] of command.matchAll(
        /(?:bash|node|tsx)\s+((?:scripts|bench|server|electron)\/\S+)/g,
      )) {
        expect(existsSync(path.join(root, file ?? '')), `${name}: ${file ?? ''}`).toBe(true);
      }
    }
  });

  it('has one renderer build (electron-vite), not a second config that builds to out/renderer-check', () => {
    expect(existsSync(path.join(root, 'renderer/vite.config.ts'))).toBe(false);
    const scripts = Object.values(packageScripts()).join('\n');
    expect(scripts).not.toContain('renderer/vite.config');
  });

  it('points at no design file outside the repository, in code comments or docs', () => {
    const self = path.relative(root, import.meta.filename);
    const offenders: string[] = [];
    for (const file of repositoryFiles()) {
      if (file === self || !/\.(ts|tsx|js|mjs|cjs|json|md|sh|yml|yaml|html|css)$/.test(file)) continue;
      const lines = readFileSync(path.join(root, file), 'utf8').split('\n');
      lines.forEach((line, index) => {
        const lower = line.toLowerCase();
        const hit = DESIGN_FILE_REFERENCES.find((reference) => lower.includes(reference.toLowerCase()));
        // `../shared/…` in an import is our own shared/ folder; outside an import it means the spec.
        const specPath =
          /\.\.\/shared\/(domain|DESIGN|STYLE|seed)/.test(line) && !/^\s*(import|export)\b/.test(line);
        if (hit ?? specPath) offenders.push(`${file}:${String(index + 1)}: ${line.trim()}`);
      });
    }
    expect(offenders).toEqual([]);
  });
});
