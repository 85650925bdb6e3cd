// Builds the Node SDK from the app's client sources (shared/api): dist/index.mjs (ESM),
// dist/index.cjs (CommonJS), both for Node 18, zod left as a dependency; and dist/index.d.ts.
import { execFileSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
const dist = path.join(here, 'dist');
rmSync(dist, { recursive: true, force: true });

const common = {
  entryPoints: [path.join(here, 'src/index.ts')],
  bundle: true,
  platform: 'node',
  target: 'node18',
  external: ['zod'],
  logLevel: 'warning',
};
await build({ ...common, format: 'esm', outfile: path.join(dist, 'index.mjs') });
await build({ ...common, format: 'cjs', outfile: path.join(dist, 'index.cjs') });

// Declarations: tsc over the same sources, then one index.d.ts pointing at them.
const tsconfig = path.join(dist, 'tsconfig.types.json');
writeFileSync(
  tsconfig,
  JSON.stringify({
    extends: path.join(root, 'tsconfig.base.json'),
    compilerOptions: {
      noEmit: false,
      declaration: true,
      emitDeclarationOnly: true,
      rootDir: root,
      outDir: path.join(dist, 'types'),
      lib: ['ES2023', 'DOM'],
      types: ['node'],
      typeRoots: [path.join(root, 'node_modules/@types')],
    },
    files: [path.join(here, 'src/index.ts')],
  }),
);
execFileSync(process.execPath, [path.join(root, 'node_modules/typescript/bin/tsc'), '-p', tsconfig], {
  stdio: 'inherit',
});
rmSync(tsconfig);
writeFileSync(path.join(dist, 'index.d.ts'), "export * from './types/sdk/node/src/index.js';\n");
console.log(`[sdk/node] built ${path.relative(root, dist)}`);
