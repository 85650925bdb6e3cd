import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { endpoints } from '../shared/api/endpoints.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const read = (file: string): string => readFileSync(path.join(root, file), 'utf8');

interface Operation {
  id: string;
  method: string;
  path: string;
}

function documentOperations(): Operation[] {
  const document = JSON.parse(read('docs/openapi.json')) as {
    paths: Record<string, Record<string, { operationId: string }>>;
  };
  return Object.entries(document.paths).flatMap(([route, operations]) =>
    Object.entries(operations).map(([method, operation]) => ({
      id: operation.operationId,
      method: method.toUpperCase(),
      path: route,
    })),
  );
}

/** How each SDK names an operation where it calls it: the operationId with its method and path. */
const sdks: { name: string; file: string; call: (op: Operation) => string }[] = [
  {
    name: 'Python',
    file: 'sdk/python/src/zhangxiaoer/client.py',
    call: (op) => `"${op.id}", "${op.method}", "${op.path}"`,
  },
  {
    name: 'Java',
    file: 'sdk/java/src/main/java/com/zhangxiaoer/sdk/ZhangxiaoerClient.java',
    call: (op) => `"${op.id}", "${op.method}", "${op.path}"`,
  },
  { name: 'PHP', file: 'sdk/php/src/Client.php', call: (op) => `'${op.id}', '${op.method}', '${op.path}'` },
  // The Node SDK is the app's ApiClient; each method takes method and path from `endpoints.<id>`.
  { name: 'Node', file: 'shared/api/client.ts', call: (op) => `endpoints.${op.id};` },
];

describe('every SDK covers every operation of the OpenAPI document', () => {
  const operations = documentOperations();

  it('docs/openapi.json is generated from the current endpoints (npm run openapi)', () => {
    expect(operations.map((op) => op.id).sort()).toEqual(Object.keys(endpoints).sort());
    for (const op of operations) {
      const spec = endpoints[op.id as keyof typeof endpoints];
      expect({ method: spec.method, path: spec.path }).toEqual({ method: op.method, path: op.path });
    }
  });

  for (const sdk of sdks) {
    it(`${sdk.name} SDK (${sdk.file})`, () => {
      const source = read(sdk.file);
      const missing = operations.filter((op) => !source.includes(sdk.call(op))).map((op) => op.id);
      expect(missing, `${sdk.name} SDK lacks these operations`).toEqual([]);
    });
  }
});
