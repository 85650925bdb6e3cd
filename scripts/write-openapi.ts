/** Writes docs/openapi.json from the same zod schemas the engine and the client use. */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { openApiDocumentText } from '../server/openapi/engine-openapi.js';

const target = fileURLToPath(new URL('../docs/openapi.json', import.meta.url));
writeFileSync(target, openApiDocumentText());
console.log(`已写入 ${target}`);
