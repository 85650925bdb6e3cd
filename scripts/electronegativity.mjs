// Runs Electronegativity over what ships of electron/ and renderer/ (tests and test helpers left
// out) and fails on any finding above INFORMATIONAL that docs/security-audit.md does not justify.
// Also fails on a justification whose finding no longer appears, so the document stays true.
// No network: the one check that downloads Electron's release list is excluded (see the document).
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
// Electronegativity asks GitHub for fresh translations at start-up (and gives up after a second).
// The audit must not touch the network: its HTTP client is replaced by one that refuses at once,
// and the tool falls back to its bundled English texts.
const toolRequire = createRequire(require.resolve('@doyensec/electronegativity/package.json'));
const gotPath = toolRequire.resolve('got');
const offline = () => Promise.reject(new Error('offline audit: no network'));
offline.head = offline;
require.cache[gotPath] = {
  id: gotPath,
  filename: gotPath,
  loaded: true,
  exports: Object.assign(offline, { default: offline }),
};
const run = require('@doyensec/electronegativity/dist/runner.js');
const electronVersion = JSON.parse(
  readFileSync(path.join(root, 'node_modules/electron/package.json'), 'utf8'),
).version;

/** Rows of the table between the markers in docs/security-audit.md: | CHECK | file | reason |. */
function justifiedExceptions() {
  const doc = readFileSync(path.join(root, 'docs/security-audit.md'), 'utf8');
  const table = doc.split('<!-- exceptions:start -->')[1]?.split('<!-- exceptions:end -->')[0] ?? '';
  return table
    .split('\n')
    .filter((line) => /^\|\s*`?[A-Z_]+`?\s*\|/.test(line))
    .map((line) => {
      const [check, file, reason] = line
        .split('|')
        .slice(1, 4)
        .map((cell) => cell.trim().replace(/`/g, ''));
      return { check, file, reason };
    });
}

const scanDir = mkdtempSync(path.join(os.tmpdir(), 'zxe-electronegativity-'));
const shipped = (src) => !/\.test\.tsx?$/.test(src) && !src.split(path.sep).includes('testing');
try {
  cpSync(path.join(root, 'electron'), path.join(scanDir, 'electron'), { recursive: true, filter: shipped });
  cpSync(path.join(root, 'renderer/index.html'), path.join(scanDir, 'renderer/index.html'));
  cpSync(path.join(root, 'renderer/src'), path.join(scanDir, 'renderer/src'), {
    recursive: true,
    filter: shipped,
  });

  const result = await run(
    {
      input: scanDir,
      isRelative: true,
      isVerbose: false,
      customScan: [],
      excludeFromScan: ['AvailableSecurityFixesGlobalCheck'],
      electronVersionOverride: electronVersion,
      parserPlugins: [],
    },
    false,
  );

  const problems = [];
  for (const error of result.errors) {
    if (!error.tolerable) problems.push(`无法解析 ${error.file}：${error.message}`);
  }
  const exceptions = justifiedExceptions();
  const used = new Set();
  const findings = result.issues.filter((issue) => issue.severity.value > 0);
  for (const issue of findings) {
    const where = `${issue.file}:${String(issue.location.line)}`;
    const label = `${issue.id} ${issue.severity.name}/${issue.confidence.name} ${where} — ${issue.description}`;
    const exception = exceptions.find((e) => e.check === issue.id && e.file === issue.file);
    if (exception) {
      used.add(exception);
      console.log(`  已说明  ${label}`);
    } else {
      problems.push(`未说明的发现：${label}`);
    }
  }
  for (const exception of exceptions) {
    if (!used.has(exception))
      problems.push(`docs/security-audit.md 中的例外已不再出现：${exception.check} ${exception.file}`);
  }
  const informational = result.issues.length - findings.length;
  console.log(
    `Electronegativity（Electron ${electronVersion}）：${String(result.atomicChecks + result.globalChecks)} 项检查，` +
      `${String(findings.length)} 个高于 INFORMATIONAL 的发现（均须在 docs/security-audit.md 说明），${String(informational)} 个 INFORMATIONAL`,
  );
  if (problems.length > 0) {
    for (const problem of problems) console.error(`  ✗ ${problem}`);
    process.exitCode = 1;
  }
} finally {
  rmSync(scanDir, { recursive: true, force: true });
}
