// Adds up the vitest JSON reports, the SDK runners' results (JSON, or JUnit XML from PHPUnit) and the static checks into the one line CI reads:
// "N passed, N failed, N skipped". Exits 1 when anything failed or a report is missing.
import { existsSync, readFileSync } from 'node:fs';

const [checksFile, ...reports] = process.argv.slice(2);
let passed = 0;
let failed = 0;
let skipped = 0;

for (const line of readFileSync(checksFile, 'utf8').split('\n').filter(Boolean)) {
  const [status, name] = line.split('\t');
  if (status === 'pass') passed += 1;
  else {
    failed += 1;
    console.log(`检查失败：${name}`);
  }
}
for (const file of reports) {
  if (!existsSync(file)) {
    console.log(`缺少测试报告：${file}（该套件未能运行）`);
    failed += 1;
    continue;
  }
  if (file.endsWith('.xml')) {
    const counts = junitCounts(readFileSync(file, 'utf8'));
    passed += counts.passed;
    failed += counts.failed;
    skipped += counts.skipped;
    if (counts.failed > 0) console.log(`${file}: ${counts.failed} 个测试失败`);
    continue;
  }
  const report = JSON.parse(readFileSync(file, 'utf8'));
  if (typeof report.suite === 'string') {
    // An SDK runner's result (scripts/test-sdks.sh): { suite, passed, failed, skipped, failures }.
    passed += Number(report.passed) || 0;
    failed += Number(report.failed) || 0;
    skipped += Number(report.skipped) || 0;
    for (const failure of report.failures ?? []) console.log(`${report.suite} 失败：${failure.name}`);
    continue;
  }
  passed += report.numPassedTests;
  failed += report.numFailedTests;
  skipped += report.numPendingTests + report.numTodoTests;
  if (report.numFailedTestSuites > 0 && report.numFailedTests === 0) {
    console.log(`${file}: ${report.numFailedTestSuites} 个测试文件无法加载`);
    failed += report.numFailedTestSuites;
  }
}
/** Totals of a JUnit XML report: its first <testsuite> (PHPUnit's aggregate of all the others). */
function junitCounts(xml) {
  const tag = /<testsuite\s[^>]*>/.exec(xml)?.[0];
  if (!tag) return { passed: 0, failed: 1, skipped: 0 };
  const attr = (name) => Number(new RegExp(`\\s${name}="(\\d+)"`).exec(tag)?.[1] ?? 0);
  const bad = attr('failures') + attr('errors');
  return { passed: attr('tests') - bad - attr('skipped'), failed: bad, skipped: attr('skipped') };
}

console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed > 0 ? 1 : 0);
