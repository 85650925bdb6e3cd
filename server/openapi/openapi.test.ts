import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { endpoints } from '../../shared/api/index.js';
import { createTestEngine, type TestEngine } from '../testing/test-engine.js';
import { buildEngineOpenApiDocument, openApiDocumentText } from './engine-openapi.js';

const committedPath = new URL('../../docs/openapi.json', import.meta.url);

interface OpenApiLike {
  openapi: string;
  info: { title: string; version: string };
  paths: Record<string, Record<string, { operationId: string; security?: unknown[] }>>;
  components: { schemas: Record<string, unknown>; securitySchemes: Record<string, unknown> };
}

let engine: TestEngine;
beforeEach(() => {
  engine = createTestEngine();
});
afterEach(async () => {
  await engine.close();
});

describe('OpenAPI document', () => {
  it('is committed as docs/openapi.json exactly as `npm run openapi` writes it', () => {
    const committed = readFileSync(committedPath, 'utf8');
    expect(JSON.parse(committed), 'docs/openapi.json is stale: run `npm run openapi`').toEqual(
      JSON.parse(openApiDocumentText()),
    );
    expect(committed).toBe(`${JSON.stringify(JSON.parse(committed), null, 2)}\n`);
  });

  it('looks like OpenAPI 3.1 with every endpoint of the table', () => {
    const document = buildEngineOpenApiDocument() as unknown as OpenApiLike;
    expect(document.openapi).toBe('3.1.0');
    expect(document.info.title).toBe('账小二开放平台 API');
    for (const spec of Object.values(endpoints)) {
      const operation = document.paths[spec.path]?.[spec.method.toLowerCase()];
      expect(operation, `${spec.method} ${spec.path}`).toBeDefined();
    }
    expect(document.components.securitySchemes.bearerAuth).toMatchObject({ type: 'http', scheme: 'bearer' });
    // Every $ref points at a component that exists.
    const refs = JSON.stringify(document).match(/"\$ref":"#\/components\/schemas\/[^"]+"/g) ?? [];
    expect(refs.length).toBeGreaterThan(0);
    for (const ref of refs) {
      const name = ref.slice('"$ref":"#/components/schemas/'.length, -1);
      expect(document.components.schemas[name], name).toBeDefined();
    }
  });

  it('marks the engine’s own openapi.json route as a public extension', () => {
    const document = buildEngineOpenApiDocument() as unknown as OpenApiLike;
    expect(document.paths['/api/v2/openapi.json']?.get).toMatchObject({
      security: [],
      'x-zxe-extension': true,
    });
  });

  it('is served at /api/v2/openapi.json without a key', async () => {
    const response = await engine.app.inject({ method: 'GET', url: '/api/v2/openapi.json' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual(JSON.parse(openApiDocumentText()));
  });
});
