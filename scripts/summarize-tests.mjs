// Adds up the vitest JSON reports and the static checks into the one line CI reads:
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
  const report = JSON.parse(readFileSync(file, 'utf8'));
  passed += report.numPassedTests;
  failed += report.numFailedTests;
  skipped += report.numPendingTests + report.numTodoTests;
  if (report.numFailedTestSuites > 0 && report.numFailedTests === 0) {
    console.log(`${file}: ${report.numFailedTestSuites} 个测试文件无法加载`);
    failed += report.numFailedTestSuites;
  }
}
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed > 0 ? 1 : 0);
