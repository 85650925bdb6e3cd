/** `npm run bench`: runs every bench/*.bench.ts in its own process, one after another. */
import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const benchDir = fileURLToPath(new URL('.', import.meta.url));
const tsxCli = createRequire(import.meta.url).resolve('tsx/cli');
const benches = readdirSync(benchDir)
  .filter((name) => name.endsWith('.bench.ts'))
  .sort();

let failed = 0;
for (const name of benches) {
  console.log(`\n=== ${name} ===`);
  const code = await new Promise<number | null>((resolve) => {
    const child = spawn(process.execPath, [tsxCli, `${benchDir}${name}`], { stdio: 'inherit' });
    child.once('exit', resolve);
  });
  if (code !== 0) {
    failed += 1;
    console.error(`${name} 失败（退出码 ${String(code)}）`);
  }
}
console.log(`\n共 ${String(benches.length)} 个基准，失败 ${String(failed)} 个`);
process.exitCode = failed === 0 ? 0 : 1;
